import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar.js";
import { expires } from "./deadline.js";
import { DURATION_UNITS, type FixedDuration } from "./duration.js";
import { compareDurations, hourRange, isSurelyAtLeast, isSurelyAtMost } from "./duration-comparison.js";

const d = (amount: number, unit: FixedDuration["unit"]): FixedDuration => ({ amount, unit });

describe("hourRange", () => {
  it("gives hours exactly, since hours are never extended", () => {
    expect(hourRange(d(72, "hours"))).toEqual({ min: 72, max: 72 });
  });

  it("stretches days by a weekend at most (Reg. 1182/71 Art. 3(4) and 3(5))", () => {
    expect(hourRange(d(5, "days"))).toEqual({ min: 5 * 24, max: 7 * 24 });
    // Two days from a Friday end on the Tuesday: the weekend, then two working days.
    expect(hourRange(d(2, "days"))).toEqual({ min: 48, max: 96 });
  });

  it("counts working days over weekends", () => {
    expect(hourRange(d(1, "working_days"))).toEqual({ min: 24, max: 3 * 24 });
    expect(hourRange(d(3, "working_days"))).toEqual({ min: 3 * 24, max: 5 * 24 });
    expect(hourRange(d(10, "working_days"))).toEqual({ min: 12 * 24, max: 14 * 24 });
  });

  it("knows that a month lasts from 28 days to 31 days, plus a weekend", () => {
    expect(hourRange(d(1, "months"))).toEqual({ min: 28 * 24, max: 33 * 24 });
    expect(hourRange(d(1, "years")).min).toBe(365 * 24);
  });

  it("refuses amounts that are not positive whole numbers", () => {
    expect(() => hourRange(d(0, "days"))).toThrow(RangeError);
    expect(() => hourRange(d(1.5, "days"))).toThrow(RangeError);
  });

  it("holds every deadline the engine computes on a calendar with no holiday in reach", () => {
    // Brussels has no public holiday from March to Easter 2026, so the engine and the range must agree.
    const calendar = calendarFor("BE");
    const units = DURATION_UNITS.filter((u) => u !== "hours" && u !== "years" && u !== "months");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(...units),
        fc.integer({ min: 2, max: 8 }),
        (tens, unit, dayOfMonth) => {
          const amount = unit === "weeks" ? Math.min(tens, 3) : tens;
          const event = Date.UTC(2026, 2, dayOfMonth, 9);
          const deadline = expires(event, d(amount, unit), calendar);
          const hours = Math.round((deadline.expires - deadline.start) / 3_600_000);
          const range = hourRange(d(amount, unit));
          // The engine's span may be an hour shorter or longer across the change to summer time.
          return hours >= range.min - 1 && hours <= range.max + 1;
        },
      ),
    );
  });
});

describe("compareDurations", () => {
  it("finds 3 working days within 5 days, whatever the weekday", () => {
    expect(compareDurations(d(3, "working_days"), d(5, "days"))).toBe("within");
  });

  it("finds 48 hours within 2 days, but 2 days not surely within 48 hours", () => {
    expect(compareDurations(d(48, "hours"), d(2, "days"))).toBe("within");
    expect(compareDurations(d(2, "days"), d(48, "hours"))).toBe("undetermined");
  });

  it("finds 72 hours longer than 48 hours and 30 days longer than 3 weeks", () => {
    expect(compareDurations(d(72, "hours"), d(48, "hours"))).toBe("longer");
    expect(compareDurations(d(30, "days"), d(3, "weeks"))).toBe("longer");
  });

  it("cannot order 30 days and one month", () => {
    expect(compareDurations(d(30, "days"), d(1, "months"))).toBe("undetermined");
    expect(compareDurations(d(1, "months"), d(30, "days"))).toBe("undetermined");
  });

  it("finds 3 months within 1 year and 4 weeks within 1 month", () => {
    expect(compareDurations(d(3, "months"), d(1, "years"))).toBe("within");
    expect(compareDurations(d(4, "weeks"), d(1, "months"))).toBe("within");
    expect(compareDurations(d(5, "weeks"), d(1, "months"))).toBe("longer");
  });

  const duration = fc
    .record({ amount: fc.integer({ min: 1, max: 40 }), unit: fc.constantFrom(...DURATION_UNITS) })
    .map((x) => x as FixedDuration);

  it("finds a period within itself and within any longer period of its unit", () => {
    fc.assert(
      fc.property(duration, fc.integer({ min: 0, max: 40 }), (a, more) => {
        return (
          compareDurations(a, a) === "within" && compareDurations(a, d(a.amount + more, a.unit)) === "within"
        );
      }),
    );
  });

  it("knows 2 days always outlast 1 day: a period stated as two days holds two working days (Art. 3(5))", () => {
    expect(compareDurations(d(2, "days"), d(1, "days"))).toBe("longer");
  });

  it("finds the shorter period within the longer one whenever it finds one longer", () => {
    fc.assert(
      fc.property(
        duration,
        duration,
        (a, b) => compareDurations(a, b) !== "longer" || compareDurations(b, a) === "within",
      ),
    );
  });

  it("chains: within a period that is within a third is within that third", () => {
    fc.assert(
      fc.property(duration, duration, duration, (a, b, c) => {
        if (compareDurations(a, b) !== "within" || compareDurations(b, c) !== "within") return true;
        return compareDurations(a, c) === "within";
      }),
      { numRuns: 300 },
    );
  });
});

describe("isSurelyAtMost and isSurelyAtLeast", () => {
  it("accept an immediate notice under any maximum", () => {
    expect(isSurelyAtMost({ qualifier: "immediately" }, d(24, "hours"))).toBe(true);
  });

  it("reject a notice without a number against a maximum or a minimum", () => {
    expect(isSurelyAtMost({ qualifier: "without_undue_delay" }, d(48, "hours"))).toBe(false);
    expect(isSurelyAtLeast({ qualifier: "reasonable" }, d(14, "days"))).toBe(false);
  });

  it("check fixed periods against both kinds of bound", () => {
    expect(isSurelyAtMost(d(24, "hours"), d(48, "hours"))).toBe(true);
    expect(isSurelyAtMost(d(3, "days"), d(48, "hours"))).toBe(false);
    expect(isSurelyAtLeast(d(30, "days"), d(14, "days"))).toBe(true);
    expect(isSurelyAtLeast(d(7, "working_days"), d(14, "days"))).toBe(false);
    expect(isSurelyAtLeast(d(14, "days"), d(14, "days"))).toBe(true);
  });
});
