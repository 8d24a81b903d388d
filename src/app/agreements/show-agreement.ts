// Use case: one agreement in full — parties, terms with provenance, processing, sub-processors, versions, duties.

import type { Agreement, AgreementVersion } from "../../domain/agreement.js";
import type { JointArrangement } from "../../domain/joint-allocation.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Organisation } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface AgreementDetail {
  readonly agreement: Agreement;
  readonly organisations: Readonly<Record<string, Pick<Organisation, "id" | "name" | "type" | "calendar">>>;
  readonly versions: readonly Omit<AgreementVersion, "snapshot">[];
  readonly obligations: readonly Obligation[];
  /** Its tie to a school ENT (GDPR Art. 26): the allocation of duties, the schools covered; null when none. */
  readonly arrangement: JointArrangement | null;
}

export interface ShowAgreementOptions {
  readonly register: Register;
  readonly principal: Principal;
  /** The id, or its first characters (at least 6). */
  readonly input: { readonly id: string };
  /** The caller's clock: an auditor's grant runs until an instant (default: the machine's clock). */
  readonly now?: number;
}

export async function showAgreement({
  register,
  principal,
  input,
  now,
}: ShowAgreementOptions): Promise<AgreementDetail> {
  const repositories = reader(register, principal, now);
  const agreement = await findAgreement(repositories, input.id, "id");
  const arrangement = (await repositories.jointArrangements.byAgreement(agreement.id)) ?? null;
  const organisations = await repositories.organisations.byIds([
    ...agreement.parties.map((p) => p.organisationId),
    ...(arrangement?.schools ?? []),
  ]);
  const versions = await repositories.agreements.versions(agreement.id);
  const obligations = await repositories.obligations.forAgreement(agreement.id);
  return {
    agreement,
    organisations: Object.fromEntries(
      [...organisations.values()].map((o) => [
        o.id,
        { id: o.id, name: o.name, type: o.type, calendar: o.calendar },
      ]),
    ),
    versions: versions.map(({ snapshot: _snapshot, ...v }) => v),
    obligations,
    arrangement,
  };
}
