// A due instant as people say it: « jusqu'au mardi 12 mai 2026 inclus, heure de Paris » rather than "13 May at 00:00",
// remembered, since a fan-out tells thousands of recipients the same few instants (Luxon's formatting is the cost).

import { dueWords, instantWords } from "../../domain/due-words.js";
import type { Language } from "../../domain/duration.js";

const PHRASES = new Map<string, string>();

function remembered(key: string, phrase: () => string): string {
  const known = PHRASES.get(key);
  if (known !== undefined) return known;
  if (PHRASES.size >= 10_000) PHRASES.clear();
  const made = phrase();
  PHRASES.set(key, made);
  return made;
}

/** A deadline at a local midnight is told as the last day it includes; any other as the time it expires, with its zone. */
export function duePhrase(due: number, timeZone: string, lang: Language): string {
  return remembered(`${due}|${timeZone}|${lang}`, () => dueWords(due, timeZone, lang));
}

/** A past or present instant, e.g. when a breach became known. */
export function instantPhrase(instant: number, timeZone: string, lang: Language): string {
  return remembered(`${instant}|${timeZone}|${lang}|at`, () => instantWords(instant, timeZone, lang));
}
