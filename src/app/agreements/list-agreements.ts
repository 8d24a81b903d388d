// Use case: the agreements of the register, optionally those of one organisation, with their parties named.

import type { AgreementKind, AgreementStatus, PartyRole } from "../../domain/agreement.js";
import { epochDayToIso } from "../../domain/epoch-day.js";
import type { Principal } from "../../domain/principal.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface AgreementSummary {
  readonly id: string;
  readonly kind: AgreementKind;
  readonly title: string;
  readonly status: AgreementStatus;
  readonly version: number;
  readonly effectiveOn: string | null;
  readonly endsOn: string | null;
  readonly parties: readonly { readonly id: string; readonly name: string; readonly role: PartyRole }[];
  readonly terms: number;
  readonly subprocessors: number;
  readonly sourceSha256: string | null;
}

export interface ListAgreementsOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input?: { readonly organisation?: string };
  /** The caller's clock: an auditor's grant runs until an instant (default: the machine's clock). */
  readonly now?: number;
}

export async function listAgreements({
  register,
  principal,
  input = {},
  now,
}: ListAgreementsOptions): Promise<AgreementSummary[]> {
  const repositories = reader(register, principal, now);
  let organisationId: string | undefined;
  if (input.organisation) {
    organisationId = (await findOrganisation(repositories, input.organisation, "--org")).id;
  }
  const agreements = await repositories.access.filter(
    await repositories.agreements.list(organisationId ? { organisationId } : {}),
    (a) => ({ agreements: [a.id] }),
  );
  const names = await repositories.organisations.byIds(
    agreements.flatMap((a) => a.parties.map((p) => p.organisationId)),
  );
  return agreements.map((a) => ({
    id: a.id,
    kind: a.kind,
    title: a.title,
    status: a.status,
    version: a.version,
    effectiveOn: a.effectiveOn === null ? null : epochDayToIso(a.effectiveOn),
    endsOn: a.endsOn === null ? null : epochDayToIso(a.endsOn),
    parties: a.parties.map((p) => ({
      id: p.organisationId,
      name: names.get(p.organisationId)?.name ?? "?",
      role: p.role,
    })),
    terms: Object.keys(a.provenance).length,
    subprocessors: a.subprocessors.length,
    sourceSha256: a.source?.sha256 ?? null,
  }));
}
