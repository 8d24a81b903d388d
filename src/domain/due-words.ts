// An instant as people say it in the organisation's zone: a deadline at a local midnight as the last day it includes.

import { DateTime } from "luxon";
import type { Language } from "./duration.js";

const LOCALE: Readonly<Record<Language, string>> = { fr: "fr-FR", en: "en-GB" };

const ZONE_NAMES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  "Europe/Paris": { fr: "heure de Paris", en: "Paris time" },
  "Europe/Brussels": { fr: "heure de Bruxelles", en: "Brussels time" },
};

function longDate(dt: DateTime, lang: Language): string {
  return dt.setLocale(LOCALE[lang]).toFormat("cccc d LLLL yyyy");
}

export function zoneName(timeZone: string, lang: Language): string {
  return ZONE_NAMES[timeZone]?.[lang] ?? timeZone;
}

/**
 * « jusqu'au lundi 4 janvier 2027 inclus, heure de Paris » for a deadline that expires at a local midnight; « avant le
 * lundi 4 janvier 2027 à 10:00 (heure de Paris) » for any other.
 */
export function dueWords(due: number, timeZone: string, lang: Language): string {
  const end = DateTime.fromMillis(due, { zone: timeZone });
  const zone = zoneName(timeZone, lang);
  if (end.hour === 0 && end.minute === 0 && end.second === 0) {
    const last = longDate(end.minus({ days: 1 }), lang);
    return lang === "fr" ? `jusqu'au ${last} inclus, ${zone}` : `up to and including ${last}, ${zone}`;
  }
  const time = end.toFormat("HH:mm");
  return lang === "fr"
    ? `avant le ${longDate(end, lang)} à ${time} (${zone})`
    : `before ${longDate(end, lang)} at ${time} (${zone})`;
}

/** « jeudi 7 mai 2026 à 10:15 (heure de Paris) »: a past or present instant. */
export function instantWords(instant: number, timeZone: string, lang: Language): string {
  const dt = DateTime.fromMillis(instant, { zone: timeZone });
  return `${longDate(dt, lang)} ${lang === "fr" ? "à" : "at"} ${dt.toFormat("HH:mm")} (${zoneName(timeZone, lang)})`;
}
