// Use case: record one of the controller's documented instructions under an agreement (GDPR Art. 28(3)(a)).

import { invalidInput } from "../../domain/error.js";
import {
  INSTRUCTION_CHANNELS,
  type InstructionChannel,
  recordInstruction as record,
} from "../../domain/instruction.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredInstruction } from "../../store/instruction-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { contentHash, inTransaction, newId } from "../register/unit-of-work.js";

export interface RecordInstructionOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    readonly channel: string;
    readonly text: string;
    /** When the instruction was given (default: now). */
    readonly givenAt?: number;
  };
  readonly now: number;
}

export async function recordInstruction({
  register,
  principal,
  input,
  now,
}: RecordInstructionOptions): Promise<StoredInstruction> {
  if (!(INSTRUCTION_CHANNELS as readonly string[]).includes(input.channel)) {
    const accepted = INSTRUCTION_CHANNELS.join(", ");
    throw invalidInput(
      {
        fr: `canal inconnu « ${input.channel} » (une instruction orale n'est pas documentée)`,
        en: `unknown channel "${input.channel}" (an oral instruction is not documented)`,
      },
      { argument: "channel", accepted: { fr: accepted, en: accepted } },
    );
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    const sides = await agreementSidesOf(unit, agreement);
    unit.access.actFor(sides.controller.id, SIDE.controller);
    const instruction: StoredInstruction = {
      ...record({
        id: newId(),
        agreementId: agreement.id,
        controllerId: sides.controller.id,
        processorId: sides.processor.id,
        givenAt: input.givenAt ?? now,
        channel: input.channel as InstructionChannel,
        text: input.text,
      }),
      answerObligationId: null,
    };
    await unit.instructions.insert(instruction, now);
    unit.record({
      type: "instruction.recorded",
      payload: {
        v: 1,
        instructionId: instruction.id,
        agreementId: agreement.id,
        channel: instruction.channel,
        givenAt: instruction.givenAt,
        textSha256: contentHash(instruction.text),
      },
    });
    return instruction;
  });
  return result;
}
