import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar.js";
import { epochDayOf, epochDayToIso } from "./epoch-day.js";

describe("calendars", () => {
  it("gives France its eleven public holidays", () => {
    const days = calendarFor("FR")
      .holidaysIn(2026)
      .map((h) => epochDayToIso(h.day));
    expect(days).toEqual([
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-08",
      "2026-05-14",
      "2026-05-25",
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
  });

  it("adds Good Friday and 26 December in Alsace-Moselle, under each department's alias", () => {
    for (const name of ["FR-ALSACE-MOSELLE", "FR-57", "FR-67", "fr-68"]) {
      const names = calendarFor(name)
        .holidaysIn(2026)
        .map((h) => h.name.fr);
      expect(names).toHaveLength(13);
      expect(names).toContain("Vendredi saint");
      expect(names).toContain("Lendemain de Noël");
    }
  });

  it("gives Belgium its ten legal holidays, with 21 July and without 8 May", () => {
    const be = calendarFor("BE");
    expect(be.holidaysIn(2026)).toHaveLength(10);
    expect(be.isWorkingDay(epochDayOf(2026, 7, 21))).toBe(false);
    expect(be.isWorkingDay(epochDayOf(2026, 5, 8))).toBe(true);
    expect(be.timeZone).toBe("Europe/Brussels");
  });

  it("treats weekends as non-working days", () => {
    const fr = calendarFor("FR");
    expect(fr.isWorkingDay(epochDayOf(2026, 5, 9))).toBe(false);
    expect(fr.isWorkingDay(epochDayOf(2026, 5, 10))).toBe(false);
    expect(fr.isWorkingDay(epochDayOf(2026, 5, 11))).toBe(true);
  });

  it("finds the local day of an instant in the calendar's zone", () => {
    const fr = calendarFor("FR");
    expect(epochDayToIso(fr.localDayOf(Date.parse("2026-05-07T22:30:00Z")))).toBe("2026-05-08");
    expect(epochDayToIso(fr.localDayOf(Date.parse("2026-12-07T22:30:00Z")))).toBe("2026-12-07");
  });

  it("refuses an unknown calendar, naming the accepted ones", () => {
    expect(() => calendarFor("DE")).toThrow(/unknown calendar "DE"/);
  });
});
