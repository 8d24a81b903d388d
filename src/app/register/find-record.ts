// Finding the record a person names: an organisation by any of its names, any other record by its id, whole or by
// its first characters when they name exactly one — and only when the principal may reach it (read, or change inside
// a use case's transaction): a record out of reach is "not found" exactly as one that does not exist.

import type { Agreement } from "../../domain/agreement.js";
import type { Breach } from "../../domain/breach.js";
import { Art28Error } from "../../domain/error.js";
import type { Organisation } from "../../domain/organisation.js";
import type { SubprocessorChange } from "../../domain/subprocessor-change.js";
import type { StoredAudit } from "../../store/audit-repository.js";
import type { StoredInstruction } from "../../store/instruction-repository.js";
import type { StoredRecurringDuty } from "../../store/recurring-duty-repository.js";
import type { StoredRequest } from "../../store/request-repository.js";
import type { AccessMode, Concerns } from "../access/access.js";
import type { Scoped } from "./unit-of-work.js";

/** Fewer characters would match too many ids to mean one. */
const MIN_PREFIX = 6;

interface ById<T> {
  byId(id: string): Promise<T | undefined>;
  byIdPrefix(prefix: string, limit: number): Promise<readonly T[]>;
}

/** What a kind of record is called in messages (one, several), and the argument that names it. */
interface RecordKind {
  readonly fr: readonly [string, string];
  readonly en: readonly [string, string];
  readonly argument: string;
}

function notFound(reference: string, kind: RecordKind): Art28Error {
  const { fr, en, argument } = kind;
  return new Art28Error(
    "not_found",
    { fr: `${fr[0]} « ${reference} » introuvable`, en: `${en[0]} "${reference}" not found` },
    { argument },
  );
}

async function findById<T>(
  scope: Pick<Scoped, "access">,
  lookup: ById<T>,
  reference: string,
  kind: RecordKind,
  concerns: (record: T) => Concerns | Promise<Concerns>,
  mode: AccessMode | undefined,
): Promise<T> {
  const text = reference.trim().toLowerCase();
  let found: T | undefined = await lookup.byId(text);
  const matches = found || text.length < MIN_PREFIX ? [] : await lookup.byIdPrefix(text, 2);
  if (!found && matches.length === 1) found = matches[0];
  if (found) {
    await scope.access.require(await concerns(found), mode ?? scope.access.defaultMode, () =>
      notFound(reference, kind),
    );
    return found;
  }
  const { fr, en, argument } = kind;
  if (matches.length > 1) {
    throw new Art28Error(
      "invalid_input",
      {
        fr: `plusieurs ${fr[1]} commencent par « ${reference} » : donnez plus de caractères`,
        en: `several ${en[1]} start with "${reference}": give more characters`,
      },
      { argument },
    );
  }
  throw notFound(reference, kind);
}

/** An organisation by name, id, UAI, SIREN, SIRET or BCE number. */
export async function findOrganisation(
  scope: Pick<Scoped, "organisations" | "access">,
  reference: string,
  argument = "organisation",
  /** "name" finds any organisation of the tenant, as a counterparty is named (its records stay out of reach). */
  mode?: AccessMode | "name",
): Promise<Organisation> {
  const missing = () =>
    new Art28Error(
      "not_found",
      { fr: `organisation « ${reference} » introuvable`, en: `organisation "${reference}" not found` },
      { argument },
    );
  const found = await scope.organisations.find(reference.trim());
  if (!found) throw missing();
  if (mode !== "name") {
    await scope.access.require({ organisations: [found.id] }, mode ?? scope.access.defaultMode, missing);
  }
  return found;
}

export function findAgreement(
  scope: Pick<Scoped, "agreements" | "access">,
  reference: string,
  argument = "agreement",
  mode?: AccessMode,
): Promise<Agreement> {
  return findById(
    scope,
    scope.agreements,
    reference,
    { fr: ["accord", "accords"], en: ["agreement", "agreements"], argument },
    (a) => ({ organisations: a.parties.map((p) => p.organisationId), agreements: [a.id] }),
    mode,
  );
}

export function findBreach(
  scope: Pick<Scoped, "breaches" | "access">,
  reference: string,
  mode?: AccessMode,
): Promise<Breach> {
  return findById(
    scope,
    scope.breaches,
    reference,
    { fr: ["violation", "violations"], en: ["breach", "breaches"], argument: "breach" },
    (b) => breachConcerns(scope, b),
    mode,
  );
}

export function findRequest(
  scope: Pick<Scoped, "requests" | "access">,
  reference: string,
  mode?: AccessMode,
): Promise<StoredRequest> {
  return findById(
    scope,
    scope.requests,
    reference,
    { fr: ["demande", "demandes"], en: ["request", "requests"], argument: "request" },
    requestConcerns,
    mode,
  );
}

export function findSubprocessorChange(
  scope: Pick<Scoped, "subprocessorChanges" | "access">,
  reference: string,
  mode?: AccessMode,
): Promise<SubprocessorChange> {
  const changes = scope.subprocessorChanges;
  return findById(
    scope,
    {
      byId: (id) => changes.changeById(id),
      byIdPrefix: (prefix, limit) => changes.changesByIdPrefix(prefix, limit),
    },
    reference,
    { fr: ["changement", "changements"], en: ["change", "changes"], argument: "change" },
    (c) => changeConcerns(scope, c),
    mode,
  );
}

export function findAudit(
  scope: Pick<Scoped, "audits" | "access">,
  reference: string,
  mode?: AccessMode,
): Promise<StoredAudit> {
  return findById(
    scope,
    scope.audits,
    reference,
    { fr: ["audit", "audits"], en: ["audit", "audits"], argument: "audit" },
    (a) => ({ organisations: [a.controllerId, a.processorId], agreements: [a.agreementId] }),
    mode,
  );
}

export function findInstruction(
  scope: Pick<Scoped, "instructions" | "access">,
  reference: string,
  mode?: AccessMode,
): Promise<StoredInstruction> {
  return findById(
    scope,
    scope.instructions,
    reference,
    { fr: ["instruction", "instructions"], en: ["instruction", "instructions"], argument: "instruction" },
    (i) => ({ agreements: [i.agreementId] }),
    mode,
  );
}

export function findRecurringDuty(
  scope: Pick<Scoped, "recurringDuties" | "access">,
  reference: string,
  mode?: AccessMode,
): Promise<StoredRecurringDuty> {
  return findById(
    scope,
    scope.recurringDuties,
    reference,
    {
      fr: ["obligation périodique", "obligations périodiques"],
      en: ["recurring duty", "recurring duties"],
      argument: "duty",
    },
    (d) => ({ organisations: [d.holderId, d.counterpartyId], agreements: [d.agreementId] }),
    mode,
  );
}

/** A breach concerns its recorder, and each controller it was notified to with that controller's agreement. */
export async function breachConcerns(scope: Pick<Scoped, "breaches">, breach: Breach): Promise<Concerns> {
  const notifications = await scope.breaches.notifications(breach.id);
  return {
    organisations: [breach.recordedBy, ...notifications.map((n) => n.controllerId)],
    agreements: notifications.map((n) => n.agreementId),
  };
}

/** A change concerns its processor and each agreement it opened a window on. */
export async function changeConcerns(
  scope: Pick<Scoped, "subprocessorChanges">,
  change: SubprocessorChange,
): Promise<Concerns> {
  const windows = await scope.subprocessorChanges.windowsOfChange(change.id);
  return { organisations: [change.processorId], agreements: windows.map((w) => w.agreementId) };
}

export function requestConcerns(request: StoredRequest): Concerns {
  return { organisations: [request.controllerId, request.processorId], agreements: [request.agreementId] };
}
