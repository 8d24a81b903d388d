// Use case: compute when a period started by an event expires, for any adapter (CLI, API, web).

import { calendarFor } from "../../domain/calendar.js";
import { type Deadline, type Extension, expires, type SkippedDay } from "../../domain/deadline.js";
import { describeDeadline } from "../../domain/deadline-description.js";
import { type FixedDuration, isFixed, type Language } from "../../domain/duration.js";
import { parseDuration } from "../../domain/duration-parser.js";
import { epochDayToIso } from "../../domain/epoch-day.js";
import { Art28Error, invalidInput, type LocalizedText } from "../../domain/error.js";
import { formatInstant, type ParsedInstant, parseInstant } from "../../domain/instant.js";

export interface ComputeDeadlineOptions {
  readonly input: {
    /** ISO 8601 with an offset, or a bare date (start of that day in the calendar's zone). */
    readonly from: string;
    /** "72 hours", "3 jours ouvrés", "deux (2) mois"… */
    readonly period: string;
    readonly calendar?: string;
  };
  readonly lang?: Language;
}

export interface DeadlineView {
  readonly from: string;
  readonly period: FixedDuration;
  readonly start: string;
  readonly expires: string;
  readonly calendar: string;
  readonly timeZone: string;
  readonly lastDay: string;
  readonly extensions: readonly ExtensionView[];
  readonly description: string;
}

export interface ExtensionView {
  readonly rule: Extension["rule"];
  readonly from: string;
  readonly to: string;
  readonly skipped: ReadonlyArray<{ date: string } & Omit<SkippedDay, "day">>;
}

function extensionView({ rule, from, to, skipped }: Extension): ExtensionView {
  return {
    rule,
    from: epochDayToIso(from),
    to: epochDayToIso(to),
    skipped: skipped.map(({ day, ...rest }) => ({ date: epochDayToIso(day), ...rest })),
  };
}

const PERIOD_ACCEPTED: LocalizedText = {
  fr: "un nombre et une unité (heures, jours, jours ouvrés, semaines, mois, ans), p. ex. « 72 heures », « 3 jours ouvrés », « 1 mois »",
  en: 'an amount and a unit (hours, days, working days, weeks, months, years), e.g. "72 hours", "3 working days", "1 month"',
};

const FROM_ACCEPTED: LocalizedText = {
  fr: "une date-heure ISO 8601 avec décalage, p. ex. 2026-05-07T10:15:00+02:00 ou 2026-05-07T08:15:00Z, ou une date 2026-05-07",
  en: "an ISO 8601 date-time with an offset, e.g. 2026-05-07T10:15:00+02:00 or 2026-05-07T08:15:00Z, or a date 2026-05-07",
};

/** Re-raises a domain error as one about the given input, so the adapter can name it. */
function about<T>(argument: string, accepted: LocalizedText, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Art28Error)
      throw new Art28Error(error.code, error.text, { ...error.details, argument, accepted });
    throw error;
  }
}

export function computeDeadline({ input, lang = "fr" }: ComputeDeadlineOptions): DeadlineView {
  const calendar = calendarFor(input.calendar ?? "FR");

  const duration = parseDuration(input.period);
  if (!duration) {
    throw invalidInput(
      { fr: `« ${input.period} » n'est pas une durée`, en: `"${input.period}" is not a period` },
      { argument: "period", accepted: PERIOD_ACCEPTED },
    );
  }
  if (!isFixed(duration)) {
    throw invalidInput(
      {
        fr: `« ${input.period} » ne donne aucun nombre, donc aucune échéance fixe`,
        en: `"${input.period}" states no number, so it has no fixed expiry`,
      },
      { argument: "period", accepted: PERIOD_ACCEPTED },
    );
  }

  const from: ParsedInstant = about("from", FROM_ACCEPTED, () => parseInstant(input.from, calendar));
  if (from.dateOnly && duration.unit === "hours") {
    throw invalidInput(
      {
        fr: `« ${input.from} » n'a pas d'heure, or un délai en heures en a besoin`,
        en: `"${input.from}" has no time of day, which a period in hours needs`,
      },
      { argument: "from", accepted: FROM_ACCEPTED },
    );
  }

  const deadline: Deadline = about("period", PERIOD_ACCEPTED, () =>
    expires(from.instant, duration, calendar),
  );
  return {
    from: formatInstant(from.instant, calendar.timeZone),
    period: duration,
    start: formatInstant(deadline.start, calendar.timeZone),
    expires: formatInstant(deadline.expires, calendar.timeZone),
    calendar: calendar.id,
    timeZone: calendar.timeZone,
    lastDay: epochDayToIso(deadline.lastDay),
    extensions: deadline.extensions.map(extensionView),
    description: describeDeadline(deadline, duration, from.instant, calendar, lang),
  };
}
