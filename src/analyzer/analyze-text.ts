// Analyses the extracted text of an agreement: its kind, parties and law, the terms it sets with the
// sentence behind each, its sub-processors, the GDPR Art. 28 checklist and the risks it raises.

import { ANALYSIS_SCHEMA, type Analysis, type Confidence, type ToConfirm } from "./analysis.js";
import { checklistOf } from "./checklist.js";
import { auditFrequencyOf } from "./extract/audit-frequency.js";
import { documentView } from "./extract/document-view.js";
import { foldText } from "./extract/folded-text.js";
import { governingLawOf } from "./extract/governing-law.js";
import { jointAllocationOf } from "./extract/joint-allocation.js";
import { kindOf } from "./extract/kind.js";
import { languageOf } from "./extract/language.js";
import { PROCESSOR } from "./extract/legal-vocabulary.js";
import { type PartiesFinding, type PartyReading, partiesOf, type Role } from "./extract/parties.js";
import { objectionSilenceOf, subprocessorAuthorizationOf } from "./extract/subprocessor-rules.js";
import { subprocessorsOf } from "./extract/subprocessors.js";
import { extractTerms } from "./extract/terms.js";
import { type TransferFinding, transfersOf } from "./extract/transfers.js";
import { flagsOf } from "./flags.js";
import type { ExtractedText } from "./read-document.js";
import { structureOf } from "./structure.js";

export interface AnalyzeOptions {
  /** Language of the flag messages; French unless told otherwise. */
  readonly lang?: "fr" | "en";
}

/** The processor's role words, and its name when the agreement gives one ("Scolares"). */
function processorPattern(name: string | null): RegExp {
  const folded = name === null ? "" : foldText(name).trim();
  if (folded.length < 3) return PROCESSOR;
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${PROCESSOR.source}|\\b${escaped}\\b`);
}

export function analyzeText(extracted: ExtractedText, options: AnalyzeOptions = {}): Analysis {
  const lang = options.lang ?? "fr";
  const view = documentView(extracted.text, structureOf(extracted.text));
  const kind = kindOf(view.folded);
  const found = partiesOf(view.text, view.folded);
  const parties = { processor: found.processor?.name ?? null, controller: found.controller?.name ?? null };
  const processor = processorPattern(parties.processor);
  const terms = extractTerms(view, { kind, processor });
  const authorization = subprocessorAuthorizationOf(view.sentences);
  const objectionSilence = objectionSilenceOf(view.sentences);
  const transfers = transfersOf(view.sentences);
  const auditFrequency = auditFrequencyOf(view.sentences);
  const flags = flagsOf({ view, kind, terms, objectionSilence, transfers, auditFrequency, processor, lang });
  const confidence: Record<string, Confidence> = { language: "high", kind: "high" };
  if (found.processor !== null) confidence["parties.processor"] = partyConfidence(found.processor);
  if (found.controller !== null) confidence["parties.controller"] = partyConfidence(found.controller);
  const allocation = jointAllocationOf(view);
  if (transfers.confidence !== null) confidence.transfersOutsideEEA = transfers.confidence;
  return {
    schema: ANALYSIS_SCHEMA,
    language: languageOf(view.folded),
    kind,
    encodingRepaired: extracted.encodingRepaired,
    parties,
    partyDetails: { processor: detailsOf(found.processor), controller: detailsOf(found.controller) },
    governingLaw: governingLawOf(view.sentences),
    subprocessorAuthorization: authorization?.value ?? null,
    objectionSilence: objectionSilence?.value ?? null,
    transfersOutsideEEA: transfers.rule,
    auditFrequencyPerYear: auditFrequency?.frequency ?? null,
    terms,
    subprocessors: subprocessorsOf(view),
    checklist: checklistOf(view, authorization?.value ?? null),
    flags,
    confidence,
    toConfirm: [...transferConflict(transfers), ...partyConflicts(found)],
    jointControl: allocation.length > 0 ? { allocation } : null,
  };
}

function detailsOf(reading: PartyReading | null) {
  return reading === null ? null : { legalForm: reading.legalForm, registration: reading.registration };
}

/** A stated role is firm; a cover page or the parties of the agreement likely; usage alone a guess. */
function partyConfidence(reading: PartyReading): Confidence {
  return reading.strength >= 3 ? "high" : reading.strength === 2 ? "medium" : "low";
}

function transferConflict(transfers: TransferFinding): ToConfirm[] {
  if (transfers.conflict.length === 0) return [];
  return [
    {
      field: "transfersOutsideEEA",
      candidates: transfers.conflict.map(({ rule, view }) => ({
        value: rule,
        quote: view.sentence.text,
        offset: view.sentence.start,
      })),
    },
  ];
}

function partyConflicts(found: PartiesFinding): ToConfirm[] {
  const roles: Role[] = ["processor", "controller"];
  return roles.flatMap((role) => {
    const candidates = found.conflicts[role];
    if (candidates === undefined) return [];
    return [
      {
        field: `parties.${role}`,
        candidates: candidates.map((c) => ({ value: c.name, quote: c.quote, offset: c.offset })),
      },
    ];
  });
}
