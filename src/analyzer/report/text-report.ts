// The analysis as a person reads it in a terminal: what the agreement says, what it lacks, what to watch.

import { type Duration, formatDuration, type Language } from "../../domain/duration.js";
import type { LocalizedText } from "../../domain/error.js";
import {
  AUTHORIZATION_LABELS,
  SILENCE_LABELS,
  TERM_LABELS,
  TRANSFER_LABELS,
} from "../../domain/term-labels.js";
import type { TermId } from "../../domain/terms.js";
import type { Analysis, FoundTerm, Severity } from "../analysis.js";
import { isCompliant, isPolicyFlag } from "../policy.js";
import { checklistLabel, KIND_LABELS, languageLabel, SEVERITY_LABELS, STATUS_LABELS } from "./labels.js";

export interface ReportOptions {
  readonly lang: Language;
  /** The analysed file's name, shown in the heading. */
  readonly fileName?: string;
}

const WIDTH = 100;
const QUOTE_LIMIT = 400;
export const SEVERITIES: readonly Severity[] = ["high", "medium", "low"];

/** The words of the report's fixed parts. */
export const REPORT_WORDS = {
  title: {
    fr: "Analyse d'un contrat de sous-traitance (RGPD art. 28)",
    en: "Data-processing agreement analysis (GDPR Art. 28)",
  },
  file: { fr: "Fichier", en: "File" },
  kind: { fr: "Type", en: "Kind" },
  language: { fr: "Langue", en: "Language" },
  encodingRepaired: {
    fr: "Encodage réparé (texte mal décodé à la source)",
    en: "Encoding repaired (the source text was mis-decoded)",
  },
  processor: { fr: "Sous-traitant", en: "Processor" },
  controller: { fr: "Responsable de traitement", en: "Controller" },
  governingLaw: { fr: "Droit applicable", en: "Governing law" },
  authorization: { fr: "Sous-traitants ultérieurs", en: "Sub-processors" },
  silence: { fr: "Silence pendant le délai d'opposition", en: "Silence during the objection window" },
  transfers: { fr: "Transferts hors EEE", en: "Transfers outside the EEA" },
  audits: { fr: "Audits par an", en: "Audits a year" },
  notFound: { fr: "non trouvé", en: "not found" },
  terms: { fr: "Délais et durées", en: "Periods" },
  noTerms: { fr: "Aucun délai trouvé.", en: "No period found." },
  subprocessors: { fr: "Sous-traitants ultérieurs", en: "Sub-processors" },
  noSubprocessors: { fr: "Aucun sous-traitant ultérieur nommé.", en: "No sub-processor named." },
  checklist: { fr: "Liste de contrôle de l'art. 28", en: "Art. 28 checklist" },
  flags: { fr: "Alertes", en: "Flags" },
  noFlags: { fr: "Aucune alerte.", en: "No flag." },
  severity: { fr: "Gravité", en: "Severity" },
  policy: { fr: "Politique du responsable de traitement", en: "Controller policy" },
  compliant: { fr: "conforme", en: "compliant" },
  nonCompliant: { fr: "non conforme", en: "non-compliant" },
} satisfies Record<string, LocalizedText>;

/** What a found term states, in words: "24 heures", "dans les meilleurs délais", or "—". */
export function termValue(term: FoundTerm, lang: Language): string {
  let duration: Duration | null = null;
  if (term.amount !== null && term.unit !== null) duration = { amount: term.amount, unit: term.unit };
  else if (term.qualifier !== null) duration = { qualifier: term.qualifier };
  return duration ? formatDuration(duration, lang) : "—";
}

/** "max. 1", "min. 1", "1 à 2" / "at most 1"… */
export function auditFrequency(analysis: Analysis, lang: Language): string | null {
  const frequency = analysis.auditFrequencyPerYear;
  if (!frequency) return null;
  const { min, max } = frequency;
  if (min !== null && max !== null) return lang === "fr" ? `de ${min} à ${max}` : `${min} to ${max}`;
  if (max !== null) return lang === "fr" ? `au plus ${max}` : `at most ${max}`;
  if (min !== null) return lang === "fr" ? `au moins ${min}` : `at least ${min}`;
  return null;
}

/** "3 présents", "1 partiel", "2 present": French adjectives take the plural, English ones do not. */
export function counted(count: number, adjective: string, lang: Language): string {
  return `${count} ${adjective}${lang === "fr" && count > 1 ? "s" : ""}`;
}

/** Shortens a long quote at a word boundary. */
export function shorten(text: string, limit = QUOTE_LIMIT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > limit / 2 ? space : limit)}…`;
}

/** Wraps `text` to the report's width, every line after the first indented like the first. */
function wrap(text: string, indent: string, hanging = indent): string {
  // Split on ordinary white space only, so a no-break space keeps « and » with their words.
  const words: string[] = [];
  for (const word of text.split(/[ \t\r\n]+/)) {
    if (word.length === 0) continue;
    // French puts a space before : ; ! ? and », but a line must not start with them.
    if (/^[:;!?»]$/.test(word) && words.length > 0) words[words.length - 1] += ` ${word}`;
    else words.push(word);
  }
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = hanging + word;
    } else line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines.join("\n");
}

function quoteLines(quote: string | null, lang: Language): string {
  if (quote === null) return "";
  const open = lang === "fr" ? "«\u00a0" : "“";
  const close = lang === "fr" ? "\u00a0»" : "”";
  return `\n${wrap(`${open}${shorten(quote)}${close}`, "      ")}`;
}

function heading(text: string): string {
  return `\n${text}\n${"─".repeat(Math.min(text.length, WIDTH))}`;
}

export function renderTextReport(analysis: Analysis, { lang, fileName }: ReportOptions): string {
  const w = (key: keyof typeof REPORT_WORDS) => REPORT_WORDS[key][lang];
  const colon = lang === "fr" ? " : " : ": ";
  const field = (label: string, value: string | null) =>
    wrap(`${label}${colon}${value ?? w("notFound")}`, "  ", "    ");
  const out: string[] = [];

  out.push(w("title"));
  out.push("═".repeat(w("title").length));
  if (fileName) out.push(field(w("file"), fileName));
  out.push(field(w("kind"), KIND_LABELS[analysis.kind][lang]));
  out.push(field(w("language"), languageLabel(analysis.language, lang)));
  if (analysis.encodingRepaired) out.push(`  ${w("encodingRepaired")}`);
  out.push(field(w("processor"), analysis.parties.processor));
  out.push(field(w("controller"), analysis.parties.controller));
  out.push(field(w("governingLaw"), analysis.governingLaw));
  out.push(
    field(
      w("authorization"),
      analysis.subprocessorAuthorization && AUTHORIZATION_LABELS[analysis.subprocessorAuthorization][lang],
    ),
  );
  out.push(field(w("silence"), analysis.objectionSilence && SILENCE_LABELS[analysis.objectionSilence][lang]));
  out.push(
    field(
      w("transfers"),
      analysis.transfersOutsideEEA && TRANSFER_LABELS[analysis.transfersOutsideEEA][lang],
    ),
  );
  out.push(field(w("audits"), auditFrequency(analysis, lang)));

  const terms = Object.entries(analysis.terms) as [TermId, FoundTerm][];
  out.push(heading(`${w("terms")} (${terms.length})`));
  if (terms.length === 0) out.push(`  ${w("noTerms")}`);
  for (const [id, term] of terms) {
    out.push(
      wrap(`• ${TERM_LABELS[id]?.[lang] ?? id}${colon}${termValue(term, lang)}`, "  ", "    ") +
        quoteLines(term.quote, lang),
    );
  }

  out.push(heading(`${w("subprocessors")} (${analysis.subprocessors.length})`));
  if (analysis.subprocessors.length === 0) out.push(`  ${w("noSubprocessors")}`);
  for (const sub of analysis.subprocessors) {
    const details = [sub.activity, sub.location].filter((x): x is string => x !== null);
    out.push(wrap(`• ${[sub.name, ...details].join(" — ")}`, "  ", "    "));
  }

  const counts = (["present", "partial", "missing"] as const)
    .map((status) =>
      counted(
        analysis.checklist.filter((item) => item.status === status).length,
        STATUS_LABELS[status][lang],
        lang,
      ),
    )
    .join(" · ");
  out.push(heading(`${w("checklist")} (${counts})`));
  const statusWidth = Math.max(...Object.values(STATUS_LABELS).map((label) => label[lang].length));
  for (const item of analysis.checklist) {
    const status = `[${STATUS_LABELS[item.status][lang]}]`.padEnd(statusWidth + 2);
    out.push(wrap(`${status} ${checklistLabel(item.id, lang)}`, "  ", `  ${" ".repeat(statusWidth + 3)}`));
    const [first] = item.quotes;
    if (first !== undefined) out.push(quoteLines(first, lang).slice(1));
  }

  const flags = analysis.flags.filter((flag) => !isPolicyFlag(flag));
  out.push(heading(`${w("flags")} (${flags.length})`));
  if (flags.length === 0) out.push(`  ${w("noFlags")}`);
  for (const severity of SEVERITIES) {
    const group = flags.filter((flag) => flag.severity === severity);
    if (group.length === 0) continue;
    out.push(`  ${w("severity")} ${SEVERITY_LABELS[severity][lang]} (${group.length})`);
    for (const flag of group) {
      out.push(wrap(`• ${flag.message} [${flag.id}]`, "    ", "      ") + quoteLines(flag.quote, lang));
    }
  }

  const policy = analysis.flags.filter(isPolicyFlag);
  if (policy.length > 0) {
    const ok = policy.filter(isCompliant).length;
    out.push(
      heading(
        `${w("policy")} (${counted(ok, w("compliant"), lang)} · ${counted(policy.length - ok, w("nonCompliant"), lang)})`,
      ),
    );
    for (const flag of policy) {
      const mark = isCompliant(flag) ? "✓" : "✗";
      out.push(wrap(`${mark} ${flag.message}`, "  ", "    ") + quoteLines(flag.quote, lang));
    }
  }
  return `${out.join("\n")}\n`;
}
