// Whether a breach is a risk to people, and a high one, from the EDPB's factors (Guidelines 9/2022, paras 102-116).

import type { BreachNature } from "./breach.js";
import type { LocalizedText } from "./error.js";

/** GDPR Art. 33(1) asks for "a risk", Art. 34(1) for "a high risk"; "none" means the breach is only documented. */
export type RiskLevel = "none" | "risk" | "high_risk";

export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, LocalizedText>> = {
  none: { fr: "risque improbable", en: "risk unlikely" },
  risk: { fr: "risque", en: "risk" },
  high_risk: { fr: "risque élevé", en: "high risk" },
};

/** Kinds of data, grouped by the harm their exposure does (EDPB 9/2022 paras 107-109). */
export const DATA_KINDS = [
  "identification", // names, class, pupil number
  "contact",
  "school_records", // timetables, enrolment, attendance
  "assessment", // marks, reports, pedagogical notes
  "behaviour", // discipline, incidents
  "location",
  "credentials",
  "national_identifier",
  "financial",
  "identity_documents",
  "health", // Art. 9 special category: disability plans, PAI, school medicine
  "special_category", // other Art. 9 data: religion, origin, biometrics…
  "criminal_offences", // Art. 10
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** How easily the people can be identified from what leaked (EDPB 9/2022 para 110). */
export type Identifiability = "direct" | "easy" | "difficult" | "negligible";

/** Who could see the data (EDPB 9/2022 paras 114-115: a trusted recipient lowers the likelihood). */
export type Exposure = "unknown" | "public" | "limited" | "trusted_recipient" | "none";

/** A 1-4 scale (negligible, limited, significant, maximum), as the CNIL's PIA gauges use. */
export type Gauge = 1 | 2 | 3 | 4;

export interface BreachRiskFactors {
  readonly natures: readonly BreachNature[];
  readonly dataKinds: readonly DataKind[];
  readonly approximatePeople: number | null;
  readonly approximateRecords: number | null;
  readonly identifiability: Identifiability;
  readonly exposure: Exposure;
  /** The recorder's own view of how badly people could be affected, if given. */
  readonly consequences?: Gauge;
  /** Children, pupils with disabilities…: special characteristics of the individuals (para 112). */
  readonly vulnerablePeople: boolean;
  /** For an availability breach: the data came back, complete, within this many hours. */
  readonly restoredWithinHours?: number;
}

export interface BreachRiskAssessment {
  readonly level: RiskLevel;
  readonly likelihood: Gauge;
  readonly severity: Gauge;
  readonly reasons: readonly LocalizedText[];
}

/** Volumes from which the number of people or records raises the severity by one step. */
export const LARGE_NUMBER_OF_PEOPLE = 1_000;
export const LARGE_NUMBER_OF_RECORDS = 10_000;
/** An availability breach restored within this many hours, with nothing sensitive, is unlikely to harm. */
export const SHORT_OUTAGE_HOURS = 24;

const KIND_SEVERITY: Readonly<Record<DataKind, Gauge>> = {
  identification: 1,
  contact: 1,
  school_records: 2,
  assessment: 2,
  behaviour: 2,
  location: 2,
  credentials: 3,
  national_identifier: 3,
  financial: 3,
  identity_documents: 3,
  health: 3,
  special_category: 3,
  criminal_offences: 3,
};

/** Kinds for which the EDPB presumes harm likely (para 108: special categories, Art. 10 data). */
const PRESUMED_HARM: ReadonlySet<DataKind> = new Set(["health", "special_category", "criminal_offences"]);

const IDENTIFIABILITY_LIKELIHOOD: Readonly<Record<Identifiability, Gauge>> = {
  direct: 4,
  easy: 3,
  difficult: 2,
  negligible: 1,
};

function gauge(n: number): Gauge {
  return Math.max(1, Math.min(4, n)) as Gauge;
}

/**
 * Likelihood × severity, each on a 1-4 gauge (EDPB 9/2022 paras 102-103): high risk when both are at least
 * "significant" or the severity is maximal and the harm not negligible; none when both are low.
 */
export function assessBreachRisk(factors: BreachRiskFactors): BreachRiskAssessment {
  const reasons: LocalizedText[] = [];

  if (factors.identifiability === "negligible" && !factors.natures.includes("availability")) {
    reasons.push({
      fr: "les données sont inintelligibles pour qui y a eu accès (chiffrement à l'état de l'art, clé non compromise) : pas de risque pour les personnes",
      en: "the data is unintelligible to whoever accessed it (state-of-the-art encryption, key not compromised): no risk to people",
    });
    return { level: "none", likelihood: 1, severity: gauge(1), reasons };
  }

  // Severity: the most harmful kind of data, then the people and the volume.
  let severity = gauge(Math.max(1, ...factors.dataKinds.map((k) => KIND_SEVERITY[k])));
  const worst = factors.dataKinds.filter((k) => KIND_SEVERITY[k] === severity);
  reasons.push({
    fr: `nature des données (${worst.join(", ") || "non précisée"}) : gravité ${severity}/4`,
    en: `nature of the data (${worst.join(", ") || "not stated"}): severity ${severity}/4`,
  });
  if (factors.consequences !== undefined && factors.consequences > severity) {
    severity = factors.consequences;
    reasons.push({
      fr: `conséquences estimées par le déclarant : gravité portée à ${severity}/4`,
      en: `consequences as estimated by the recorder: severity raised to ${severity}/4`,
    });
  }
  if (factors.vulnerablePeople) {
    severity = gauge(severity + 1);
    reasons.push({
      fr: `personnes vulnérables (enfants, élèves) : gravité portée à ${severity}/4`,
      en: `vulnerable people (children, pupils): severity raised to ${severity}/4`,
    });
  }
  const many =
    (factors.approximatePeople ?? 0) >= LARGE_NUMBER_OF_PEOPLE ||
    (factors.approximateRecords ?? 0) >= LARGE_NUMBER_OF_RECORDS;
  if (many) {
    severity = gauge(severity + 1);
    reasons.push({
      fr: `nombre de personnes ou volume de données élevé : gravité portée à ${severity}/4`,
      en: `large number of people or volume of data: severity raised to ${severity}/4`,
    });
  }

  // Likelihood: how easily people are identified, then who could see the data.
  let likelihood = IDENTIFIABILITY_LIKELIHOOD[factors.identifiability];
  reasons.push({
    fr: `facilité d'identification des personnes (${factors.identifiability}) : vraisemblance ${likelihood}/4`,
    en: `ease of identifying the people (${factors.identifiability}): likelihood ${likelihood}/4`,
  });
  if (factors.natures.includes("confidentiality")) {
    if (factors.exposure === "trusted_recipient" || factors.exposure === "none") {
      likelihood = gauge(likelihood - 2);
      reasons.push({
        fr: `données vues seulement par un destinataire de confiance ou par personne : vraisemblance ramenée à ${likelihood}/4`,
        en: `data seen only by a trusted recipient or by nobody: likelihood lowered to ${likelihood}/4`,
      });
    } else if (factors.exposure === "public") {
      likelihood = 4;
      reasons.push({
        fr: "données rendues publiques : vraisemblance 4/4",
        en: "data made public: likelihood 4/4",
      });
    }
  }
  const onlyAvailability = factors.natures.every((n) => n === "availability");
  if (
    onlyAvailability &&
    factors.restoredWithinHours !== undefined &&
    factors.restoredWithinHours <= SHORT_OUTAGE_HOURS
  ) {
    likelihood = 1;
    reasons.push({
      fr: `indisponibilité brève (${factors.restoredWithinHours} h), données restaurées intégralement : vraisemblance 1/4`,
      en: `short outage (${factors.restoredWithinHours} h), data fully restored: likelihood 1/4`,
    });
  }

  let level: RiskLevel;
  if ((severity >= 3 && likelihood >= 3) || (severity === 4 && likelihood >= 2)) level = "high_risk";
  else if (severity + likelihood <= 3) level = "none";
  else level = "risk";

  const presumed = factors.dataKinds.filter((k) => PRESUMED_HARM.has(k));
  if (level === "none" && presumed.length > 0 && likelihood >= 2) {
    level = "risk";
    reasons.push({
      fr: `données sensibles (${presumed.join(", ")}) : le préjudice est présumé probable`,
      en: `sensitive data (${presumed.join(", ")}): harm is presumed likely`,
    });
  }
  reasons.push(LEVEL_CONCLUSIONS[level]);
  return { level, likelihood, severity, reasons };
}

const LEVEL_CONCLUSIONS: Readonly<Record<RiskLevel, LocalizedText>> = {
  none: {
    fr: "conclusion : risque improbable ; violation documentée au registre (art. 33(5)), sans notification",
    en: "conclusion: risk unlikely; the breach is documented in the register (Art. 33(5)) and not notified",
  },
  risk: {
    fr: "conclusion : risque ; notification à l'autorité de contrôle (art. 33(1))",
    en: "conclusion: a risk; the supervisory authority is notified (Art. 33(1))",
  },
  high_risk: {
    fr: "conclusion : risque élevé ; notification à l'autorité et communication aux personnes (art. 33(1), 34(1))",
    en: "conclusion: a high risk; the authority is notified and the people are told (Art. 33(1), 34(1))",
  },
};
