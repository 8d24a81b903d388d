// Reads an --at / --end / --until option: an ISO 8601 instant with its offset, or a bare date taken as the start
// of that day in Paris time; absent, the fallback (usually now).

import { calendarFor } from "../domain/calendar.js";
import { parseInstant } from "../domain/instant.js";

export function instantOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  return parseInstant(text, calendarFor("FR")).instant;
}

/** A comma-separated list option, blanks dropped. */
export function listOption(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
