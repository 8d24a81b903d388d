// Instants as epoch milliseconds, read from and written to ISO 8601 with an explicit offset.

import { DateTime } from "luxon";
import { type Calendar, FIRST_YEAR, LAST_YEAR } from "./calendar.js";
import { epochDayFromIso } from "./epoch-day.js";
import { invalidInput } from "./error.js";

const WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET = /([+-])(\d{2}):?(\d{2})?$/;
/** Offsets in use on Earth run from -12:00 to +14:00; anything beyond is a typing error, not a zone. */
const MAX_OFFSET_MINUTES = { "-": 12 * 60, "+": 14 * 60 } as const;

export interface ParsedInstant {
  readonly instant: number;
  /** True when only a date was given: the instant is the start of that day in the calendar's zone. */
  readonly dateOnly: boolean;
}

/**
 * Reads "2026-05-07T10:15:00+02:00", "2026-05-07T08:15Z", or a bare date "2026-05-07" (the start of that day
 * in the calendar's zone). A time without an offset is refused: it would silently depend on the machine.
 */
export function parseInstant(text: string, calendar: Calendar): ParsedInstant {
  const trimmed = text.trim();
  if (DATE_ONLY.test(trimmed)) {
    let day: number;
    try {
      day = epochDayFromIso(trimmed);
    } catch {
      throw invalidInput({
        fr: `« ${text} » n'est pas une date valide`,
        en: `"${text}" is not a valid date`,
      });
    }
    checkYear(text, Number(trimmed.slice(0, 4)));
    return { instant: calendar.startOfDay(day), dateOnly: true };
  }
  if (!WITH_OFFSET.test(trimmed)) {
    throw invalidInput({
      fr: `« ${text} » n'est pas une date-heure ISO 8601 avec décalage horaire`,
      en: `"${text}" is not an ISO 8601 date-time with an offset`,
    });
  }
  const offset = OFFSET.exec(trimmed);
  if (offset) {
    const [, sign, hours, minutes = "00"] = offset as unknown as [string, "+" | "-", string, string?];
    if (Number(minutes) > 59 || Number(hours) * 60 + Number(minutes) > MAX_OFFSET_MINUTES[sign]) {
      throw invalidInput({
        fr: `« ${text} » : le décalage ${offset[0]} n'existe pas (de -12:00 à +14:00)`,
        en: `"${text}": the offset ${offset[0]} does not exist (from -12:00 to +14:00)`,
      });
    }
  }
  const parsed = DateTime.fromISO(trimmed.replace(" ", "T"), { setZone: true });
  if (!parsed.isValid) {
    throw invalidInput({
      fr: `« ${text} » n'est pas une date-heure valide`,
      en: `"${text}" is not a valid date-time`,
    });
  }
  checkYear(text, parsed.year);
  return { instant: parsed.toMillis(), dateOnly: false };
}

function checkYear(text: string, year: number): void {
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw invalidInput({
      fr: `« ${text} » est hors des années ${FIRST_YEAR} à ${LAST_YEAR} que couvrent les calendriers`,
      en: `"${text}" lies outside the years ${FIRST_YEAR}–${LAST_YEAR} that the calendars cover`,
    });
  }
}

/** "2026-05-10T11:00:00+02:00": the instant as seen in the zone, seconds kept, milliseconds only when set. */
export function formatInstant(instant: number, timeZone: string): string {
  const text = DateTime.fromMillis(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  if (text === null) throw invalidInput({ fr: "instant hors limites", en: "instant out of range" });
  return text;
}
