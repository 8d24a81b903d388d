// Finds and reads periods written in French or English: "72 heures", "sept (7) jours ouvrés", "within 30 calendar days".

import type { Duration, DurationUnit, Qualifier } from "./duration.js";
import { NUMBER_WORDS_PATTERN, numberFromWords } from "./number-words.js";

export interface DurationMatch {
  readonly duration: Duration;
  /** Character offset of the match in the scanned text. */
  readonly index: number;
  readonly text: string;
}

interface UnitWord {
  readonly pattern: string;
  readonly unit: DurationUnit;
  readonly language: "fr" | "en";
}

// Order matters: the longest forms first, so "jours ouvrés" wins over "jours".
const UNIT_WORDS: readonly UnitWord[] = [
  {
    pattern: "jours?\\s+(?:ouvr[ée]s|ouvrables|ouvrés\\s+et\\s+non\\s+f[ée]ri[ée]s)",
    unit: "working_days",
    language: "fr",
  },
  { pattern: "(?:working|business|work)[\\s_-]days?|workdays?", unit: "working_days", language: "en" },
  {
    pattern: "jours?\\s+(?:calendaires|civils|francs|cons[ée]cutifs|calendaire)",
    unit: "days",
    language: "fr",
  },
  { pattern: "(?:calendar|consecutive)[\\s-]days?", unit: "days", language: "en" },
  { pattern: "journ[ée]es?|jours?|j", unit: "days", language: "fr" },
  { pattern: "days?", unit: "days", language: "en" },
  { pattern: "heures?|h", unit: "hours", language: "fr" },
  { pattern: "hours?|hrs?", unit: "hours", language: "en" },
  { pattern: "semaines?", unit: "weeks", language: "fr" },
  { pattern: "weeks?", unit: "weeks", language: "en" },
  { pattern: "mois(?:\\s+calendaires)?", unit: "months", language: "fr" },
  { pattern: "(?:calendar\\s+)?months?", unit: "months", language: "en" },
  { pattern: "ann[ée]es?|ans?", unit: "years", language: "fr" },
  { pattern: "years?", unit: "years", language: "en" },
];

const QUALIFIER_PHRASES: ReadonlyArray<readonly [Qualifier, string]> = [
  ["without_undue_delay", "dans\\s+les\\s+meilleurs\\s+d[ée]lais"],
  ["without_undue_delay", "dans\\s+les\\s+(?:plus\\s+brefs|plus\\s+courts|meilleurs)\\s+d[ée]lais"],
  ["without_undue_delay", "dans\\s+les\\s+d[ée]lais\\s+les\\s+plus\\s+(?:brefs|courts)"],
  ["without_undue_delay", "sans\\s+(?:d[ée]lai|retard)\\s+(?:d[ée]raisonnable|injustifi[ée]|indu)"],
  ["without_undue_delay", "without\\s+undue\\s+delay"],
  ["without_undue_delay", "as\\s+(?:soon|quickly)\\s+as\\s+(?:possible|practicable|reasonably\\s+possible)"],
  ["without_undue_delay", "promptly"],
  ["without_undue_delay", "au\\s+plus\\s+vite"],
  ["immediately", "imm[ée]diatement"],
  ["immediately", "sans\\s+d[ée]lai(?!\\s+(?:d[ée]raisonnable|injustifi[ée]|indu))"],
  ["immediately", "sans\\s+attendre"],
  ["immediately", "sur[\\s-]le[\\s-]champ"],
  ["immediately", "immediately"],
  ["immediately", "forthwith"],
  ["immediately", "without\\s+delay"],
  ["reasonable", "dans\\s+un\\s+d[ée]lai\\s+raisonnable"],
  ["reasonable", "(?:within|in|on)\\s+a\\s+reasonable\\s+(?:time|period|notice|delay)"],
  ["reasonable", "reasonable\\s+(?:prior\\s+)?notice"],
  ["reasonable", "(?:avec\\s+un\\s+)?pr[ée]avis\\s+raisonnable"],
];

const BEFORE = "(?<![\\p{L}\\p{N}])";
const AFTER = "(?![\\p{L}\\p{N}])";

const AMOUNT = `(?:(\\d{1,5})|(${NUMBER_WORDS_PATTERN}))`;
const ECHO = "(?:\\s*\\(\\s*(\\d{1,5})\\s*\\))?";
const UNIT = `(${UNIT_WORDS.map((u) => `(${u.pattern})`).join("|")})`;
// A trailing repeat such as "(72 h)" or "(72 heures)" belongs to the match. No two runs of spaces stand side by side
// in these patterns: a long run would otherwise be split between them in every way before the match fails.
const TRAILER = "(?:\\s*\\(\\s*\\d{1,5}(?:\\s*\\p{L}{1,8})?\\s*\\))?";
// "24h/24" and "7j/7" describe availability, not a period.
const NOT_A_RATE = "(?!\\s*\\/\\s*\\d)";

const FIXED_SOURCE = `${BEFORE}${AMOUNT}${ECHO}[\\s\\u00a0]*(?:-[\\s\\u00a0]*)?${UNIT}${AFTER}${NOT_A_RATE}${TRAILER}`;
const QUALIFIER_SOURCE = `${BEFORE}(?:${QUALIFIER_PHRASES.map(([, p]) => `(${p})`).join("|")})${AFTER}`;

// Words that are themselves a number of days: "sous huitaine", "dans la quinzaine", "within a fortnight".
const PERIOD_WORDS: ReadonlyArray<readonly [string, number]> = [
  ["huitaine", 8],
  ["quinzaine", 15],
  ["fortnight", 14],
];
const PERIOD_WORD_SOURCE = `${BEFORE}(${PERIOD_WORDS.map(([word]) => word).join("|")})${AFTER}`;

const FIXED = new RegExp(FIXED_SOURCE, "giu");
const QUALIFIED = new RegExp(QUALIFIER_SOURCE, "giu");
const PERIOD_WORD = new RegExp(PERIOD_WORD_SOURCE, "giu");
const MAY_HOLD_PERIOD_WORD = /huitaine|quinzaine|fortnight/i;

const UNIT_GROUP_OFFSET = 5; // groups: 1 digits, 2 words, 3 echo, 4 whole unit, 5.. each unit word

function fixedFrom(match: RegExpExecArray): DurationMatch | undefined {
  const [, digits, words, echo] = match;
  let unitWord: UnitWord | undefined;
  for (let i = 0; i < UNIT_WORDS.length; i++) {
    if (match[UNIT_GROUP_OFFSET + i] !== undefined) {
      unitWord = UNIT_WORDS[i];
      break;
    }
  }
  if (!unitWord) return undefined;
  let amount: number | undefined;
  if (digits !== undefined) amount = Number(digits);
  else if (words !== undefined) {
    const lowered = words.toLowerCase();
    // A lone article counts as one only in its own language: "a month", "un mois", never "mise a jour".
    if ((lowered === "a" || lowered === "an") && unitWord.language !== "en") return undefined;
    if ((lowered === "un" || lowered === "une") && unitWord.language !== "fr") return undefined;
    amount = echo !== undefined ? Number(echo) : numberFromWords(words);
  }
  // The single letters "h" and "j" only count right after digits on the same line ("72h", "30 j"):
  // "2\n\nh) ..." is a page number followed by a list marker.
  const unitText = match[4] ?? "";
  if (unitText.length === 1 && (digits === undefined || /\n/.test(match[0]))) return undefined;
  if (amount === undefined || !Number.isInteger(amount) || amount <= 0) return undefined;
  return { duration: { amount, unit: unitWord.unit }, index: match.index, text: match[0] };
}

function qualifierFrom(match: RegExpExecArray): DurationMatch | undefined {
  for (let i = 0; i < QUALIFIER_PHRASES.length; i++) {
    if (match[i + 1] !== undefined) {
      const [qualifier] = QUALIFIER_PHRASES[i] as readonly [Qualifier, string];
      return { duration: { qualifier }, index: match.index, text: match[0] };
    }
  }
  return undefined;
}

function periodWordFrom(match: RegExpExecArray): DurationMatch | undefined {
  const word = (match[1] ?? "").toLowerCase();
  const days = PERIOD_WORDS.find(([w]) => w === word)?.[1];
  if (days === undefined) return undefined;
  return { duration: { amount: days, unit: "days" }, index: match.index, text: match[0] };
}

/** Every period stated in a text, fixed or qualified, in order of appearance and never overlapping. */
export function findDurations(text: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  for (const [pattern, read] of [
    [FIXED, fixedFrom],
    [QUALIFIED, qualifierFrom],
    // The three period words are rare: a plain search finds whether to look for them at all.
    ...(MAY_HOLD_PERIOD_WORD.test(text) ? ([[PERIOD_WORD, periodWordFrom]] as const) : []),
  ] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const hit = read(m);
      if (hit) found.push(hit);
    }
  }
  found.sort((a, b) => a.index - b.index);
  const kept: DurationMatch[] = [];
  let end = -1;
  for (const hit of found) {
    if (hit.index >= end) {
      kept.push(hit);
      end = hit.index + hit.text.length;
    }
  }
  return kept;
}

// Words that may surround a period typed on its own ("within 30 days", "dans un délai de 72 heures").
const FILLER =
  /^(?:within|in|of|a|the|no|later|than|at|most|maximum|max|period|dans|la|un|une|délai|delai|de|d'|d’|sous|au|plus|tard|maximal|maximum|est|soit|:|,|\.)$/i;

/** Reads a text that states exactly one period, or returns undefined. */
export function parseDuration(text: string): Duration | undefined {
  const hits = findDurations(text);
  if (hits.length !== 1) return undefined;
  const hit = hits[0] as DurationMatch;
  const rest = `${text.slice(0, hit.index)} ${text.slice(hit.index + hit.text.length)}`;
  const leftover = rest.split(/[\s\u00a0]+/).filter((w) => w.length > 0);
  return leftover.every((w) => FILLER.test(w)) ? hit.duration : undefined;
}
