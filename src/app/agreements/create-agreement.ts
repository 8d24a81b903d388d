// Use case: record an agreement typed in (or built by another use case) with its parties, terms and provenance.

import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementKind,
  type AgreementSource,
  checkParties,
  EMPTY_PROCESSING,
  type Party,
  type PartyRole,
  type ProcessingDescription,
  type Provenance,
  type SecurityMeasure,
  type Subprocessor,
  type TermKey,
  transitionAgreement,
} from "../../domain/agreement.js";
import { type EpochDay, epochDayFromIso } from "../../domain/epoch-day.js";
import { Art28Error, invalidInput } from "../../domain/error.js";
import { type OrganisationRole, withRole } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import { type AgreementTerms, TERM_IDS } from "../../domain/terms.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { contentHash, inTransaction, newId, type UnitOfWork } from "../register/unit-of-work.js";
import { addJointArrangement, type EntTie } from "./tie-agreement-to-ent.js";

export interface AgreementInput {
  readonly kind: AgreementKind;
  readonly title: string;
  readonly parties: readonly Party[];
  /** ISO dates (2026-09-01). */
  readonly effectiveOn?: string | null;
  readonly endsOn?: string | null;
  readonly terms?: AgreementTerms;
  /** Provenance per term; a term without one is recorded as typed by the principal. */
  readonly provenance?: Readonly<Partial<Record<TermKey, Provenance>>>;
  readonly processing?: ProcessingDescription;
  readonly securityMeasures?: readonly SecurityMeasure[];
  readonly subprocessors?: readonly Omit<Subprocessor, "id">[];
  readonly source?: AgreementSource | null;
  /** Record it in force at once (needs an effective date), or as a draft (default). */
  readonly status?: "draft" | "active";
  readonly note?: string | null;
  /** The school ENT the agreement belongs to: a convention on the kit's model, or the ENT's processor agreement. */
  readonly ent?: EntTie;
}

/** A party named as people name organisations (name, UAI, SIRET…), for adapters. */
export interface PartyReference {
  readonly organisation: string;
  readonly role: PartyRole;
}

export interface CreateAgreementOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: Omit<AgreementInput, "parties"> & { readonly parties: readonly (Party | PartyReference)[] };
  readonly now: number;
}

export async function createAgreement({
  register,
  principal,
  input,
  now,
}: CreateAgreementOptions): Promise<Agreement> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const parties: Party[] = [];
    for (const party of input.parties) {
      parties.push(
        "organisation" in party
          ? {
              // Any organisation of the tenant may be named as a party; the principal must act for one of them.
              organisationId: (await findOrganisation(unit, party.organisation, party.role, "name")).id,
              role: party.role,
            }
          : party,
      );
    }
    return addAgreement(unit, { ...input, parties });
  });
  return result;
}

const ROLE_PLAYED: Record<PartyRole, OrganisationRole> = {
  controller: "controller",
  joint_controller: "controller",
  processor: "processor",
  sub_processor: "processor",
};

function isoDay(text: string | null | undefined, argument: string): EpochDay | null {
  if (text === null || text === undefined || text === "") return null;
  try {
    return epochDayFromIso(text);
  } catch {
    throw invalidInput(
      { fr: `« ${text} » n'est pas une date`, en: `"${text}" is not a date` },
      { argument, accepted: { fr: "AAAA-MM-JJ", en: "YYYY-MM-DD" } },
    );
  }
}

/** Every term the agreement sets, as provenance keys. */
function termKeys(terms: AgreementTerms): TermKey[] {
  const keys: TermKey[] = TERM_IDS.filter((id) => terms.durations[id] !== undefined);
  for (const key of [
    "subprocessorAuthorization",
    "objectionSilence",
    "transfersOutsideEEA",
    "auditFrequencyPerYear",
    "governingLaw",
  ] as const) {
    if (terms[key] !== undefined) keys.push(key);
  }
  return keys;
}

/** The step inside a unit of work: checks parties exist, records the agreement, its first version and event. */
export async function addAgreement(unit: UnitOfWork, input: AgreementInput): Promise<Agreement> {
  if (!(AGREEMENT_KINDS as readonly string[]).includes(input.kind)) {
    const accepted = AGREEMENT_KINDS.join(", ");
    throw invalidInput(
      { fr: `type d'accord inconnu « ${input.kind} »`, en: `unknown agreement kind "${input.kind}"` },
      {
        argument: "kind",
        accepted: { fr: accepted, en: accepted },
      },
    );
  }
  const title = input.title.trim();
  if (title.length === 0) {
    throw invalidInput(
      { fr: "un accord a besoin d'un titre", en: "an agreement needs a title" },
      { argument: "title" },
    );
  }
  const parties = checkParties(input.kind, input.parties);
  // Outsiders are told "not found", as everywhere: the parties they named are not theirs to act for.
  await unit.access.require(
    { organisations: parties.map((p) => p.organisationId) },
    "change",
    () =>
      new Art28Error(
        "not_found",
        {
          fr: "aucune des parties n'est une organisation pour laquelle vous agissez",
          en: "none of the parties is an organisation you act for",
        },
        { argument: "parties" },
      ),
  );
  const organisations = await unit.organisations.byIds(parties.map((p) => p.organisationId));
  for (const party of parties) {
    const organisation = organisations.get(party.organisationId);
    if (!organisation) {
      throw new Art28Error(
        "not_found",
        {
          fr: `organisation ${party.organisationId} introuvable`,
          en: `organisation ${party.organisationId} not found`,
        },
        { argument: "parties" },
      );
    }
    const role = ROLE_PLAYED[party.role];
    const updated = withRole(organisation, role);
    if (updated !== organisation) {
      await unit.organisations.updateRoles(updated.id, updated.roles);
      organisations.set(updated.id, updated);
      unit.record({ type: "organisation.role_added", payload: { v: 1, organisationId: updated.id, role } });
    }
  }
  let terms: AgreementTerms = input.terms ?? { durations: {} };
  const provenance: Partial<Record<TermKey, Provenance>> = {};
  const model = input.kind === "joint_controller" ? input.ent?.model : undefined;
  if (model && terms.durations.incident_alert_between_controllers === undefined) {
    // The kit's conventions: an incident is passed on to the other parties within 48 hours at most.
    terms = {
      ...terms,
      durations: { ...terms.durations, incident_alert_between_controllers: { amount: 48, unit: "hours" } },
    };
    provenance.incident_alert_between_controllers = { kind: "generated", template: `ent-kit-model-${model}` };
  }
  for (const key of termKeys(terms)) {
    provenance[key] = input.provenance?.[key] ??
      provenance[key] ?? { kind: "typed", by: unit.principal.id, at: unit.now };
  }
  let agreement: Agreement = {
    id: newId(),
    tenant: unit.principal.tenant,
    kind: input.kind,
    title,
    status: "draft",
    parties,
    effectiveOn: isoDay(input.effectiveOn, "effective"),
    endsOn: isoDay(input.endsOn, "ends"),
    terms,
    provenance,
    processing: input.processing ?? EMPTY_PROCESSING,
    securityMeasures: input.securityMeasures ?? [],
    subprocessors: (input.subprocessors ?? []).map((s) => ({ ...s, id: newId() })),
    source: input.source ?? null,
    version: 1,
    createdAt: unit.now,
    updatedAt: unit.now,
  };
  if (input.status === "active") agreement = transitionAgreement(agreement, { to: "active", now: unit.now });
  await unit.agreements.insert(agreement, unit.principal.id, input.note ?? null);
  unit.record({
    type: "agreement.created",
    payload: {
      v: 1,
      agreementId: agreement.id,
      kind: agreement.kind,
      title: agreement.title,
      parties: agreement.parties,
      status: agreement.status,
      version: agreement.version,
      sourceSha256: agreement.source?.sha256 ?? null,
      contentSha256: contentHash(agreement),
    },
  });
  if (input.ent) await addJointArrangement(unit, agreement, input.ent);
  return agreement;
}
