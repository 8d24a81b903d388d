// Use case: move an agreement through draft → active → terminated → closed, under the domain's guards.

import {
  AGREEMENT_STATUSES,
  type Agreement,
  type AgreementStatus,
  transitionAgreement,
} from "../../domain/agreement.js";
import { type EpochDay, epochDayFromIso } from "../../domain/epoch-day.js";
import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, type UnitOfWork } from "../register/unit-of-work.js";

export interface ChangeAgreementStatusOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The agreement's id, or its first characters (at least 6). */
    readonly id: string;
    /** draft, active, terminated or closed. */
    readonly to: string;
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
  principal,
  input,
  now,
}: ChangeAgreementStatusOptions): Promise<Agreement> {
  const to = readStatus(input.to);
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.id, "id");
    return setAgreementStatus(unit, agreement, to, {
      effectiveOn: day(input.effectiveOn, "effective"),
      endsOn: day(input.endsOn, "ends"),
    });
  });
  return result;
}

function readStatus(text: string): AgreementStatus {
  const status = text.trim().toLowerCase() as AgreementStatus;
  if (!AGREEMENT_STATUSES.includes(status)) {
    throw invalidInput(
      { fr: `statut inconnu « ${text} »`, en: `unknown status "${text}"` },
      {
        argument: "status",
        accepted: { fr: AGREEMENT_STATUSES.join(", "), en: AGREEMENT_STATUSES.join(", ") },
      },
    );
  }
  return status;
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
