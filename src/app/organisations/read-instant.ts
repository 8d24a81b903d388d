// Step shared by the workflow use cases: an instant people give (epoch ms or ISO 8601 text), read in the calendar of
// the organisation concerned, with the field at fault named when it cannot be read.

import type { Calendar } from "../../domain/calendar.js";
import { Art28Error } from "../../domain/error.js";
import { parseInstant } from "../../domain/instant.js";

/** An instant given as epoch ms or as ISO 8601 text (a date alone is the start of that day in `calendar`). */
export function readInstant(value: unknown, calendar: Calendar, argument: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "") {
    try {
      return parseInstant(value, calendar).instant;
    } catch (error) {
      if (!(error instanceof Art28Error)) throw error;
      throw new Art28Error(error.code, error.text, {
        argument,
        accepted: {
          fr: "AAAA-MM-JJ ou date-heure ISO 8601 avec décalage",
          en: "YYYY-MM-DD or ISO 8601 date-time with offset",
        },
      });
    }
  }
  throw new Art28Error(
    "invalid_input",
    { fr: `instant manquant ou illisible : ${argument}`, en: `missing or unreadable instant: ${argument}` },
    { argument },
  );
}

/** An instant as `readInstant` reads it, `now` when absent, and never in the future. */
export function readPastInstant(value: unknown, calendar: Calendar, argument: string, now: number): number {
  if (value === undefined || value === null || value === "") return now;
  const instant = readInstant(value, calendar, argument);
  if (instant > now) {
    throw new Art28Error(
      "invalid_input",
      {
        fr: `${argument} : cet instant est dans le futur`,
        en: `${argument}: this instant lies in the future`,
      },
      { argument },
    );
  }
  return instant;
}
