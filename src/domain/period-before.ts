// A period counted back from a date (« 3 mois avant la fin de l'année scolaire »): the last day the act may still be done.

import type { WorkingDays } from "./deadline.js";
import type { FixedDuration } from "./duration.js";
import { addCalendarMonths, type EpochDay } from "./epoch-day.js";
import { invalidInput, type LocalizedText } from "./error.js";

export interface PeriodBefore {
  /** The last day on which the act may still be done: the same date `amount` units before the reference day. */
  readonly lastDay: EpochDay;
  /** Whether that day is a Saturday, Sunday or public holiday of the calendar: it is not moved, only said. */
  readonly nonWorkingDay: boolean;
  /** What to show with the date: the rule art28 applied, and that Reg. 1182/71 has none for counting backwards. */
  readonly note: LocalizedText;
}

export const BACKWARD_NOTE: LocalizedText = {
  fr: "le règlement 1182/71 ne prévoit aucune règle pour un délai compté à rebours : art28 retient la même date autant de périodes plus tôt, sans report de week-end ni de jour férié",
  en: "Regulation 1182/71 has no rule for a period counted backwards: art28 takes the same date that many periods earlier, never moved off a weekend or holiday",
};

/**
 * The last day on which an act due `duration` before `reference` may still be done: the same date n days, weeks,
 * months (the month's last day when the date does not exist) or years earlier; n working days counted back over
 * the calendar's working days. Reg. 1182/71 Art. 3 only counts forward from an event, so no Art. 3(4) or 3(5)
 * extension applies: moving the day later would shorten the notice, moving it earlier is not in the text.
 */
export function lastDayBefore(
  reference: EpochDay,
  { amount, unit }: FixedDuration,
  days: WorkingDays,
): PeriodBefore {
  if (!Number.isInteger(amount) || amount < 1) {
    throw invalidInput(
      { fr: "la durée doit être un nombre entier positif", en: "the period must be a positive whole number" },
      { argument: "period", amount },
    );
  }
  let lastDay: EpochDay;
  switch (unit) {
    case "hours":
      throw invalidInput(
        {
          fr: "un délai en heures compté à rebours a besoin d'une heure, pas d'une date",
          en: "a period in hours counted backwards needs a time, not a date",
        },
        { argument: "period" },
      );
    case "days":
      lastDay = reference - amount;
      break;
    case "weeks":
      lastDay = reference - 7 * amount;
      break;
    case "months":
      lastDay = addCalendarMonths(reference, -amount);
      break;
    case "years":
      lastDay = addCalendarMonths(reference, -12 * amount);
      break;
    case "working_days":
      lastDay = reference;
      for (let counted = 0; counted < amount; ) if (days.isWorkingDay(--lastDay)) counted++;
      break;
  }
  return { lastDay, nonWorkingDay: !days.isWorkingDay(lastDay), note: BACKWARD_NOTE };
}
