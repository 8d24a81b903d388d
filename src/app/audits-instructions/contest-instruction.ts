// Use case: the processor tells the controller an instruction infringes the law (GDPR Art. 28(3), last
// subparagraph): the instruction is suspended and the controller owes an answer.

import { Art28Error } from "../../domain/error.js";
import { contestInstruction as contest } from "../../domain/instruction.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredInstruction } from "../../store/instruction-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { findInstruction } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface ContestInstructionOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly instruction: string; readonly grounds: string };
  readonly now: number;
}

export async function contestInstruction({
  register,
  principal,
  input,
  now,
}: ContestInstructionOptions): Promise<StoredInstruction> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const instruction = await findInstruction(unit, input.instruction);
    const agreement = await unit.agreements.byId(instruction.agreementId);
    if (!agreement)
      throw new Art28Error("not_found", { fr: "accord introuvable", en: "agreement not found" });
    const sides = await agreementSidesOf(unit, agreement);
    unit.access.actFor(sides.processor.id, SIDE.processor);
    const contested = contest(instruction, { at: now, grounds: input.grounds }, sides.clock);
    const [duty] = await recordObligations(unit, [contested.answerDuty]);
    const stored: StoredInstruction = { ...contested.instruction, answerObligationId: duty?.id ?? null };
    await unit.instructions.save(stored, now);
    unit.record({
      type: "instruction.contested",
      payload: {
        v: 1,
        instructionId: stored.id,
        agreementId: stored.agreementId,
        grounds: stored.contest?.grounds ?? "",
        at: now,
      },
    });
    return stored;
  });
  return result;
}
