// Use case: amend an agreement (terms, processing, measures, sub-processors…), recording a new version.

import {
  type Agreement,
  type AgreementAmendment,
  amendAgreement as amend,
  type Provenance,
  type TermKey,
} from "../../domain/agreement.js";
import type { Principal } from "../../domain/principal.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { contentHash, inTransaction, type UnitOfWork } from "../register/unit-of-work.js";

export interface AmendAgreementOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly id: string;
    readonly amendment: AgreementAmendment;
    readonly note?: string | null;
  };
  readonly now: number;
}

export async function amendAgreement({
  register,
  principal,
  input,
  now,
}: AmendAgreementOptions): Promise<Agreement> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const current = await findAgreement(unit, input.id, "id");
    const amendment: { -readonly [K in keyof AgreementAmendment]: AgreementAmendment[K] } = {
      ...input.amendment,
    };
    if (amendment.terms && !amendment.provenance) {
      // Terms changed by hand without a stated source are typed by the principal; untouched terms keep theirs.
      const provenance: Partial<Record<TermKey, Provenance>> = { ...current.provenance };
      for (const [key, value] of Object.entries(amendment.terms.durations)) {
        const before = current.terms.durations[key as keyof typeof current.terms.durations];
        if (JSON.stringify(before) !== JSON.stringify(value)) {
          provenance[key as TermKey] = { kind: "typed", by: principal.id, at: now };
        }
      }
      amendment.provenance = provenance;
    }
    return reviseAgreement(unit, current, amendment, input.note ?? null);
  });
  return result;
}

/** The step of amendAgreement: a new version saved and journalled, in the caller's transaction. */
export async function reviseAgreement(
  unit: UnitOfWork,
  current: Agreement,
  amendment: AgreementAmendment,
  note: string | null,
): Promise<Agreement> {
  const amended = amend(current, amendment, unit.now);
  await unit.agreements.saveAmendment(amended, unit.principal.id, note);
  unit.record({
    type: "agreement.amended",
    payload: {
      v: 1,
      agreementId: amended.id,
      version: amended.version,
      note,
      contentSha256: contentHash(amended),
    },
  });
  return amended;
}
