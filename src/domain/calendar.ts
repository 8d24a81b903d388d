// Working-day calendars (FR, FR-ALSACE-MOSELLE, BE): public holidays from date-holidays, local time from Luxon.

import Holidays from "date-holidays";
import { DateTime } from "luxon";
import { civilDateOf, type EpochDay, epochDayFromIso, epochDayOf, isWeekend } from "./epoch-day.js";
import { invalidInput } from "./error.js";

export const CALENDAR_IDS = ["FR", "FR-ALSACE-MOSELLE", "BE"] as const;
export type CalendarId = (typeof CALENDAR_IDS)[number];

/** Names a user may type, each resolving to one calendar. */
export const CALENDAR_NAMES: Readonly<Record<string, CalendarId>> = {
  FR: "FR",
  "FR-ALSACE-MOSELLE": "FR-ALSACE-MOSELLE",
  "FR-57": "FR-ALSACE-MOSELLE",
  "FR-67": "FR-ALSACE-MOSELLE",
  "FR-68": "FR-ALSACE-MOSELLE",
  BE: "BE",
};

interface CalendarSpec {
  readonly country: string;
  // Alsace-Moselle: date-holidays models it per department; 57, 67 and 68 hold the same two extra days
  // (Good Friday and 26 December, C. trav. L3134-13).
  readonly state?: string;
  readonly timeZone: string;
}

const SPECS: Record<CalendarId, CalendarSpec> = {
  FR: { country: "FR", timeZone: "Europe/Paris" },
  "FR-ALSACE-MOSELLE": { country: "FR", state: "67", timeZone: "Europe/Paris" },
  BE: { country: "BE", timeZone: "Europe/Brussels" },
};

/** Years the calendars answer for; outside them holiday data and contracts both make little sense. */
export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2199;

const MS_PER_HOUR = 3_600_000;
const CACHE_LIMIT = 400_000;

export interface Holiday {
  readonly day: EpochDay;
  readonly name: { readonly fr: string; readonly en: string };
}

interface HourFacts {
  /** Local civil day of every instant in this UTC hour, or NaN when a local day starts inside the hour. */
  readonly day: EpochDay;
  /** True when local hours coincide with UTC hours, so the next local hour starts at the next UTC hour. */
  readonly aligned: boolean;
}

export class Calendar {
  readonly timeZone: string;
  private readonly source: Holidays;
  private readonly holidays = new Map<EpochDay, Holiday>();
  private loadedFrom = Number.POSITIVE_INFINITY;
  private loadedTo = Number.NEGATIVE_INFINITY;
  /** workingBefore[i] = working days in [loadedFrom, loadedFrom + i): answers both "is it working?" and "how many?". */
  private workingBefore = new Int32Array(1);
  // Memoised answers of the time-zone library; Luxon stays the only source of offsets.
  private readonly hours = new Map<number, HourFacts>();
  private readonly midnights = new Map<EpochDay, number>();

  constructor(readonly id: CalendarId) {
    const spec = SPECS[id];
    this.timeZone = spec.timeZone;
    this.source = spec.state ? new Holidays(spec.country, spec.state) : new Holidays(spec.country);
  }

  isWorkingDay(day: EpochDay): boolean {
    if (day < this.loadedFrom || day > this.loadedTo) this.loadYearsAround(day);
    return this.workingBefore[day - this.loadedFrom + 1] !== this.workingBefore[day - this.loadedFrom];
  }

  /** The `count`-th working day after `day` (Reg. 1182/71 Art. 3(3)), found from running totals, not a day-by-day walk. */
  addWorkingDays(day: EpochDay, count: number): EpochDay {
    // Five working days a week at most: the answer lies within 7/5 of the count, plus a week of holidays a year.
    this.isWorkingDay(day + Math.ceil((count * 7) / 5) + 7 * (2 + Math.ceil(count / 250)));
    this.isWorkingDay(day);
    const totals = this.workingBefore;
    const target = (totals[day - this.loadedFrom + 1] as number) + count;
    let last = day + Math.floor((count * 7) / 5);
    // workingBefore[i + 1] counts the working days up to and including loadedFrom + i.
    while ((totals[last - this.loadedFrom + 1] as number) < target) last++;
    while ((totals[last - this.loadedFrom] as number) >= target) last--;
    return last;
  }

  holidayOn(day: EpochDay): Holiday | undefined {
    if (day < this.loadedFrom || day > this.loadedTo) this.loadYearsAround(day);
    return this.holidays.get(day);
  }

  /** The public holidays of one year, in date order. */
  holidaysIn(year: number): Holiday[] {
    const from = epochDayOf(year, 1, 1);
    const to = epochDayOf(year, 12, 31);
    this.holidayOn(from);
    this.holidayOn(to);
    return [...this.holidays.values()]
      .filter((h) => h.day >= from && h.day <= to)
      .sort((a, b) => a.day - b.day);
  }

  /** The civil day, in this calendar's zone, of an instant. */
  localDayOf(instant: number): EpochDay {
    const facts = this.hourFacts(instant);
    if (!Number.isNaN(facts.day)) return facts.day;
    const local = DateTime.fromMillis(instant, { zone: this.timeZone });
    return epochDayOf(local.year, local.month, local.day);
  }

  /** The first instant of the local hour after the one holding `instant`. */
  nextHourStart(instant: number): number {
    const facts = this.hourFacts(instant);
    if (facts.aligned) return (Math.floor(instant / MS_PER_HOUR) + 1) * MS_PER_HOUR;
    return DateTime.fromMillis(instant, { zone: this.timeZone })
      .startOf("hour")
      .plus({ hours: 1 })
      .toMillis();
  }

  /** The instant a local day begins (its midnight, or the first existing instant after it). */
  startOfDay(day: EpochDay): number {
    let start = this.midnights.get(day);
    if (start === undefined) {
      const { year, month, day: dom } = civilDateOf(day);
      start = DateTime.fromObject({ year, month, day: dom }, { zone: this.timeZone }).toMillis();
      if (this.midnights.size > CACHE_LIMIT) this.midnights.clear();
      this.midnights.set(day, start);
    }
    return start;
  }

  private hourFacts(instant: number): HourFacts {
    const hour = Math.floor(instant / MS_PER_HOUR);
    let facts = this.hours.get(hour);
    if (facts === undefined) {
      const first = DateTime.fromMillis(hour * MS_PER_HOUR, { zone: this.timeZone });
      const last = DateTime.fromMillis((hour + 1) * MS_PER_HOUR - 1, { zone: this.timeZone });
      const aligned = first.offset === last.offset && first.offset % 60 === 0;
      facts = { day: aligned ? epochDayOf(first.year, first.month, first.day) : Number.NaN, aligned };
      if (this.hours.size > CACHE_LIMIT) this.hours.clear();
      this.hours.set(hour, facts);
    }
    return facts;
  }

  private loadYearsAround(day: EpochDay): void {
    const { year } = civilDateOf(day);
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw invalidInput(
        {
          fr: `date hors des années ${FIRST_YEAR} à ${LAST_YEAR} couvertes par les calendriers`,
          en: `date outside the years ${FIRST_YEAR}–${LAST_YEAR} that calendars cover`,
        },
        { year },
      );
    }
    const loadedFirst = Number.isFinite(this.loadedFrom) ? civilDateOf(this.loadedFrom).year : year;
    const loadedLast = Number.isFinite(this.loadedTo) ? civilDateOf(this.loadedTo).year : year;
    // Keep the loaded range contiguous so a lookup is two comparisons and one map probe.
    const from = Math.min(year, loadedFirst);
    const to = Math.max(year, loadedLast);
    for (let y = from; y <= to; y++) {
      if (Number.isFinite(this.loadedFrom) && y >= loadedFirst && y <= loadedLast) continue;
      this.loadYear(y);
    }
    this.loadedFrom = epochDayOf(from, 1, 1);
    this.loadedTo = epochDayOf(to, 12, 31);
    const totals = new Int32Array(this.loadedTo - this.loadedFrom + 2);
    for (let day = this.loadedFrom; day <= this.loadedTo; day++) {
      const i = day - this.loadedFrom;
      totals[i + 1] = (totals[i] as number) + (isWeekend(day) || this.holidays.has(day) ? 0 : 1);
    }
    this.workingBefore = totals;
  }

  private loadYear(year: number): void {
    const english = new Map<string, string>();
    for (const h of this.source.getHolidays(year, "en")) english.set(h.date.slice(0, 10), h.name);
    for (const h of this.source.getHolidays(year, "fr")) {
      if (h.type !== "public") continue;
      const iso = h.date.slice(0, 10);
      const day = epochDayFromIso(iso);
      this.holidays.set(day, { day, name: { fr: h.name, en: english.get(iso) ?? h.name } });
    }
  }
}

const calendars = new Map<CalendarId, Calendar>();

export function isCalendarName(name: string): boolean {
  return Object.hasOwn(CALENDAR_NAMES, name.toUpperCase());
}

/** The calendar for an id or alias (case-insensitive); one shared instance per calendar. */
export function calendarFor(name: string): Calendar {
  const id = CALENDAR_NAMES[name.toUpperCase()];
  if (!id || !Object.hasOwn(CALENDAR_NAMES, name.toUpperCase())) {
    const accepted = Object.keys(CALENDAR_NAMES).join(", ");
    throw invalidInput(
      { fr: `calendrier inconnu « ${name} »`, en: `unknown calendar "${name}"` },
      { argument: "calendar", accepted: { fr: accepted, en: accepted } },
    );
  }
  let calendar = calendars.get(id);
  if (!calendar) {
    calendar = new Calendar(id);
    calendars.set(id, calendar);
  }
  return calendar;
}
