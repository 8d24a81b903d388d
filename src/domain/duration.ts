// A period stated by an agreement: a number of units, or a qualifier where the clause gives no number.

export const DURATION_UNITS = ["hours", "days", "working_days", "weeks", "months", "years"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const QUALIFIERS = ["immediately", "without_undue_delay", "reasonable"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface FixedDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export interface QualifiedDuration {
  readonly qualifier: Qualifier;
}

export type Duration = FixedDuration | QualifiedDuration;

export type Language = "fr" | "en";

export function isFixed(duration: Duration): duration is FixedDuration {
  return "amount" in duration;
}

const UNIT_WORDS: Record<Language, Record<DurationUnit, [string, string]>> = {
  fr: {
    hours: ["heure", "heures"],
    days: ["jour", "jours"],
    working_days: ["jour ouvré", "jours ouvrés"],
    weeks: ["semaine", "semaines"],
    months: ["mois", "mois"],
    years: ["an", "ans"],
  },
  en: {
    hours: ["hour", "hours"],
    days: ["day", "days"],
    working_days: ["working day", "working days"],
    weeks: ["week", "weeks"],
    months: ["month", "months"],
    years: ["year", "years"],
  },
};

const QUALIFIER_WORDS: Record<Language, Record<Qualifier, string>> = {
  fr: {
    immediately: "immédiatement",
    without_undue_delay: "dans les meilleurs délais",
    reasonable: "dans un délai raisonnable",
  },
  en: {
    immediately: "immediately",
    without_undue_delay: "without undue delay",
    reasonable: "within a reasonable time",
  },
};

export function unitLabel(unit: DurationUnit, amount: number, lang: Language): string {
  const [one, many] = UNIT_WORDS[lang][unit];
  return amount === 1 ? one : many;
}

/** "72 heures", "3 working days", "dans les meilleurs délais". */
export function formatDuration(duration: Duration, lang: Language): string {
  if (!isFixed(duration)) return QUALIFIER_WORDS[lang][duration.qualifier];
  return `${duration.amount} ${unitLabel(duration.unit, duration.amount, lang)}`;
}
