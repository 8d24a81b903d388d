// Compares periods of different units safely: is one sure to end no later than another, whatever the start?

import { lastDayOfPeriod, WEEKDAYS } from "./deadline.js";
import { type Duration, type FixedDuration, isFixed } from "./duration.js";
import { type EpochDay, epochDayOf } from "./epoch-day.js";

/** The shortest and longest a period can last, in hours counted from the start of the period. */
export interface HourRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Whether `a` always ends no later than `b` ("within"), always later ("longer"), or either,
 * depending on the day it starts ("undetermined").
 */
export type DurationOrder = "within" | "longer" | "undetermined";

const HOURS_PER_DAY = 24;

// A 28-year span repeats every weekday/date combination of the Gregorian calendar between two
// century years, so scanning its days finds the shortest and longest months and years.
const CYCLE_START: EpochDay = epochDayOf(2001, 1, 1);
const CYCLE_END: EpochDay = epochDayOf(2029, 1, 1);

/**
 * Days from the event day to the period's last day under Reg. 1182/71 Art. 3, counting Saturdays and
 * Sundays but no public holiday: holidays depend on the calendar and lengthen periods in days
 * (Art. 3(4)) as much as periods in working days, so leaving them out keeps both sides comparable.
 */
function countedDays(eventDay: EpochDay, duration: FixedDuration): number {
  return lastDayOfPeriod(eventDay, duration, WEEKDAYS).lastDay - eventDay;
}

const lengthsCache = new Map<string, Int32Array>();

/**
 * The counted days of `duration` for each event day of the cycle from CYCLE_START: seven days suffice
 * for days, weeks and working days, which depend only on the weekday; months and years need the cycle.
 */
function cycleLengths(duration: FixedDuration): Int32Array {
  const key = `${duration.amount} ${duration.unit}`;
  const cached = lengthsCache.get(key);
  if (cached) return cached;
  const calendarDependent = duration.unit === "months" || duration.unit === "years";
  const lengths = new Int32Array(calendarDependent ? CYCLE_END - CYCLE_START : 7);
  for (let i = 0; i < lengths.length; i++) lengths[i] = countedDays(CYCLE_START + i, duration);
  lengthsCache.set(key, lengths);
  return lengths;
}

function checkAmount(duration: FixedDuration): void {
  if (!Number.isInteger(duration.amount) || duration.amount < 1)
    throw new RangeError(`not a positive whole amount: ${duration.amount}`);
}

/** How long `duration` can last, in hours, from the start of its first counted hour or day. */
export function hourRange(duration: FixedDuration): HourRange {
  checkAmount(duration);
  if (duration.unit === "hours") return { min: duration.amount, max: duration.amount };
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const days of cycleLengths(duration)) {
    if (days < min) min = days;
    if (days > max) max = days;
  }
  return { min: min * HOURS_PER_DAY, max: max * HOURS_PER_DAY };
}

/**
 * Compares two periods started by the same event, conservatively: "within" only when `a` can never
 * outlast `b` (3 working days are within 5 days; 48 hours are within 2 days, but 2 days are not surely
 * within 48 hours, since a weekend may stretch them). Periods counted in days are compared event day by
 * event day, since the same weekend stretches both.
 */
export function compareDurations(a: FixedDuration, b: FixedDuration): DurationOrder {
  checkAmount(a);
  checkAmount(b);
  if (a.unit === "hours" || b.unit === "hours") {
    const ra = hourRange(a);
    const rb = hourRange(b);
    if (ra.max <= rb.min) return "within";
    if (ra.min > rb.max) return "longer";
    return "undetermined";
  }
  const la = cycleLengths(a);
  const lb = cycleLengths(b);
  const span = Math.max(la.length, lb.length);
  let within = true;
  let longer = true;
  for (let i = 0; i < span && (within || longer); i++) {
    const da = la[i % la.length] as number;
    const db = lb[i % lb.length] as number;
    if (da > db) within = false;
    else longer = false;
  }
  return within ? "within" : longer ? "longer" : "undetermined";
}

/**
 * Does a stated period surely respect a maximum? A period stated as "immediately" does; one stated
 * only as "without undue delay" or "reasonable" gives no bound, so it does not.
 */
export function isSurelyAtMost(stated: Duration, maximum: FixedDuration): boolean {
  if (!isFixed(stated)) return stated.qualifier === "immediately";
  return compareDurations(stated, maximum) === "within";
}

/** Does a stated period surely last at least a minimum? A qualifier alone never guarantees one. */
export function isSurelyAtLeast(stated: Duration, minimum: FixedDuration): boolean {
  if (!isFixed(stated)) return false;
  return compareDurations(minimum, stated) === "within";
}
