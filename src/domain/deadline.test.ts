import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar.js";
import { expires } from "./deadline.js";
import type { FixedDuration } from "./duration.js";
import { epochDayOf, epochDayToIso } from "./epoch-day.js";
import { formatInstant, parseInstant } from "./instant.js";

function deadline(from: string, amount: number, unit: FixedDuration["unit"], calendarName = "FR") {
  const calendar = calendarFor(calendarName);
  const result = expires(parseInstant(from, calendar).instant, { amount, unit }, calendar);
  return {
    ...result,
    at: formatInstant(result.expires, calendar.timeZone),
    last: epochDayToIso(result.lastDay),
  };
}

describe("a period in hours (Reg. 1182/71 Art. 3(1), 3(2)(a))", () => {
  it("starts at the next full hour and expires when its last hour ends", () => {
    expect(deadline("2026-05-07T10:15:00+02:00", 72, "hours").at).toBe("2026-05-10T11:00:00+02:00");
  });

  it("counts elapsed hours across the spring DST change", () => {
    expect(deadline("2026-03-28T10:15:00+01:00", 24, "hours").at).toBe("2026-03-29T12:00:00+02:00");
  });

  it("counts elapsed hours across the autumn DST change", () => {
    expect(deadline("2026-10-24T10:15:00+02:00", 24, "hours").at).toBe("2026-10-25T10:00:00+01:00");
  });

  it("does not count the hour in which the event happens, even at its first instant", () => {
    expect(deadline("2026-05-07T10:00:00+02:00", 1, "hours").at).toBe("2026-05-07T12:00:00+02:00");
  });

  it("is never extended over a weekend or a holiday", () => {
    const result = deadline("2026-12-24T09:30:00+01:00", 24, "hours");
    expect(result.at).toBe("2026-12-25T10:00:00+01:00");
    expect(result.extensions).toEqual([]);
  });

  it("reads an instant given in UTC in the calendar's zone", () => {
    expect(deadline("2026-05-07T08:15:00Z", 72, "hours").at).toBe("2026-05-10T11:00:00+02:00");
  });
});

describe("a period in days, weeks, months or years (Art. 3(2)(b), (c))", () => {
  it("skips the event day and moves a Saturday last day to the next working day", () => {
    const result = deadline("2026-05-07T16:00:00+02:00", 30, "days");
    expect(result.at).toBe("2026-06-09T00:00:00+02:00");
    expect(result.last).toBe("2026-06-08");
    expect(result.extensions).toEqual([
      {
        rule: "1182/71 Art. 3(4)",
        from: epochDayOf(2026, 6, 6),
        to: epochDayOf(2026, 6, 8),
        skipped: [
          { day: epochDayOf(2026, 6, 6), reason: "saturday" },
          { day: epochDayOf(2026, 6, 7), reason: "sunday" },
        ],
      },
    ]);
  });

  it("ends a month on the last day of a shorter month, then on the next working day", () => {
    expect(deadline("2026-01-31T10:00:00+01:00", 1, "months").at).toBe("2026-03-03T00:00:00+01:00");
  });

  it("ends a week period on the same weekday", () => {
    expect(deadline("2026-06-03T09:00:00+02:00", 4, "weeks").at).toBe("2026-07-02T00:00:00+02:00");
  });

  it("ends a year on the same date, or 28 February after a 29 February", () => {
    expect(deadline("2028-02-29T09:00:00+01:00", 1, "years").last).toBe("2029-02-28");
  });

  it("names the public holiday that pushed the last day", () => {
    const result = deadline("2026-04-25T10:00:00+02:00", 6, "days");
    expect(result.last).toBe("2026-05-04");
    expect(result.extensions[0]?.skipped[0]).toEqual({
      day: epochDayOf(2026, 5, 1),
      reason: "public_holiday",
      holiday: { fr: "Fête du travail", en: "Labour Day" },
    });
  });

  it("extends a two-day period until it holds two working days (Art. 3(5))", () => {
    const result = deadline("2026-05-15T10:00:00+02:00", 2, "days");
    expect(result.at).toBe("2026-05-20T00:00:00+02:00");
    expect(result.extensions.map((e) => e.rule)).toEqual(["1182/71 Art. 3(4)", "1182/71 Art. 3(5)"]);
  });
});

describe("Art. 3(5) reads the period as stated", () => {
  it("does not extend a one-day period that Art. 3(4) carried over a weekend", () => {
    const result = deadline("2026-05-15T09:00:00+02:00", 1, "days");
    expect(result.at).toBe("2026-05-19T00:00:00+02:00");
    expect(result.extensions.map((e) => e.rule)).toEqual(["1182/71 Art. 3(4)"]);
  });

  it("ends one day from Thursday 7 May 2026 with Monday 11 May (8 May, then the weekend)", () => {
    expect(deadline("2026-05-07", 1, "days").last).toBe("2026-05-11");
  });

  it("ends one day from 2 April 2026 in Moselle with Tuesday 7 April (Good Friday, weekend, Easter Monday)", () => {
    expect(deadline("2026-04-02", 1, "days", "FR-57").last).toBe("2026-04-07");
    expect(deadline("2026-04-02", 1, "days", "FR").last).toBe("2026-04-03");
  });

  it("still extends a two-day period from the same Friday to a second working day", () => {
    expect(deadline("2026-05-15T09:00:00+02:00", 2, "days").last).toBe("2026-05-19");
  });
});

describe("a period in working days (Art. 3(3))", () => {
  it("counts only Monday to Friday outside public holidays", () => {
    expect(deadline("2026-05-01T10:00:00+02:00", 3, "working_days").at).toBe("2026-05-07T00:00:00+02:00");
  });

  it("knows Good Friday is a holiday in Alsace-Moselle but not in the rest of France", () => {
    expect(deadline("2026-04-01T09:00:00+02:00", 5, "working_days", "FR").at).toBe(
      "2026-04-10T00:00:00+02:00",
    );
    expect(deadline("2026-04-01T09:00:00+02:00", 5, "working_days", "FR-ALSACE-MOSELLE").at).toBe(
      "2026-04-11T00:00:00+02:00",
    );
    expect(deadline("2026-04-01T09:00:00+02:00", 5, "working_days", "FR-57").at).toBe(
      "2026-04-11T00:00:00+02:00",
    );
  });

  it("knows the Belgian national day but not the French one", () => {
    expect(deadline("2026-07-20T09:00:00+02:00", 1, "working_days", "BE").at).toBe(
      "2026-07-23T00:00:00+02:00",
    );
    expect(deadline("2026-07-13T09:00:00+02:00", 1, "working_days", "BE").at).toBe(
      "2026-07-15T00:00:00+02:00",
    );
    expect(deadline("2026-07-13T09:00:00+02:00", 1, "working_days", "FR").at).toBe(
      "2026-07-16T00:00:00+02:00",
    );
  });
});

describe("inputs the engine refuses", () => {
  it("refuses a zero or fractional amount", () => {
    expect(() => deadline("2026-05-07T10:00:00+02:00", 0, "days")).toThrow(/whole number/);
    expect(() => deadline("2026-05-07T10:00:00+02:00", 1.5, "days")).toThrow(/whole number/);
  });

  it("refuses dates the holiday tables do not cover", () => {
    expect(() => deadline("2300-05-07T10:00:00+02:00", 3, "days")).toThrow(/1950/);
  });
});
