// Finding the record a person names: an organisation by any of its names, any other record by its id, whole or by
// its first characters when they name exactly one.

import type { Agreement } from "../../domain/agreement.js";
import type { Breach } from "../../domain/breach.js";
import { Art28Error } from "../../domain/error.js";
import type { Organisation } from "../../domain/organisation.js";
import type { SubprocessorChange } from "../../domain/subprocessor-change.js";
import type { StoredAudit } from "../../store/audit-repository.js";
import type { StoredInstruction } from "../../store/instruction-repository.js";
import type { StoredRecurringDuty } from "../../store/recurring-duty-repository.js";
import type { Repositories } from "../../store/repositories.js";
import type { StoredRequest } from "../../store/request-repository.js";

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

async function findById<T>(lookup: ById<T>, reference: string, kind: RecordKind): Promise<T> {
  const text = reference.trim().toLowerCase();
  const exact = await lookup.byId(text);
  if (exact) return exact;
  const matches = text.length >= MIN_PREFIX ? await lookup.byIdPrefix(text, 2) : [];
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
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
  throw new Art28Error(
    "not_found",
    { fr: `${fr[0]} « ${reference} » introuvable`, en: `${en[0]} "${reference}" not found` },
    { argument },
  );
}

/** An organisation by name, id, UAI, SIREN, SIRET or BCE number. */
export async function findOrganisation(
  repositories: Pick<Repositories, "organisations">,
  reference: string,
  argument = "organisation",
): Promise<Organisation> {
  const found = await repositories.organisations.find(reference.trim());
  if (!found) {
    throw new Art28Error(
      "not_found",
      { fr: `organisation « ${reference} » introuvable`, en: `organisation "${reference}" not found` },
      { argument },
    );
  }
  return found;
}

export function findAgreement(
  repositories: Pick<Repositories, "agreements">,
  reference: string,
  argument = "agreement",
): Promise<Agreement> {
  return findById(repositories.agreements, reference, {
    fr: ["accord", "accords"],
    en: ["agreement", "agreements"],
    argument,
  });
}

export function findBreach(repositories: Pick<Repositories, "breaches">, reference: string): Promise<Breach> {
  return findById(repositories.breaches, reference, {
    fr: ["violation", "violations"],
    en: ["breach", "breaches"],
    argument: "breach",
  });
}

export function findRequest(
  repositories: Pick<Repositories, "requests">,
  reference: string,
): Promise<StoredRequest> {
  return findById(repositories.requests, reference, {
    fr: ["demande", "demandes"],
    en: ["request", "requests"],
    argument: "request",
  });
}

export function findSubprocessorChange(
  repositories: Pick<Repositories, "subprocessorChanges">,
  reference: string,
): Promise<SubprocessorChange> {
  const changes = repositories.subprocessorChanges;
  return findById(
    {
      byId: (id) => changes.changeById(id),
      byIdPrefix: (prefix, limit) => changes.changesByIdPrefix(prefix, limit),
    },
    reference,
    { fr: ["changement", "changements"], en: ["change", "changes"], argument: "change" },
  );
}

export function findAudit(
  repositories: Pick<Repositories, "audits">,
  reference: string,
): Promise<StoredAudit> {
  return findById(repositories.audits, reference, {
    fr: ["audit", "audits"],
    en: ["audit", "audits"],
    argument: "audit",
  });
}

export function findInstruction(
  repositories: Pick<Repositories, "instructions">,
  reference: string,
): Promise<StoredInstruction> {
  return findById(repositories.instructions, reference, {
    fr: ["instruction", "instructions"],
    en: ["instruction", "instructions"],
    argument: "instruction",
  });
}

export function findRecurringDuty(
  repositories: Pick<Repositories, "recurringDuties">,
  reference: string,
): Promise<StoredRecurringDuty> {
  return findById(repositories.recurringDuties, reference, {
    fr: ["obligation périodique", "obligations périodiques"],
    en: ["recurring duty", "recurring duties"],
    argument: "duty",
  });
}
