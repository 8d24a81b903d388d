// Analyses the extracted text of an agreement: its kind, parties and law, the terms it sets with the
// sentence behind each, its sub-processors, the GDPR Art. 28 checklist and the risks it raises.

import { ANALYSIS_SCHEMA, type Analysis } from "./analysis.js";
import { checklistOf } from "./checklist.js";
import { auditFrequencyOf } from "./extract/audit-frequency.js";
import { documentView } from "./extract/document-view.js";
import { foldText } from "./extract/folded-text.js";
import { governingLawOf } from "./extract/governing-law.js";
import { kindOf } from "./extract/kind.js";
import { languageOf } from "./extract/language.js";
import { PROCESSOR } from "./extract/legal-vocabulary.js";
import { partiesOf } from "./extract/parties.js";
import { objectionSilenceOf, subprocessorAuthorizationOf } from "./extract/subprocessor-rules.js";
import { subprocessorsOf } from "./extract/subprocessors.js";
import { extractTerms } from "./extract/terms.js";
import { transfersOf } from "./extract/transfers.js";
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
  const parties = partiesOf(view.sentences);
  const processor = processorPattern(parties.processor);
  const terms = extractTerms(view, { kind, processor });
  const authorization = subprocessorAuthorizationOf(view.sentences);
  const objectionSilence = objectionSilenceOf(view.sentences);
  const transfers = transfersOf(view.sentences);
  const auditFrequency = auditFrequencyOf(view.sentences);
  return {
    schema: ANALYSIS_SCHEMA,
    language: languageOf(view.folded),
    kind,
    encodingRepaired: extracted.encodingRepaired,
    parties,
    governingLaw: governingLawOf(view.sentences),
    subprocessorAuthorization: authorization?.value ?? null,
    objectionSilence: objectionSilence?.value ?? null,
    transfersOutsideEEA: transfers.rule,
    auditFrequencyPerYear: auditFrequency?.frequency ?? null,
    terms,
    subprocessors: subprocessorsOf(view),
    checklist: checklistOf(view, authorization?.value ?? null),
    flags: flagsOf({ view, kind, terms, objectionSilence, transfers, auditFrequency, processor, lang }),
  };
}
