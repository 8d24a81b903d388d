// Use case: the controller answers a contested instruction — withdraws, amends or maintains it — which closes its
// duty to answer (GDPR Art. 28(3), last subparagraph).

import { invalidInput } from "../../domain/error.js";
import { answerContestedInstruction } from "../../domain/instruction.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredInstruction } from "../../store/instruction-repository.js";
import { SIDE } from "../access/access.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { findInstruction } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { contentHash, inTransaction } from "../register/unit-of-work.js";

const DECISIONS = ["withdraw", "amend", "maintain"] as const;

export interface AnswerInstructionOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly instruction: string;
    readonly decision: string;
    readonly reasons: string;
    /** For an amendment: the new text. */
    readonly text?: string;
  };
  readonly now: number;
}

export async function answerInstruction({
  register,
  principal,
  input,
  now,
}: AnswerInstructionOptions): Promise<StoredInstruction> {
  if (!(DECISIONS as readonly string[]).includes(input.decision)) {
    throw invalidInput(
      { fr: `décision inconnue « ${input.decision} »`, en: `unknown decision "${input.decision}"` },
      { argument: "decision", accepted: { fr: DECISIONS.join(", "), en: DECISIONS.join(", ") } },
    );
  }
  const decision = input.decision as (typeof DECISIONS)[number];
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const instruction = await findInstruction(unit, input.instruction);
    unit.access.actFor(instruction.controllerId, SIDE.controller);
    const answered: StoredInstruction = {
      ...answerContestedInstruction(instruction, {
        at: now,
        decision,
        reasons: input.reasons,
        ...(input.text !== undefined ? { newText: input.text } : {}),
      }),
      answerObligationId: instruction.answerObligationId,
    };
    await unit.instructions.save(answered, now);
    if (instruction.answerObligationId) {
      const duty = await unit.obligations.byId(instruction.answerObligationId);
      if (duty && (duty.status === "open" || duty.status === "late")) {
        const note = `${decision}: ${input.reasons.trim()}`;
        await settleObligation(unit, duty, "done", { note, at: now, by: principal.id });
      }
    }
    unit.record({
      type: "instruction.answered",
      payload: {
        v: 1,
        instructionId: answered.id,
        agreementId: answered.agreementId,
        decision,
        reasons: input.reasons.trim(),
        status: answered.status,
        textSha256: contentHash(answered.text),
      },
    });
    return answered;
  });
  return result;
}
