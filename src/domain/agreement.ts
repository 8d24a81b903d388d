// An agreement between organisations (GDPR Art. 26 or 28): parties, status, terms with their provenance, versions.

import { type EpochDay, epochDayToIso } from "./epoch-day.js";
import { Art28Error, invalidInput, type LocalizedText } from "./error.js";
import type { AgreementTerms, TermId } from "./terms.js";

export const AGREEMENT_KINDS = ["dpa", "joint_controller", "subprocessing"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const PARTY_ROLES = ["controller", "joint_controller", "processor", "sub_processor"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const AGREEMENT_STATUSES = ["draft", "active", "terminated", "closed"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Each role in words; an organisation's own roles (controller, processor) read the same. */
export const PARTY_ROLE_LABELS: Readonly<Record<PartyRole, LocalizedText>> = {
  controller: { fr: "responsable de traitement", en: "controller" },
  joint_controller: { fr: "responsable conjoint", en: "joint controller" },
  processor: { fr: "sous-traitant", en: "processor" },
  sub_processor: { fr: "sous-traitant ultérieur", en: "sub-processor" },
};

export interface Party {
  readonly organisationId: string;
  readonly role: PartyRole;
}

/** Where a term's value comes from: a template of ours, a person typing it, or a document read by the analyzer. */
export type Provenance =
  | { readonly kind: "generated"; readonly template: string }
  | { readonly kind: "typed"; readonly by: string; readonly at: number }
  | {
      readonly kind: "analysed";
      readonly sha256: string;
      /** The sentence that sets the term, and its offset in the extracted text; null when the analyzer gives none. */
      readonly quote: string | null;
      readonly offset: number | null;
    };

/** Keys of provenance: a duration term id, or one of the other terms of AgreementTerms. */
export type TermKey =
  | TermId
  | "subprocessorAuthorization"
  | "objectionSilence"
  | "transfersOutsideEEA"
  | "auditFrequencyPerYear"
  | "governingLaw";

export const DATA_SENSITIVITIES = [
  "ordinary",
  "special_category",
  "criminal",
  "national_identifier",
] as const;
/** Ordinary data; GDPR Art. 9 special categories; Art. 10 criminal data; Art. 87 national identification numbers. */
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];

export interface DataCategory {
  readonly name: string;
  readonly sensitivity: DataSensitivity;
}

/** What Art. 28(3) requires the agreement to set out: subject-matter, duration, nature, purpose, data, subjects. */
export interface ProcessingDescription {
  readonly subjectMatter: string | null;
  readonly duration: string | null;
  readonly nature: string | null;
  readonly purposes: readonly string[];
  readonly dataCategories: readonly DataCategory[];
  readonly dataSubjects: readonly string[];
  readonly recipients: readonly string[];
  readonly retention: string | null;
}

export const EMPTY_PROCESSING: ProcessingDescription = {
  subjectMatter: null,
  duration: null,
  nature: null,
  purposes: [],
  dataCategories: [],
  dataSubjects: [],
  recipients: [],
  retention: null,
};

/** GDPR Art. 32 measures, as the agreement or its annex lists them. */
export interface SecurityMeasure {
  readonly category: string;
  readonly description: string;
}

export const TRANSFER_MECHANISMS = [
  "none",
  "adequacy_decision",
  "standard_contractual_clauses",
  "binding_corporate_rules",
  "derogation",
  "unknown",
] as const;
/** GDPR Chapter V: how a transfer outside the EEA is framed ("none": no transfer). */
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export interface Subprocessor {
  readonly id: string;
  readonly name: string;
  readonly siret: string | null;
  readonly activity: string | null;
  readonly location: string | null;
  readonly transferMechanism: TransferMechanism;
  readonly provenance: Provenance;
}

/** Where an imported agreement's text came from. */
export interface AgreementSource {
  readonly sha256: string;
  readonly fileName: string;
  readonly language: "fr" | "en";
}

export interface Agreement {
  readonly id: string;
  readonly tenant: string;
  readonly kind: AgreementKind;
  readonly title: string;
  readonly status: AgreementStatus;
  readonly parties: readonly Party[];
  readonly effectiveOn: EpochDay | null;
  readonly endsOn: EpochDay | null;
  readonly terms: AgreementTerms;
  readonly provenance: Readonly<Partial<Record<TermKey, Provenance>>>;
  readonly processing: ProcessingDescription;
  readonly securityMeasures: readonly SecurityMeasure[];
  readonly subprocessors: readonly Subprocessor[];
  readonly source: AgreementSource | null;
  /** 1 for the agreement as first recorded; each amendment adds one. */
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One recorded version: the agreement as it stood, and why it changed. */
export interface AgreementVersion {
  readonly agreementId: string;
  readonly version: number;
  readonly reason: "created" | "amendment";
  readonly note: string | null;
  readonly at: number;
  readonly by: string;
  readonly snapshot: Agreement;
}

/** Which roles each kind needs at least once before it can come into force. */
const REQUIRED_ROLES: Record<AgreementKind, readonly PartyRole[]> = {
  dpa: ["controller", "processor"], // GDPR Art. 28(3)
  joint_controller: ["joint_controller"], // GDPR Art. 26(1), checked for two below
  subprocessing: ["processor", "sub_processor"], // GDPR Art. 28(4)
};

const ALLOWED_ROLES: Record<AgreementKind, readonly PartyRole[]> = {
  dpa: ["controller", "processor"],
  joint_controller: ["joint_controller", "processor"],
  subprocessing: ["processor", "sub_processor", "controller"],
};

/** Checks that the parties fit the kind of agreement; returns them without duplicates. */
export function checkParties(kind: AgreementKind, parties: readonly Party[]): Party[] {
  const seen = new Set<string>();
  const unique: Party[] = [];
  for (const party of parties) {
    if (!ALLOWED_ROLES[kind].includes(party.role)) {
      throw invalidInput(
        {
          fr: `le rôle « ${party.role} » n'a pas sa place dans un accord « ${kind} »`,
          en: `role "${party.role}" has no place in a "${kind}" agreement`,
        },
        { argument: "parties" },
      );
    }
    const key = `${party.organisationId}/${party.role}`;
    if (!seen.has(key)) unique.push(party);
    seen.add(key);
  }
  for (const role of REQUIRED_ROLES[kind]) {
    const count = unique.filter((p) => p.role === role).length;
    const needed = kind === "joint_controller" ? 2 : 1;
    if (count < needed) {
      throw invalidInput(
        {
          fr: `un accord « ${kind} » demande au moins ${needed} partie(s) « ${role} »`,
          en: `a "${kind}" agreement needs at least ${needed} "${role}" part${needed > 1 ? "ies" : "y"}`,
        },
        { argument: "parties" },
      );
    }
  }
  const byOrganisation = new Map<string, PartyRole>();
  for (const party of unique) {
    const other = byOrganisation.get(party.organisationId);
    if (
      other &&
      ((other === "controller" && party.role === "processor") ||
        (other === "processor" && party.role === "controller"))
    ) {
      throw invalidInput(
        {
          fr: "une même organisation ne peut être responsable et sous-traitant d'un même accord",
          en: "one organisation cannot be both controller and processor of the same agreement",
        },
        { argument: "parties" },
      );
    }
    byOrganisation.set(party.organisationId, party.role);
  }
  return unique;
}

/** The status machine: which moves exist. draft → closed is an agreement abandoned before it took effect. */
const TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ["active", "closed"],
  active: ["terminated"],
  terminated: ["closed"],
  closed: [],
};

const STATUS_LABELS: Record<AgreementStatus, LocalizedText> = {
  draft: { fr: "brouillon", en: "draft" },
  active: { fr: "en vigueur", en: "active" },
  terminated: { fr: "résilié", en: "terminated" },
  closed: { fr: "clos", en: "closed" },
};

export function agreementStatusLabel(status: AgreementStatus): LocalizedText {
  return STATUS_LABELS[status];
}

export interface TransitionInput {
  readonly to: AgreementStatus;
  readonly now: number;
  readonly effectiveOn?: EpochDay;
  readonly endsOn?: EpochDay;
}

/** Moves an agreement to a new status, checking the move exists and its guard holds. */
export function transitionAgreement(agreement: Agreement, input: TransitionInput): Agreement {
  const { to } = input;
  if (!TRANSITIONS[agreement.status].includes(to)) {
    throw new Art28Error(
      "conflict",
      {
        fr: `un accord ${STATUS_LABELS[agreement.status].fr} ne peut passer à l'état ${STATUS_LABELS[to].fr}`,
        en: `a ${STATUS_LABELS[agreement.status].en} agreement cannot become ${STATUS_LABELS[to].en}`,
      },
      { from: agreement.status, to },
    );
  }
  const effectiveOn = input.effectiveOn ?? agreement.effectiveOn;
  const endsOn = input.endsOn ?? agreement.endsOn;
  if (to === "active") {
    if (effectiveOn === null) {
      throw invalidInput(
        {
          fr: "un accord n'entre en vigueur qu'à une date d'effet",
          en: "an agreement comes into force only with an effective date",
        },
        { argument: "effective" },
      );
    }
    checkParties(agreement.kind, agreement.parties);
  }
  if (to === "terminated" && endsOn === null) {
    throw invalidInput(
      { fr: "la résiliation demande une date de fin", en: "termination needs an end date" },
      { argument: "ends" },
    );
  }
  if (effectiveOn !== null && endsOn !== null && endsOn < effectiveOn) {
    throw invalidInput(
      {
        fr: `la fin (${epochDayToIso(endsOn)}) précède la date d'effet (${epochDayToIso(effectiveOn)})`,
        en: `the end (${epochDayToIso(endsOn)}) precedes the effective date (${epochDayToIso(effectiveOn)})`,
      },
      { argument: "ends" },
    );
  }
  return { ...agreement, status: to, effectiveOn, endsOn, updatedAt: input.now };
}

export type AgreementAmendment = Partial<
  Pick<
    Agreement,
    "title" | "terms" | "provenance" | "processing" | "securityMeasures" | "subprocessors" | "endsOn"
  >
>;

/** A new version of the agreement with the amended parts; closed agreements are no longer amended. */
export function amendAgreement(agreement: Agreement, amendment: AgreementAmendment, now: number): Agreement {
  if (agreement.status === "closed") {
    throw new Art28Error("conflict", {
      fr: "un accord clos ne se modifie plus",
      en: "a closed agreement is no longer amended",
    });
  }
  return { ...agreement, ...amendment, version: agreement.version + 1, updatedAt: now };
}

/** The parties that hold a role, in order. */
export function partiesWithRole(agreement: Pick<Agreement, "parties">, ...roles: PartyRole[]): string[] {
  return agreement.parties.filter((p) => roles.includes(p.role)).map((p) => p.organisationId);
}
