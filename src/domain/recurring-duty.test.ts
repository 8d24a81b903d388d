import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar.js";
import { formatInstant } from "./instant.js";
import { nextRecurringObligation, type RecurringDuty, recurringObligation } from "./recurring-duty.js";

const at = (iso: string) => Date.parse(iso);
const local = (instant: number) => formatInstant(instant, "Europe/Paris");

const yearly: RecurringDuty = {
  id: "d1",
  kind: "security_measures_review",
  agreementId: "dpa",
  holderId: "vendor",
  counterpartyId: "college",
  // Effective on Friday 1 January 2027.
  startsAt: at("2027-01-01T00:00:00+01:00"),
  every: { amount: 1, unit: "years" },
};

describe("a recurring duty", () => {
  it("falls due a year after the start, moved off the New Year holiday and the weekend", () => {
    // 1 January 2028 is a Saturday and a holiday: Monday 3 January.
    const first = recurringObligation(yearly, 1, calendarFor("FR"));
    expect(local(first.due)).toBe("2028-01-04T00:00:00+01:00");
    expect(first.basis).toEqual({
      kind: "recurrence",
      rule: "GDPR Art. 32(1)(d)",
      duration: yearly.every,
      occurrence: 1,
    });
  });

  it("counts every occurrence from the start, so one extension does not drift the next", () => {
    // 1 January 2029 is a Monday and a holiday: Tuesday 2 January.
    expect(local(recurringObligation(yearly, 2, calendarFor("FR")).due)).toBe("2029-01-03T00:00:00+01:00");
  });

  it("runs quarterly reviews of access rights on the month's last day when the date is missing", () => {
    const quarterly: RecurringDuty = {
      ...yearly,
      kind: "access_rights_review",
      startsAt: at("2026-11-30T10:00:00+01:00"),
      every: { amount: 3, unit: "months" },
    };
    // 30 November + 3 months = 28 February 2027, a Sunday: Monday 1 March in every calendar.
    for (const calendar of ["FR", "FR-ALSACE-MOSELLE", "BE"]) {
      expect(local(recurringObligation(quarterly, 1, calendarFor(calendar)).due)).toBe(
        "2027-03-02T00:00:00+01:00",
      );
    }
  });

  it("opens next the first occurrence still to come", () => {
    const next = nextRecurringObligation(yearly, at("2028-06-01T00:00:00+02:00"), calendarFor("FR"));
    expect(next.trigger.id).toBe("d1#2");
  });

  it("comes back only in weeks, months or years", () => {
    expect(() =>
      recurringObligation({ ...yearly, every: { amount: 30, unit: "days" } }, 1, calendarFor("FR")),
    ).toThrowError(/weeks, months or years/);
  });
});
