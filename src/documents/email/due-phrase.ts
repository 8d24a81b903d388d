// A due instant as people say it: "by the end of Tuesday 12 May 2026" rather than "13 May at 00:00".

import { DateTime } from "luxon";
import type { Language } from "../../domain/duration.js";

const LOCALE: Readonly<Record<Language, string>> = { fr: "fr-FR", en: "en-GB" };

const ZONE_NAMES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  "Europe/Paris": { fr: "heure de Paris", en: "Paris time" },
  "Europe/Brussels": { fr: "heure de Bruxelles", en: "Brussels time" },
};

function longDate(dt: DateTime, lang: Language): string {
  return dt.setLocale(LOCALE[lang]).toFormat("cccc d LLLL yyyy");
}

/**
 * A deadline that expires at a local midnight is told as the last day it includes; any other as the time it
 * expires, with its zone.
 */
export function duePhrase(due: number, timeZone: string, lang: Language): string {
  // A fan-out tells thousands of recipients the same few deadlines: Luxon's formatting is the costly part.
  const key = `${due}|${timeZone}|${lang}`;
  const known = PHRASES.get(key);
  if (known !== undefined) return known;
  if (PHRASES.size >= 10_000) PHRASES.clear();
  const phrase = phraseOf(due, timeZone, lang);
  PHRASES.set(key, phrase);
  return phrase;
}

const PHRASES = new Map<string, string>();

function phraseOf(due: number, timeZone: string, lang: Language): string {
  const end = DateTime.fromMillis(due, { zone: timeZone });
  if (end.hour === 0 && end.minute === 0 && end.second === 0) {
    const last = longDate(end.minus({ days: 1 }), lang);
    return lang === "fr" ? `au plus tard le ${last} (inclus)` : `by the end of ${last}`;
  }
  const zone = ZONE_NAMES[timeZone]?.[lang] ?? timeZone;
  const time = end.toFormat("HH:mm");
  return lang === "fr"
    ? `avant le ${longDate(end, lang)} à ${time} (${zone})`
    : `before ${longDate(end, lang)} at ${time} (${zone})`;
}

/** A past or present instant, e.g. when a breach became known. */
export function instantPhrase(instant: number, timeZone: string, lang: Language): string {
  // A breach notice tells a thousand controllers the same two instants: remembered like due phrases.
  const key = `${instant}|${timeZone}|${lang}|at`;
  const known = PHRASES.get(key);
  if (known !== undefined) return known;
  if (PHRASES.size >= 10_000) PHRASES.clear();
  const phrase = instantPhraseOf(instant, timeZone, lang);
  PHRASES.set(key, phrase);
  return phrase;
}

function instantPhraseOf(instant: number, timeZone: string, lang: Language): string {
  const dt = DateTime.fromMillis(instant, { zone: timeZone });
  const zone = ZONE_NAMES[timeZone]?.[lang] ?? timeZone;
  return `${longDate(dt, lang)} ${lang === "fr" ? "à" : "at"} ${dt.toFormat("HH:mm")} (${zone})`;
}
