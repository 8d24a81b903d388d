import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar.js";
import { WEEKDAYS } from "./deadline.js";
import { epochDayFromIso, epochDayToIso } from "./epoch-day.js";
import { Art28Error } from "./error.js";
import { lastDayBefore } from "./period-before.js";
import { endOfSchoolYear, SCHOOL_CALENDAR } from "./school-year.js";
import { requireNotBefore, requireNotFuture } from "./time-order.js";

const day = (iso: string) => epochDayFromIso(iso);

/** The French text of the refusal `run` throws. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Art28Error) return error.text.fr;
    throw error;
  }
  throw new Error("no refusal");
}
const PARIS = "Europe/Paris";
const received = {
  what: { fr: "la réception de la demande", en: "the request's receipt" },
  at: Date.parse("2026-05-08T09:00:00+02:00"),
};
const forwarded = (iso: string) => ({
  what: { fr: "la transmission", en: "the forwarding" },
  at: Date.parse(iso),
});

describe("time runs forward within a record", () => {
  it("refuses a step dated before the step it follows, naming both instants in the organisation's zone", () => {
    expect(
      refusal(() => requireNotBefore(forwarded("2026-05-01T10:00:00+02:00"), received, "at", PARIS)),
    ).toBe(
      "la transmission (2026-05-01T10:00:00+02:00) ne peut précéder la réception de la demande (2026-05-08T09:00:00+02:00)",
    );
  });

  it("accepts a step dated at or after the one it follows", () => {
    expect(() =>
      requireNotBefore(forwarded("2026-05-08T09:00:00+02:00"), received, "at", PARIS),
    ).not.toThrow();
  });

  it("refuses a settlement in the future, naming it and now", () => {
    const now = Date.parse("2026-05-08T12:00:00+02:00");
    try {
      requireNotFuture(forwarded("2026-05-09T12:00:00+02:00"), now, "at", PARIS);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Art28Error);
      expect((error as Art28Error).text.fr).toBe(
        "la transmission (2026-05-09T12:00:00+02:00) serait dans le futur (il est 2026-05-08T12:00:00+02:00)",
      );
      expect((error as Art28Error).details.argument).toBe("at");
    }
  });
});

describe("a period counted back from a date", () => {
  it("gives the same date three months earlier as the last day to act, with the note that 1182/71 has no such rule", () => {
    const result = lastDayBefore(day("2026-07-04"), { amount: 3, unit: "months" }, calendarFor("FR"));
    expect(epochDayToIso(result.lastDay)).toBe("2026-04-04");
    expect(result.nonWorkingDay).toBe(true);
    expect(result.note.fr).toContain(
      "le règlement 1182/71 ne prévoit aucune règle pour un délai compté à rebours",
    );
  });

  it("takes the month's last day when the date does not exist", () => {
    expect(
      epochDayToIso(lastDayBefore(day("2026-05-31"), { amount: 3, unit: "months" }, WEEKDAYS).lastDay),
    ).toBe("2026-02-28");
  });

  it("counts working days back over the calendar's holidays", () => {
    // Back from Monday 11 May 2026: Friday 8 May is a holiday, so two working days back is Wednesday 6 May.
    expect(
      epochDayToIso(
        lastDayBefore(day("2026-05-11"), { amount: 2, unit: "working_days" }, calendarFor("FR")).lastDay,
      ),
    ).toBe("2026-05-06");
  });

  it("lands n days, weeks or working days earlier and never on or after the reference day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day("2000-01-01"), max: day("2090-01-01") }),
        fc.constantFrom("days", "weeks", "months", "years", "working_days" as const),
        fc.integer({ min: 1, max: 40 }),
        (reference, unit, amount) => {
          const { lastDay } = lastDayBefore(reference, { amount, unit }, WEEKDAYS);
          expect(lastDay).toBeLessThan(reference);
          if (unit === "days") expect(reference - lastDay).toBe(amount);
          if (unit === "weeks") expect(reference - lastDay).toBe(7 * amount);
        },
      ),
    );
  });
});

describe("the end of the school year", () => {
  it("comes from the Ministry's table with its source: 4 July 2026 for a day of 2025-2026 in zone C", () => {
    const end = endOfSchoolYear(day("2026-01-15"), "C");
    expect(end.schoolYear).toBe("2025-2026");
    expect(epochDayToIso(end.lastDayOfClasses)).toBe("2026-07-04");
    expect(end.source.fr).toContain("JORF du 8 décembre 2022");
  });

  it("gives 3 months before the end of 2025-2026 as Saturday 4 April 2026", () => {
    const end = endOfSchoolYear(day("2026-01-15"), "A");
    expect(
      epochDayToIso(lastDayBefore(end.lastDayOfClasses, { amount: 3, unit: "months" }, WEEKDAYS).lastDay),
    ).toBe("2026-04-04");
  });

  it("refuses a year the table does not hold, saying which years it covers", () => {
    expect(refusal(() => endOfSchoolYear(day("2028-01-15"), "B"))).toMatch(
      /années 2023-2024, 2024-2025, 2025-2026, 2026-2027/,
    );
    expect(refusal(() => endOfSchoolYear(day("2023-03-01"), "B"))).toMatch(/ne couvre pas le 2023-03-01/);
  });

  it("refuses Corse and the overseas académies, which fix their own calendar, until one is configured", () => {
    expect(refusal(() => endOfSchoolYear(day("2026-01-15"), "corse"))).toMatch(
      /aucune année pour cette zone/,
    );
    const configured = [
      ...SCHOOL_CALENDAR,
      {
        source: {
          fr: "arrêté du recteur (exemple de configuration)",
          en: "rector's order (configuration example)",
        },
        zone: "reunion" as const,
        schoolYear: "2025-2026",
        lastDayOfClasses: day("2026-07-03"),
      },
    ];
    expect(epochDayToIso(endOfSchoolYear(day("2026-01-15"), "reunion", configured).lastDayOfClasses)).toBe(
      "2026-07-03",
    );
  });
});
