// Use case: move an agreement through draft → active → terminated → closed, under the domain's guards.

import type { Actor } from "../domain/actor.js";
import type { Agreement, AgreementStatus } from "../domain/agreement.js";
import { transitionAgreement } from "../domain/agreement.js";
import { type EpochDay, epochDayFromIso } from "../domain/epoch-day.js";
import { Art28Error, invalidInput } from "../domain/error.js";
import type { Register } from "./open-register.js";
import { inTransaction, type UnitOfWork } from "./unit-of-work.js";

export interface ChangeAgreementStatusOptions {
  readonly register: Register;
  readonly actor: Actor;
  readonly input: {
    readonly id: string;
    readonly to: AgreementStatus;
    /** ISO dates. */
    readonly effectiveOn?: string;
    readonly endsOn?: string;
  };
  readonly now: number;
}

function day(text: string | undefined, argument: string): EpochDay | undefined {
  if (text === undefined) return undefined;
  try {
    return epochDayFromIso(text);
  } catch {
    throw invalidInput(
      { fr: `« ${text} » n'est pas une date`, en: `"${text}" is not a date` },
      {
        argument,
        accepted: { fr: "AAAA-MM-JJ", en: "YYYY-MM-DD" },
      },
    );
  }
}

export async function changeAgreementStatus({
  register,
  actor,
  input,
  now,
}: ChangeAgreementStatusOptions): Promise<Agreement> {
  const { result } = await inTransaction(register, actor, now, async (unit) => {
    const agreement = await unit.agreements.byId(input.id);
    if (!agreement) {
      throw new Art28Error(
        "not_found",
        { fr: `accord « ${input.id} » introuvable`, en: `agreement "${input.id}" not found` },
        {
          argument: "id",
        },
      );
    }
    return setAgreementStatus(unit, agreement, input.to, {
      effectiveOn: day(input.effectiveOn, "effective"),
      endsOn: day(input.endsOn, "ends"),
    });
  });
  return result;
}

/** The step inside a unit of work. */
export async function setAgreementStatus(
  unit: UnitOfWork,
  agreement: Agreement,
  to: AgreementStatus,
  dates: { readonly effectiveOn?: EpochDay; readonly endsOn?: EpochDay } = {},
): Promise<Agreement> {
  const moved = transitionAgreement(agreement, { to, now: unit.now, ...dates });
  await unit.agreements.updateStatus(moved);
  unit.record({
    type: "agreement.status_changed",
    payload: { v: 1, agreementId: agreement.id, from: agreement.status, to: moved.status },
  });
  return moved;
}
