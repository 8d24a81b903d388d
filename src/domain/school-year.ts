// The end of the French school year, from a dated table of the Ministry's published calendar (Code de l'éducation L521-1).

import { type EpochDay, epochDayFromIso, epochDayToIso } from "./epoch-day.js";
import { Art28Error, type LocalizedText } from "./error.js";

/**
 * Holiday zones: A, B and C of the national calendar; Corse and the overseas académies fix their own calendar
 * (Code de l'éducation D521-6 and D521-7), so the table holds them only when configured.
 */
export const SCHOOL_ZONES = [
  "A",
  "B",
  "C",
  "corse",
  "guadeloupe",
  "guyane",
  "martinique",
  "mayotte",
  "reunion",
] as const;
export type SchoolZone = (typeof SCHOOL_ZONES)[number];

export interface SchoolYearEnd {
  /** "2025-2026". */
  readonly schoolYear: string;
  readonly zone: SchoolZone;
  /** The day classes end: the summer holidays start after class on that day. */
  readonly lastDayOfClasses: EpochDay;
  readonly source: LocalizedText;
}

const NATIONAL_2023_2026: LocalizedText = {
  fr: "arrêté fixant le calendrier scolaire des années 2023-2024, 2024-2025 et 2025-2026 (JORF du 8 décembre 2022) ; education.gouv.fr/calendrier-scolaire-100148",
  en: "order setting the school calendar for 2023-2024, 2024-2025 and 2025-2026 (JORF of 8 December 2022); education.gouv.fr/calendrier-scolaire-100148",
};
const NATIONAL_2026_2027: LocalizedText = {
  fr: "arrêté du 22 octobre 2025 fixant le calendrier scolaire de l'année 2026-2027 ; education.gouv.fr/calendrier-scolaire-100148",
  en: "order of 22 October 2025 setting the school calendar for 2026-2027; education.gouv.fr/calendrier-scolaire-100148",
};

// Start of the summer holidays in the national calendar, the same day in zones A, B and C ("vacances d'été :
// samedi 4 juillet 2026"); the holidays begin after class on that day.
const NATIONAL: ReadonlyArray<readonly [string, string, LocalizedText]> = [
  ["2023-2024", "2024-07-06", NATIONAL_2023_2026],
  ["2024-2025", "2025-07-05", NATIONAL_2023_2026],
  ["2025-2026", "2026-07-04", NATIONAL_2023_2026],
  ["2026-2027", "2027-07-03", NATIONAL_2026_2027],
];

/** The table art28 ships: zones A, B and C for the years the Ministry has published and art28 has checked. */
export const SCHOOL_CALENDAR: readonly SchoolYearEnd[] = NATIONAL.flatMap(([schoolYear, iso, source]) =>
  (["A", "B", "C"] as const).map((zone) => ({
    schoolYear,
    zone,
    lastDayOfClasses: epochDayFromIso(iso),
    source,
  })),
);

export function isSchoolZone(value: string): value is SchoolZone {
  return (SCHOOL_ZONES as readonly string[]).includes(value);
}

/**
 * The end of the school year that `day` belongs to in `zone`: the first end of classes on or after `day`. Refuses a
 * year the table does not hold, saying which years it covers, rather than guess a date.
 */
export function endOfSchoolYear(
  day: EpochDay,
  zone: SchoolZone,
  table: readonly SchoolYearEnd[] = SCHOOL_CALENDAR,
): SchoolYearEnd {
  const ofZone = table
    .filter((entry) => entry.zone === zone)
    .sort((a, b) => a.lastDayOfClasses - b.lastDayOfClasses);
  const found = ofZone.find((entry) => entry.lastDayOfClasses >= day);
  // `day` belongs to the year found only if the table also holds the year before, or `day` comes after the
  // rentrée (1 September at the earliest) that opens the year found; otherwise its year is not held.
  const heldBefore = found !== undefined && ofZone.indexOf(found) > 0;
  const opens = found ? epochDayFromIso(`${found.schoolYear.slice(0, 4)}-09-01`) : 0;
  if (found && (heldBefore || day >= opens)) return found;
  const years = ofZone.map((entry) => entry.schoolYear);
  const covered =
    years.length === 0
      ? { fr: "aucune année pour cette zone", en: "no year for this zone" }
      : { fr: `années ${years.join(", ")}`, en: `years ${years.join(", ")}` };
  throw new Art28Error(
    "invalid_input",
    {
      fr: `le calendrier scolaire de la zone ${zone} ne couvre pas le ${epochDayToIso(day)} (${covered.fr}) : donnez la date de fin de l'année scolaire`,
      en: `the school calendar of zone ${zone} does not cover ${epochDayToIso(day)} (${covered.en}): give the end of the school year`,
    },
    { argument: "zone", accepted: { fr: covered.fr, en: covered.en } },
  );
}
