// GDPR Art. 28(3)(h): how often the controller may (at most) or will (at least) audit the processor
// in a year ("pas plus d'une fois par an" is max 1, "au moins une fois par an" is min 1).

import { numberFromWords } from "../../domain/number-words.js";
import type { FrequencyPerYear } from "../../domain/terms.js";
import type { SentenceView } from "./document-view.js";
import { AUDIT } from "./legal-vocabulary.js";

export interface FrequencyFinding {
  readonly frequency: FrequencyPerYear;
  readonly views: readonly SentenceView[];
  /** The sentence that caps the frequency, when one does. */
  readonly capView: SentenceView | null;
}

const COUNT = "(\\d{1,2}|une|un|deux|trois|quatre|one|two|three|four|once|twice)";
const PER_YEAR =
  "(?:fois|times?|audits?|inspections?)?\\s*(?:par|per|a|each|every|tous les|chaque|au cours d'une?|in any|in a|within any)\\s*(?:an|annee|year|annee civile|calendar year|12 mois|periode de (?:douze|12) mois|12-month period|twelve-month period|period of (?:twelve|12) months)\\b";
const MAXIMUM = new RegExp(
  `\\b(?:pas plus d'|pas plus de|au plus|au maximum|maximum|no more than|not more than|at most|limited to|limite a|limitee a|une seule fois|up to)\\s*${COUNT}?\\s*${PER_YEAR}|\\b${COUNT}\\s*(?:seule |single )?${PER_YEAR}\\s*(?:au (?:plus|maximum)|maximum|at (?:the )?most)\\b|\\bonce (?:per|a|every|in any) (?:year|calendar year|12-month period)\\b`,
);
/** "ne peut pas auditer … plus d'une fois par an", "shall not audit more than once a year". */
const MORE_THAN = new RegExp(`\\b(?:plus d'|plus de|more than)\\s*${COUNT}\\s*${PER_YEAR}`);
/** "Le Responsable peut réaliser un audit une fois par an", "may audit once a year": a permission, so a cap. */
const MAY_ONCE = new RegExp(
  `\\b(?:peut|pourra|may|can|is entitled to|a le droit de)\\b[^.;]{0,80}?\\b(?:une|un|1|once)\\s*(?:seule\\s+)?(?:fois\\s+)?(?:audit\\s+)?${PER_YEAR}`,
);
const DENIED = /\bne\b|\bn'|\bnot\b|\bno\b|\bnever\b|\bjamais\b/;
const MINIMUM = new RegExp(
  `\\b(?:au moins|au minimum|a minima|at least|minimum|no less than|not less than)\\s*${COUNT}\\s*${PER_YEAR}|\\b${COUNT}\\s*${PER_YEAR}\\s*(?:au (?:moins|minimum)|minimum|at least)\\b`,
);

function countIn(match: RegExpExecArray): number {
  for (let i = 1; i < match.length; i++) {
    const word = match[i];
    if (word === undefined) continue;
    const value = /^\d+$/.test(word) ? Number(word) : word === "twice" ? 2 : numberFromWords(word);
    if (value !== undefined && value > 0) return value;
  }
  // "once a year", "une seule fois par an": no count written means one.
  return 1;
}

/** The audit frequency bounds the agreement states, or null when it states none. */
export function auditFrequencyOf(sentences: readonly SentenceView[]): FrequencyFinding | null {
  let min: number | null = null;
  let max: number | null = null;
  const views: SentenceView[] = [];
  let capView: SentenceView | null = null;
  for (const view of sentences) {
    if (!AUDIT.test(view.folded) && !AUDIT.test(view.heading) && !AUDIT.test(view.leadIn)) continue;
    const least = MINIMUM.exec(view.folded);
    const negatedMore = DENIED.test(view.folded) ? MORE_THAN.exec(view.folded) : null;
    const most =
      MAXIMUM.exec(view.folded) ?? negatedMore ?? (least === null ? MAY_ONCE.exec(view.folded) : null);
    if (most !== null && max === null) {
      max = countIn(most);
      capView = view;
      views.push(view);
    }
    if (least !== null && min === null) {
      min = countIn(least);
      if (!views.includes(view)) views.push(view);
    }
  }
  return min === null && max === null ? null : { frequency: { min, max }, views, capView };
}
