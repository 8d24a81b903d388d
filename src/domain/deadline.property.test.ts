import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALENDAR_IDS, calendarFor } from "./calendar.js";
import { expires } from "./deadline.js";
import type { FixedDuration } from "./duration.js";
import { addCalendarMonths } from "./epoch-day.js";

// Events between 2000 and 2099, in any of the supported calendars.
const event = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 1) });
const calendarId = fc.constantFrom(...CALENDAR_IDS);
const dayUnit = fc.constantFrom<FixedDuration["unit"]>("days", "working_days", "weeks", "months", "years");
const anyUnit = fc.constantFrom<FixedDuration["unit"]>(
  "hours",
  "days",
  "working_days",
  "weeks",
  "months",
  "years",
);

describe("deadline invariants", () => {
  it("never expires earlier for a longer period", () => {
    fc.assert(
      fc.property(event, calendarId, anyUnit, fc.integer({ min: 1, max: 60 }), (at, id, unit, amount) => {
        const calendar = calendarFor(id);
        const shorter = expires(at, { amount, unit }, calendar).expires;
        const longer = expires(at, { amount: amount + 1, unit }, calendar).expires;
        expect(longer).toBeGreaterThanOrEqual(shorter);
      }),
      { numRuns: 2000 },
    );
  });

  it("ends a period counted in days on a working day, at the start of the next day", () => {
    fc.assert(
      fc.property(event, calendarId, dayUnit, fc.integer({ min: 1, max: 40 }), (at, id, unit, amount) => {
        const calendar = calendarFor(id);
        const result = expires(at, { amount, unit }, calendar);
        expect(calendar.isWorkingDay(result.lastDay)).toBe(true);
        expect(result.expires).toBe(calendar.startOfDay(result.lastDay + 1));
        expect(result.lastDay).toBeGreaterThan(calendar.localDayOf(at));
      }),
      { numRuns: 2000 },
    );
  });

  it("holds at least two working days in any period of two days or more", () => {
    fc.assert(
      fc.property(event, calendarId, dayUnit, fc.integer({ min: 2, max: 40 }), (at, id, unit, amount) => {
        const calendar = calendarFor(id);
        const result = expires(at, { amount, unit }, calendar);
        let working = 0;
        for (let day = calendar.localDayOf(at) + 1; day <= result.lastDay; day++) {
          if (calendar.isWorkingDay(day)) working++;
        }
        expect(working).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts hours as elapsed time from the next full hour, whatever the DST changes and holidays", () => {
    fc.assert(
      fc.property(event, calendarId, fc.integer({ min: 1, max: 2000 }), (at, id, amount) => {
        const calendar = calendarFor(id);
        const result = expires(at, { amount, unit: "hours" }, calendar);
        expect(result.start).toBeGreaterThan(at);
        expect(result.start - at).toBeLessThanOrEqual(3_600_000);
        expect(result.start % 3_600_000).toBe(0);
        expect(result.expires - result.start).toBe(amount * 3_600_000);
        expect(result.extensions).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts exactly the requested number of working days", () => {
    fc.assert(
      fc.property(event, calendarId, fc.integer({ min: 1, max: 40 }), (at, id, amount) => {
        const calendar = calendarFor(id);
        const result = expires(at, { amount, unit: "working_days" }, calendar);
        let working = 0;
        for (let day = calendar.localDayOf(at) + 1; day <= result.lastDay; day++) {
          if (calendar.isWorkingDay(day)) working++;
        }
        expect(working).toBe(amount);
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * Art. 3 read directly, day by day, as an oracle: the nominal last day (3(2), 3(3)); then the first day from it that
 * is a working day (3(4)) and, for a period stated as two days or more, that closes a span holding two working days
 * (3(5)).
 */
function lastDayByTheLetter(
  eventDay: number,
  { amount, unit }: FixedDuration,
  isWorkingDay: (day: number) => boolean,
) {
  let nominal: number;
  if (unit === "days") nominal = eventDay + amount;
  else if (unit === "weeks") nominal = eventDay + 7 * amount;
  else if (unit === "months") nominal = addCalendarMonths(eventDay, amount);
  else if (unit === "years") nominal = addCalendarMonths(eventDay, 12 * amount);
  else {
    nominal = eventDay;
    for (let counted = 0; counted < amount; ) if (isWorkingDay(++nominal)) counted++;
  }
  const twoDaysOrMore = unit === "days" ? amount >= 2 : unit !== "working_days";
  for (let day = nominal; ; day++) {
    if (!isWorkingDay(day)) continue;
    if (!twoDaysOrMore) return day;
    let working = 0;
    for (let d = eventDay + 1; d <= day; d++) if (isWorkingDay(d)) working++;
    if (working >= 2) return day;
  }
}

describe("the engine against Art. 3 read day by day", () => {
  it("ends every period in days, working days, weeks, months and years on the day the text gives", () => {
    fc.assert(
      fc.property(event, calendarId, dayUnit, fc.integer({ min: 1, max: 40 }), (at, id, unit, amount) => {
        const calendar = calendarFor(id);
        const eventDay = calendar.localDayOf(at);
        const result = expires(at, { amount, unit }, calendar);
        expect(result.lastDay).toBe(
          lastDayByTheLetter(eventDay, { amount, unit }, (day) => calendar.isWorkingDay(day)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("ends a one-day period on the first working day after the event day, never later", () => {
    fc.assert(
      fc.property(event, calendarId, (at, id) => {
        const calendar = calendarFor(id);
        const result = expires(at, { amount: 1, unit: "days" }, calendar);
        for (let day = calendar.localDayOf(at) + 1; day < result.lastDay; day++)
          expect(calendar.isWorkingDay(day)).toBe(false);
        expect(result.extensions.every((e) => e.rule === "1182/71 Art. 3(4)")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("working days counted from running totals", () => {
  it("land on the same day as a day-by-day walk, across years", () => {
    fc.assert(
      fc.property(event, calendarId, fc.integer({ min: 1, max: 700 }), (at, id, amount) => {
        const calendar = calendarFor(id);
        const start = calendar.localDayOf(at);
        let walked = start;
        for (let counted = 0; counted < amount; ) {
          walked++;
          if (calendar.isWorkingDay(walked)) counted++;
        }
        expect(calendar.addWorkingDays(start, amount)).toBe(walked);
      }),
      { numRuns: 500 },
    );
  });
});
