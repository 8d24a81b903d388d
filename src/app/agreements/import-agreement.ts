// Use case: read an agreement file with the analyzer and record it as a draft agreement, with each term's
// provenance (document sha256, quote, offset), creating missing parties, and say what the user must confirm.

import { basename, extname } from "node:path";
import type { Analysis } from "../../analyzer/analysis.js";
import { analyzeFile } from "../../analyzer/analyze-file.js";
import type {
  Agreement,
  AgreementKind,
  Party,
  Provenance,
  Subprocessor,
  TermKey,
  TransferMechanism,
} from "../../domain/agreement.js";
import { CALENDAR_NAMES } from "../../domain/calendar.js";
import { type Duration, formatDuration } from "../../domain/duration.js";
import { invalidInput, type LocalizedText } from "../../domain/error.js";
import { DEFAULT_QUALIFIER_INTERPRETATION } from "../../domain/obligation.js";
import {
  type Organisation,
  type OrganisationRole,
  type OrganisationType,
  organisationNameKey,
} from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import { isTermTrigger, type TermTrigger } from "../../domain/term-trigger.js";
import { type AgreementTerms, TERM_IDS, type TermId } from "../../domain/terms.js";
import { addOrganisation } from "../organisations/create-organisation.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, type UnitOfWork } from "../register/unit-of-work.js";
import { addAgreement } from "./create-agreement.js";

export interface ImportAgreementOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly path: string;
    /** Name (or UAI/SIRET) of the controller; created when missing. */
    readonly controller: string;
    /** Name (or SIRET) of the processor; created when missing. */
    readonly processor: string;
    /** Calendar of a controller created here (FR by default). */
    readonly calendar?: string;
  };
  readonly now: number;
  readonly lang?: "fr" | "en";
}

/** Something the analyzer could not settle, for a person to check before the agreement is put in force. */
export interface Confirmation {
  readonly kind: "qualifier" | "checklist" | "flag" | "party" | "document_kind";
  readonly id: string;
  readonly text: LocalizedText;
  readonly quote: string | null;
}

export interface ImportedAgreement {
  readonly agreement: Agreement;
  readonly createdOrganisations: readonly Organisation[];
  readonly confirm: readonly Confirmation[];
  readonly analysis: Pick<Analysis, "kind" | "language" | "encodingRepaired" | "parties">;
}

// Countries of the EEA (and the EU as a whole) by the names and codes analyses use: no Chapter V transfer.
const EEA =
  /\b(france|belgi(que|um|ë)|deutschland|allemagne|germany|irlande|ireland|pays-bas|netherlands|luxembourg|espagne|spain|italie|italy|portugal|autriche|austria|su[eè]de|sweden|finlande|finland|danemark|denmark|pologne|poland|norv[eè]ge|norway|islande|iceland|liechtenstein|union europ[ée]enne|european union|eee|eea|ue|eu|fr|be|de|ie|nl|lu)\b/i;

function transferMechanismOf(location: string | null): TransferMechanism {
  if (!location) return "unknown";
  return EEA.test(location) ? "none" : "unknown";
}

function documentKind(analysis: Analysis): AgreementKind {
  return analysis.kind === "joint_controller_agreement" ? "joint_controller" : "dpa";
}

/** Terms and provenance as the analysis found them. */
export function termsFromAnalysis(
  analysis: Analysis,
  sha256: string,
): { terms: AgreementTerms; provenance: Partial<Record<TermKey, Provenance>>; qualifiers: TermId[] } {
  const durations: Partial<Record<TermId, Duration>> = {};
  const provenance: Partial<Record<TermKey, Provenance>> = {};
  const qualifiers: TermId[] = [];
  const triggers: Partial<Record<TermId, TermTrigger>> = {};
  for (const termId of TERM_IDS) {
    const found = analysis.terms[termId];
    if (!found) continue;
    let duration: Duration | undefined;
    if (found.amount !== null && found.unit !== null) duration = { amount: found.amount, unit: found.unit };
    else if (found.qualifier !== null) {
      duration = { qualifier: found.qualifier };
      qualifiers.push(termId);
    }
    if (!duration) continue;
    durations[termId] = duration;
    provenance[termId] = { kind: "analysed", sha256, quote: found.quote, offset: found.offset };
    // The event the clause counts from, once the analyzer reads it (« suivant la découverte » → discovery).
    const trigger = "trigger" in found ? (found as { trigger?: unknown }).trigger : undefined;
    if (isTermTrigger(trigger)) triggers[termId] = trigger;
  }
  const terms: {
    -readonly [K in keyof AgreementTerms]: AgreementTerms[K];
  } = { durations, ...(Object.keys(triggers).length > 0 ? { triggers } : {}) };
  const other: Provenance = { kind: "analysed", sha256, quote: null, offset: null };
  if (analysis.subprocessorAuthorization) {
    terms.subprocessorAuthorization = analysis.subprocessorAuthorization;
    provenance.subprocessorAuthorization = other;
  }
  if (analysis.objectionSilence) {
    terms.objectionSilence = analysis.objectionSilence;
    provenance.objectionSilence = other;
  }
  if (analysis.transfersOutsideEEA) {
    terms.transfersOutsideEEA = analysis.transfersOutsideEEA;
    provenance.transfersOutsideEEA = other;
  }
  if (analysis.auditFrequencyPerYear) {
    terms.auditFrequencyPerYear = analysis.auditFrequencyPerYear;
    provenance.auditFrequencyPerYear = other;
  }
  if (analysis.governingLaw) {
    terms.governingLaw = analysis.governingLaw;
    provenance.governingLaw = other;
  }
  return { terms, provenance, qualifiers };
}

function confirmations(
  analysis: Analysis,
  qualifiers: readonly TermId[],
  kind: AgreementKind,
): Confirmation[] {
  const list: Confirmation[] = [];
  for (const termId of qualifiers) {
    const found = analysis.terms[termId];
    if (!found?.qualifier) continue;
    const read = DEFAULT_QUALIFIER_INTERPRETATION[found.qualifier];
    list.push({
      kind: "qualifier",
      id: termId,
      text: {
        fr: `${termId} : « ${formatDuration({ qualifier: found.qualifier }, "fr")} », sans nombre — les échéances suivront l'interprétation configurée (${formatDuration(read, "fr")}) tant qu'un délai n'est pas confirmé`,
        en: `${termId}: "${formatDuration({ qualifier: found.qualifier }, "en")}", no number — deadlines follow the configured interpretation (${formatDuration(read, "en")}) until a period is confirmed`,
      },
      quote: found.quote,
    });
  }
  for (const item of analysis.checklist) {
    if (item.status === "present") continue;
    list.push({
      kind: "checklist",
      id: item.id,
      text:
        item.status === "missing"
          ? {
              fr: `point ${item.id} de l'art. 28 absent du document`,
              en: `Art. 28 item ${item.id} missing from the document`,
            }
          : {
              fr: `point ${item.id} de l'art. 28 traité en partie`,
              en: `Art. 28 item ${item.id} only partly covered`,
            },
      quote: item.quotes[0] ?? null,
    });
  }
  for (const flag of analysis.flags) {
    if (flag.severity !== "high") continue;
    list.push({ kind: "flag", id: flag.id, text: { fr: flag.message, en: flag.message }, quote: flag.quote });
  }
  if (analysis.kind === "unknown" || analysis.kind === "contracting_kit") {
    list.push({
      kind: "document_kind",
      id: analysis.kind,
      text: {
        fr: `le document n'est pas un simple contrat de sous-traitance (${analysis.kind}) : enregistré comme « ${kind} », à confirmer`,
        en: `the document is not a plain processing agreement (${analysis.kind}): recorded as "${kind}", to be confirmed`,
      },
      quote: null,
    });
  }
  return list;
}

async function findOrCreate(
  unit: UnitOfWork,
  reference: string,
  role: OrganisationRole,
  type: OrganisationType,
  calendar: string | undefined,
  created: Organisation[],
): Promise<Organisation> {
  const existing = await unit.organisations.find(reference);
  if (existing) return existing;
  const organisation = await addOrganisation(unit, { name: reference, type, roles: [role], calendar });
  created.push(organisation);
  return organisation;
}

export async function importAgreement({
  register,
  principal,
  input,
  now,
  lang = "fr",
}: ImportAgreementOptions): Promise<ImportedAgreement> {
  if (input.calendar && !Object.hasOwn(CALENDAR_NAMES, input.calendar.toUpperCase())) {
    const accepted = Object.keys(CALENDAR_NAMES).join(", ");
    throw invalidInput(
      { fr: `calendrier inconnu « ${input.calendar} »`, en: `unknown calendar "${input.calendar}"` },
      {
        argument: "calendar",
        accepted: { fr: accepted, en: accepted },
      },
    );
  }
  // The file is read and analysed before the transaction: no lock is held while parsing a document.
  const document = await readAgreementDocument(input.path, lang);
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const created: Organisation[] = [];
    const controller = await findOrCreate(
      unit,
      input.controller,
      "controller",
      "other",
      input.calendar,
      created,
    );
    const processor = await findOrCreate(unit, input.processor, "processor", "editeur", undefined, created);
    const imported = await addImportedAgreement(unit, document, { controller, processor, lang });
    return { ...imported, createdOrganisations: created };
  });
  return result;
}

/** An agreement document read and analysed, ready to be recorded. */
export interface AgreementDocument {
  readonly fileName: string;
  readonly sha256: string;
  readonly analysis: Analysis;
}

export async function readAgreementDocument(
  path: string,
  lang: "fr" | "en" = "fr",
): Promise<AgreementDocument> {
  const { analysis, extracted } = await analyzeFile(path, { lang });
  return { fileName: basename(path), sha256: extracted.sha256, analysis };
}

/** The step inside a unit of work: records an analysed document as a draft agreement between two organisations. */
export async function addImportedAgreement(
  unit: UnitOfWork,
  document: AgreementDocument,
  parties: {
    readonly controller: Organisation;
    readonly processor: Organisation;
    readonly lang: "fr" | "en";
  },
): Promise<Omit<ImportedAgreement, "createdOrganisations">> {
  const { analysis, sha256, fileName } = document;
  const { controller, processor, lang } = parties;
  const { terms, provenance, qualifiers } = termsFromAnalysis(analysis, sha256);
  const kind = documentKind(analysis);
  const confirm = confirmations(analysis, qualifiers, kind);
  for (const [role, given] of [
    ["processor", processor.name],
    ["controller", controller.name],
  ] as const) {
    const named = analysis.parties[role];
    if (
      named &&
      !organisationNameKey(named).includes(organisationNameKey(given)) &&
      !organisationNameKey(given).includes(organisationNameKey(named))
    ) {
      confirm.push({
        kind: "party",
        id: role,
        text: {
          fr: `le document nomme « ${named} » comme ${role === "processor" ? "sous-traitant" : "responsable de traitement"}, et non « ${given} »`,
          en: `the document names "${named}" as ${role}, not "${given}"`,
        },
        quote: null,
      });
    }
  }
  const partyList: Party[] =
    kind === "joint_controller"
      ? [
          { organisationId: controller.id, role: "joint_controller" },
          { organisationId: processor.id, role: "joint_controller" },
        ]
      : [
          { organisationId: controller.id, role: "controller" },
          { organisationId: processor.id, role: "processor" },
        ];
  const subprocessors: Omit<Subprocessor, "id">[] = analysis.subprocessors.map((s) => ({
    name: s.name,
    siret: null,
    activity: s.activity,
    location: s.location,
    transferMechanism: transferMechanismOf(s.location),
    provenance: { kind: "analysed", sha256, quote: null, offset: null },
  }));
  const agreement = await addAgreement(unit, {
    kind,
    title: `${processor.name} — ${basename(fileName, extname(fileName))}`,
    parties: partyList,
    terms,
    provenance,
    subprocessors,
    // A language the analyzer does not read is recorded as it is only in the analysis; the source keeps fr/en.
    source: { sha256, fileName, language: analysis.language === "en" ? "en" : "fr" },
    note: lang === "fr" ? `importé de ${fileName}` : `imported from ${fileName}`,
  });
  return {
    agreement,
    confirm,
    analysis: {
      kind: analysis.kind,
      language: analysis.language,
      encodingRepaired: analysis.encodingRepaired,
      parties: analysis.parties,
    },
  };
}
