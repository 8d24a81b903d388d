// What the breach documents share: the facts of a personal data breach as GDPR Art. 33(3) lists them, known in
// phases (Art. 33(4)), with the instants it happened and was discovered.

import { z } from "zod";
import type { LocalizedText } from "../../domain/error.js";
import { contact } from "./agreement-data.js";

const text = z.string().trim().min(1);

/** "2026-11-03T14:20" read as the document prints it: a local date and time, no conversion. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "AAAA-MM-JJTHH:MM / YYYY-MM-DDTHH:MM");

export const BREACH_NATURES = ["confidentiality", "integrity", "availability"] as const;

export const NATURE_WORDS: Record<(typeof BREACH_NATURES)[number], LocalizedText> = {
  confidentiality: {
    fr: "perte de confidentialité (accès ou divulgation non autorisés)",
    en: "loss of confidentiality (unauthorised access or disclosure)",
  },
  integrity: {
    fr: "perte d'intégrité (modification non autorisée)",
    en: "loss of integrity (unauthorised alteration)",
  },
  availability: {
    fr: "perte de disponibilité (perte ou destruction)",
    en: "loss of availability (loss or destruction)",
  },
};

export const breachFacts = z.object({
  /** The register's reference of the breach. */
  breachReference: text,
  startedAt: localDateTime.optional(),
  discoveredAt: localDateTime,
  endedAt: localDateTime.optional(),
  natures: z.array(z.enum(BREACH_NATURES)).min(1),
  description: text,
  cause: text,
  peopleCategories: z.array(text).min(1),
  /** Approximate numbers, as GDPR Art. 33(3)(a) allows. */
  approximatePeople: z.number().int().min(0),
  recordCategories: z.array(text).min(1),
  approximateRecords: z.number().int().min(0),
  consequences: text,
  measuresTaken: z.array(text).min(1),
  measuresProposed: z.array(text).default([]),
  /** What is not known yet and will follow (Art. 33(4)). */
  toFollow: z.array(text).default([]),
  contact,
});
export type BreachFacts = z.output<typeof breachFacts>;

export const BREACH_FACTS_EXAMPLE: z.input<typeof breachFacts> = {
  breachReference: "VIO-2026-003",
  startedAt: "2026-11-02T22:10",
  discoveredAt: "2026-11-03T07:45",
  endedAt: "2026-11-03T09:30",
  natures: ["confidentiality"],
  description:
    "Un lien de partage d'un dossier de la messagerie a été rendu public par une erreur de configuration lors d'une mise à jour",
  cause: "Erreur de configuration lors d'une mise à jour de l'application",
  peopleCategories: ["Élèves de 4e", "Responsables légaux"],
  approximatePeople: 240,
  recordCategories: ["Nom, prénom et classe", "Messages échangés avec les professeurs"],
  approximateRecords: 1300,
  consequences:
    "Des messages d'élèves ont pu être lus par des tiers ; aucun mot de passe ni donnée bancaire n'est concerné",
  measuresTaken: [
    "Lien désactivé le 3 novembre à 9 h 30",
    "Revue des partages publics de tous les établissements",
  ],
  measuresProposed: ["Rappel aux familles de la conduite à tenir en cas de message suspect"],
  toFollow: ["Liste exacte des dossiers consultés, après analyse des journaux"],
  contact: { name: "Hugo Lefèvre, délégué à la protection des données", email: "dpo@edunuage.example" },
};

/** "3 novembre 2026 à 07 h 45" / "3 November 2026 at 07:45". */
export function dateTimeWords(value: string, lang: "fr" | "en", date: (iso: string) => string): string {
  const [day, time] = value.split("T") as [string, string];
  const [hours, minutes] = time.split(":");
  return lang === "fr" ? `${date(day)} à ${hours} h ${minutes}` : `${date(day)} at ${hours}:${minutes}`;
}
