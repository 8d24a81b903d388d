// Civil dates as whole days since 1970-01-01, with no time zone: the unit that Reg. 1182/71 counts in.

export type EpochDay = number;

const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function epochDayOf(year: number, month: number, day: number): EpochDay {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function civilDateOf(day: EpochDay): CivilDate {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(day: EpochDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(day: EpochDay): boolean {
  return isoWeekday(day) >= 6;
}

/** Same date `months` later; a date missing from the target month becomes that month's last day. */
export function addCalendarMonths(day: EpochDay, months: number): EpochDay {
  const { year, month, day: dom } = civilDateOf(day);
  const monthIndex = month - 1 + months;
  const lastOfTarget = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return Date.UTC(year, monthIndex, Math.min(dom, lastOfTarget)) / MS_PER_DAY;
}

export function epochDayToIso(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function epochDayFromIso(iso: string): EpochDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const day = epochDayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if (epochDayToIso(day) !== iso) throw new RangeError(`no such date: ${iso}`);
  return day;
}
