// Use case: the agreements of the register, optionally those of one organisation, with their parties named.

import type { AgreementKind, AgreementStatus, PartyRole } from "../../domain/agreement.js";
import { epochDayToIso } from "../../domain/epoch-day.js";
import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
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
}

export async function listAgreements({
  register,
  principal,
  input = {},
}: ListAgreementsOptions): Promise<AgreementSummary[]> {
  const repositories = reader(register, principal);
  let organisationId: string | undefined;
  if (input.organisation) {
    const organisation = await repositories.organisations.find(input.organisation);
    if (!organisation) throw organisationNotFound(input.organisation);
    organisationId = organisation.id;
  }
  const agreements = await repositories.agreements.list(organisationId ? { organisationId } : {});
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

export function organisationNotFound(reference: string): Art28Error {
  return new Art28Error(
    "not_found",
    { fr: `organisation « ${reference} » introuvable`, en: `organisation "${reference}" not found` },
    { argument: "--org" },
  );
}
