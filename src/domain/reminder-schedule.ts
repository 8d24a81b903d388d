// When to remind someone of a deadline: at set points before it, at it, then at a steady pace once late.

import { DateTime } from "luxon";
import { invalidInput } from "./error.js";

export type ReminderUnit = "hours" | "days" | "weeks";

export interface ReminderOffset {
  readonly amount: number;
  readonly unit: ReminderUnit;
}

export interface ReminderConfig {
  /** Points before the deadline, e.g. 7 days and 1 day. */
  readonly before: readonly ReminderOffset[];
  readonly atDue: boolean;
  /** The pace once late (daily by default); null for no reminder after the deadline. */
  readonly lateEvery: ReminderOffset | null;
  /** How many reminders at most once late. */
  readonly maxLate: number;
}

export const DEFAULT_REMINDER_CONFIG: ReminderConfig = {
  before: [
    { amount: 7, unit: "days" },
    { amount: 1, unit: "days" },
  ],
  atDue: true,
  lateEvery: { amount: 1, unit: "days" },
  maxLate: 30,
};

export type ReminderPoint =
  | { readonly kind: "before"; readonly at: number; readonly offset: ReminderOffset }
  | { readonly kind: "due"; readonly at: number }
  | { readonly kind: "late"; readonly at: number; readonly lateCount: number };

function checkOffset(offset: ReminderOffset): void {
  if (!Number.isInteger(offset.amount) || offset.amount < 1 || offset.amount > 1000) {
    throw invalidInput(
      {
        fr: "un rappel se place à un nombre entier d'heures, de jours ou de semaines (1 à 1000)",
        en: "a reminder sits a whole number of hours, days or weeks away (1 to 1000)",
      },
      { argument: "reminders" },
    );
  }
}

/** Every reminder point of a deadline in time order; days and weeks are local days of `timeZone` (DST-safe). */
export function reminderPoints(due: number, config: ReminderConfig, timeZone: string): ReminderPoint[] {
  const local = DateTime.fromMillis(due, { zone: timeZone });
  const points: ReminderPoint[] = [];
  for (const offset of config.before) {
    checkOffset(offset);
    points.push({ kind: "before", at: local.minus({ [offset.unit]: offset.amount }).toMillis(), offset });
  }
  if (config.atDue) points.push({ kind: "due", at: due });
  if (config.lateEvery) {
    checkOffset(config.lateEvery);
    for (let n = 1; n <= config.maxLate; n++) {
      const step = { [config.lateEvery.unit]: config.lateEvery.amount * n };
      points.push({ kind: "late", at: local.plus(step).toMillis(), lateCount: n });
    }
  }
  points.sort((a, b) => a.at - b.at);
  // Two offsets landing on the same instant make one reminder.
  return points.filter((p, i) => i === 0 || p.at !== points[i - 1]?.at);
}

/**
 * The next reminder to send. Before any was sent, only points still to come count (the notice of the new
 * obligation already told its holder). After that, points passed since the last one sent collapse into one,
 * sent now (the latest of them, so a worker back from a pause does not send a burst); otherwise the next point
 * to come; null when none is left.
 */
export function nextReminder(options: {
  readonly due: number;
  readonly now: number;
  readonly config?: ReminderConfig;
  readonly timeZone: string;
  readonly lastSentAt?: number | null;
}): ReminderPoint | null {
  const points = reminderPoints(options.due, options.config ?? DEFAULT_REMINDER_CONFIG, options.timeZone);
  const after = options.lastSentAt ?? options.now;
  let missed: ReminderPoint | null = null;
  for (const p of points) {
    if (p.at <= after) continue;
    if (p.at <= options.now) missed = p;
    else return missed ?? p;
  }
  return missed;
}
