// A deadline told in one French or English sentence, for people rather than programs.

import { DateTime } from "luxon";
import type { Calendar, CalendarId } from "./calendar.js";
import type { Deadline, Extension, SkippedDay } from "./deadline.js";
import { type Duration, formatDuration, type Language } from "./duration.js";
import type { EpochDay } from "./epoch-day.js";

const ZONE_LABEL: Record<CalendarId, Record<Language, string>> = {
  FR: { fr: "heure de Paris", en: "Paris time" },
  "FR-ALSACE-MOSELLE": { fr: "heure de Paris", en: "Paris time" },
  BE: { fr: "heure de Bruxelles", en: "Brussels time" },
};

const LOCALE: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

function longDate(dateTime: DateTime, lang: Language): string {
  return dateTime.setLocale(LOCALE[lang]).toFormat(lang === "fr" ? "cccc d LLLL yyyy" : "cccc d LLLL yyyy");
}

function dayOf(day: EpochDay, calendar: Calendar, lang: Language): string {
  return longDate(DateTime.fromMillis(calendar.startOfDay(day), { zone: calendar.timeZone }), lang);
}

function skippedText(day: SkippedDay, lang: Language): string {
  if (day.reason === "public_holiday" && day.holiday) return day.holiday[lang];
  if (day.reason === "saturday") return lang === "fr" ? "samedi" : "Saturday";
  if (day.reason === "sunday") return lang === "fr" ? "dimanche" : "Sunday";
  return lang === "fr" ? "jour férié" : "public holiday";
}

function extensionText(extension: Extension, calendar: Calendar, lang: Language): string {
  const skipped = extension.skipped.map((d) => skippedText(d, lang)).join(", ");
  const to = dayOf(extension.to, calendar, lang);
  if (extension.rule === "1182/71 Art. 3(4)") {
    return lang === "fr"
      ? `reporté au ${to} car le dernier jour tombait un jour non ouvré (${skipped}) — règlement 1182/71, art. 3, § 4`
      : `extended to ${to} because the last day was not a working day (${skipped}) — Regulation 1182/71, Art. 3(4)`;
  }
  return lang === "fr"
    ? `prolongé jusqu'au ${to} pour compter au moins deux jours ouvrés — règlement 1182/71, art. 3, § 5`
    : `extended to ${to} so that it holds at least two working days — Regulation 1182/71, Art. 3(5)`;
}

/** « 72 heures à compter du … : le délai expire le dimanche 10 mai 2026 à 11:00, heure de Paris. » */
export function describeDeadline(
  deadline: Deadline,
  duration: Duration,
  event: number,
  calendar: Calendar,
  lang: Language,
): string {
  const zone = calendar.timeZone;
  const end = DateTime.fromMillis(deadline.expires, { zone });
  const from = DateTime.fromMillis(event, { zone });
  const at = (dt: DateTime) => `${longDate(dt, lang)} ${lang === "fr" ? "à" : "at"} ${dt.toFormat("HH:mm")}`;
  const label = ZONE_LABEL[calendar.id][lang];
  const period = formatDuration(duration, lang);
  let sentence =
    lang === "fr"
      ? `${period} à compter du ${at(from)} : le délai expire le ${at(end)}, ${label}`
      : `${period} from ${at(from)}: the period expires on ${at(end)}, ${label}`;
  if (end.hour === 0 && end.minute === 0) {
    const lastDay = longDate(end.minus({ days: 1 }), lang);
    sentence +=
      lang === "fr" ? `, soit jusqu'au ${lastDay} inclus` : `, that is up to and including ${lastDay}`;
  }
  for (const extension of deadline.extensions) sentence += `; ${extensionText(extension, calendar, lang)}`;
  return `${sentence}.`;
}
