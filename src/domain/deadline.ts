// When a period expires, by Regulation (EEC, Euratom) No 1182/71, Article 3.

import type { Calendar, CalendarId, Holiday } from "./calendar.js";
import type { FixedDuration } from "./duration.js";
import { addCalendarMonths, type EpochDay, isoWeekday, isWeekend } from "./epoch-day.js";
import { invalidInput } from "./error.js";

const MS_PER_HOUR = 3_600_000;
/** Longest period accepted, in each unit: a century, which no agreement exceeds. */
const MAX_AMOUNT: Record<FixedDuration["unit"], number> = {
  hours: 876_600,
  days: 36_525,
  working_days: 26_100,
  weeks: 5_218,
  months: 1_200,
  years: 100,
};

export type ExtensionRule = "1182/71 Art. 3(4)" | "1182/71 Art. 3(5)";

export interface SkippedDay {
  readonly day: EpochDay;
  readonly reason: "saturday" | "sunday" | "public_holiday";
  readonly holiday?: { readonly fr: string; readonly en: string };
}

/** One extension of the last day, with the rule that made it. */
export interface Extension {
  readonly rule: ExtensionRule;
  readonly from: EpochDay;
  readonly to: EpochDay;
  readonly skipped: readonly SkippedDay[];
}

export interface Deadline {
  /** First instant of the period: the event's hour or day is not counted (Art. 3(1)). */
  readonly start: number;
  /** Exclusive end: the instant the period has expired. */
  readonly expires: number;
  /** The local day of the period's last instant. */
  readonly lastDay: EpochDay;
  readonly calendar: CalendarId;
  readonly extensions: readonly Extension[];
}

const NO_EXTENSIONS: readonly Extension[] = Object.freeze([]);

/** The instant at which `duration`, started by an event at `event` (epoch ms), expires in `calendar`. */
export function expires(event: number, duration: FixedDuration, calendar: Calendar): Deadline {
  const { amount, unit } = duration;
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT[unit]) {
    throw invalidInput(
      {
        fr: `la durée doit être un nombre entier de 1 à ${MAX_AMOUNT[unit]} (${unit})`,
        en: `the period must be a whole number from 1 to ${MAX_AMOUNT[unit]} (${unit})`,
      },
      { argument: "period", amount },
    );
  }
  if (!Number.isFinite(event))
    throw invalidInput({ fr: "instant de départ invalide", en: "the event instant is not a valid time" });

  if (unit === "hours") {
    // Art. 3(2)(a): from the start of the next hour; elapsed hours, never extended (Art. 3(4) excludes hours).
    const start = calendar.nextHourStart(event);
    const end = start + amount * MS_PER_HOUR;
    return {
      start,
      expires: end,
      lastDay: calendar.localDayOf(end - 1),
      calendar: calendar.id,
      extensions: NO_EXTENSIONS,
    };
  }

  const eventDay = calendar.localDayOf(event);
  const { lastDay, extensions } = lastDayOfPeriod(eventDay, duration, calendar);
  const firstDay = eventDay + 1; // Art. 3(1): the day of the event is not counted.
  return {
    start: calendar.startOfDay(firstDay),
    expires: calendar.startOfDay(lastDay + 1),
    lastDay,
    calendar: calendar.id,
    extensions,
  };
}

/** Which days count as working days: a Calendar, or weekdays alone (WEEKDAYS) when holidays are set aside. */
export interface WorkingDays {
  isWorkingDay(day: EpochDay): boolean;
  holidayOn(day: EpochDay): Holiday | undefined;
  /** The `count`-th working day after `day`, when the days can answer faster than a walk. */
  addWorkingDays?(day: EpochDay, count: number): EpochDay;
}

/** Monday to Friday, with no public holiday: for reasoning that must hold in every calendar. */
export const WEEKDAYS: WorkingDays = {
  isWorkingDay: (day) => !isWeekend(day),
  holidayOn: () => undefined,
};

/**
 * The last day of a period counted in days, working days, weeks, months or years, started on `eventDay`
 * (Reg. 1182/71 Art. 3(1)–(5)), with each extension of it.
 */
export function lastDayOfPeriod(
  eventDay: EpochDay,
  { amount, unit }: FixedDuration,
  days: WorkingDays,
): { lastDay: EpochDay; extensions: readonly Extension[] } {
  let lastDay: EpochDay;
  switch (unit) {
    case "hours":
      throw new RangeError("a period in hours has no last day to count");
    case "days":
      lastDay = eventDay + amount;
      break;
    case "weeks":
      // Art. 3(2)(c): ends with the day of the same weekday as the event day.
      lastDay = eventDay + 7 * amount;
      break;
    case "months":
      lastDay = addCalendarMonths(eventDay, amount);
      break;
    case "years":
      lastDay = addCalendarMonths(eventDay, 12 * amount);
      break;
    case "working_days":
      // Art. 3(3): only working days count.
      if (days.addWorkingDays) {
        lastDay = days.addWorkingDays(eventDay, amount);
        break;
      }
      lastDay = eventDay;
      for (let counted = 0; counted < amount; ) {
        lastDay++;
        if (days.isWorkingDay(lastDay)) counted++;
      }
      break;
  }

  let extensions: Extension[] | undefined;
  if (!days.isWorkingDay(lastDay)) {
    // Art. 3(4): a last day that is a Saturday, Sunday or public holiday gives way to the next working day.
    const from = lastDay;
    const skipped: SkippedDay[] = [];
    while (!days.isWorkingDay(lastDay)) {
      skipped.push(describeNonWorkingDay(lastDay, days));
      lastDay++;
    }
    extensions = [{ rule: "1182/71 Art. 3(4)", from, to: lastDay, skipped }];
  }

  if (statedDays({ amount, unit }) >= 2) {
    // Art. 3(5): a period of two days or more holds at least two working days. "Two days or more" is the
    // period as stated: a one-day period stretched over a weekend by Art. 3(4) is still a one-day period.
    let working = 0;
    for (let d = eventDay + 1; d <= lastDay && working < 2; d++) if (days.isWorkingDay(d)) working++;
    if (working < 2) {
      const from = lastDay;
      const skipped: SkippedDay[] = [];
      while (working < 2) {
        lastDay++;
        if (days.isWorkingDay(lastDay)) working++;
        else skipped.push(describeNonWorkingDay(lastDay, days));
      }
      extensions ??= [];
      extensions.push({ rule: "1182/71 Art. 3(5)", from, to: lastDay, skipped });
    }
  }
  return { lastDay, extensions: extensions ?? NO_EXTENSIONS };
}

/**
 * The stated length of a period in calendar days, as far as Art. 3(5) asks ("two days or more"): weeks,
 * months and years always reach two; working days always hold their own count, so Art. 3(5) adds nothing
 * (0 here keeps the rule off); hours are never extended (Art. 3(4) speaks of periods other than in hours).
 */
function statedDays({ amount, unit }: FixedDuration): number {
  switch (unit) {
    case "days":
      return amount;
    case "weeks":
      return 7 * amount;
    case "months":
      return 28 * amount;
    case "years":
      return 365 * amount;
    case "hours":
    case "working_days":
      return 0;
  }
}

function describeNonWorkingDay(day: EpochDay, days: WorkingDays): SkippedDay {
  const holiday = days.holidayOn(day);
  if (holiday) return { day, reason: "public_holiday", holiday: holiday.name };
  return { day, reason: isoWeekday(day) === 6 ? "saturday" : "sunday" };
}
