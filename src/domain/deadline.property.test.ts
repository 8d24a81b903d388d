import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALENDAR_IDS, calendarFor } from "./calendar.js";
import { expires } from "./deadline.js";
import type { FixedDuration } from "./duration.js";

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
