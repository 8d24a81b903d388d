// The words a reader sees for each part of an analysis, in French and English.

import type { Language } from "../../domain/duration.js";
import type { LocalizedText } from "../../domain/error.js";
import type { ChecklistStatus, DocumentKind, Severity } from "../analysis.js";

/** The Art. 28 checklist, in the order of the article. */
export const CHECKLIST_LABELS: Readonly<Record<string, LocalizedText>> = {
  "28.3.subject": {
    fr: "Objet, durée, nature et finalité, types de données, catégories de personnes (art. 28.3)",
    en: "Subject-matter, duration, nature and purpose, types of data, categories of data subjects (Art. 28(3))",
  },
  "28.3.a": {
    fr: "Instructions documentées, y compris pour les transferts (art. 28.3.a)",
    en: "Documented instructions, transfers included (Art. 28(3)(a))",
  },
  "28.3.a-infringement": {
    fr: "Alerte en cas d'instruction illicite (art. 28.3, al. 2)",
    en: "Warning about an infringing instruction (Art. 28(3), second subparagraph)",
  },
  "28.3.b": { fr: "Confidentialité (art. 28.3.b)", en: "Confidentiality (Art. 28(3)(b))" },
  "28.3.c": { fr: "Sécurité, art. 32 (art. 28.3.c)", en: "Security under Art. 32 (Art. 28(3)(c))" },
  "28.3.d": {
    fr: "Conditions du recours à un sous-traitant ultérieur (art. 28.3.d)",
    en: "Conditions for engaging sub-processors (Art. 28(3)(d))",
  },
  "28.3.e": {
    fr: "Aide aux demandes d'exercice des droits (art. 28.3.e)",
    en: "Help with data-subject requests (Art. 28(3)(e))",
  },
  "28.3.f": {
    fr: "Aide pour les art. 32 à 36 : sécurité, violations, AIPD, consultation préalable (art. 28.3.f)",
    en: "Help with Arts 32–36: security, breaches, DPIA, prior consultation (Art. 28(3)(f))",
  },
  "28.3.g": {
    fr: "Suppression ou restitution en fin de contrat (art. 28.3.g)",
    en: "Deletion or return at the end (Art. 28(3)(g))",
  },
  "28.3.h": { fr: "Information et audits (art. 28.3.h)", en: "Information and audits (Art. 28(3)(h))" },
  "28.2": {
    fr: "Autorisation préalable, information sur les changements, droit d'opposition (art. 28.2)",
    en: "Prior authorisation, notice of changes, right to object (Art. 28(2))",
  },
  "28.4": {
    fr: "Mêmes obligations imposées aux sous-traitants ultérieurs, responsabilité du sous-traitant (art. 28.4)",
    en: "Same duties flowed down to sub-processors, processor liable (Art. 28(4))",
  },
};

export const KIND_LABELS: Record<DocumentKind, LocalizedText> = {
  dpa: { fr: "accord de sous-traitance (art. 28)", en: "data-processing agreement (Art. 28)" },
  joint_controller_agreement: {
    fr: "convention de responsabilité conjointe (art. 26)",
    en: "joint-controller agreement (Art. 26)",
  },
  contracting_kit: { fr: "kit contractuel", en: "contracting kit" },
  unknown: { fr: "type inconnu", en: "unknown kind" },
};

export const STATUS_LABELS: Record<ChecklistStatus, LocalizedText> = {
  present: { fr: "présent", en: "present" },
  partial: { fr: "partiel", en: "partial" },
  missing: { fr: "absent", en: "missing" },
};

export const SEVERITY_LABELS: Record<Severity, LocalizedText> = {
  high: { fr: "élevée", en: "high" },
  medium: { fr: "moyenne", en: "medium" },
  low: { fr: "faible", en: "low" },
};

export const LANGUAGE_LABELS: Record<Language, LocalizedText> = {
  fr: { fr: "français", en: "French" },
  en: { fr: "anglais", en: "English" },
};

/** Languages the analyzer names but does not read. */
const UNREAD_LANGUAGE_LABELS: Readonly<Record<string, LocalizedText>> = {
  nl: { fr: "néerlandais", en: "Dutch" },
  de: { fr: "allemand", en: "German" },
  es: { fr: "espagnol", en: "Spanish" },
  it: { fr: "italien", en: "Italian" },
  pt: { fr: "portugais", en: "Portuguese" },
};

/** The name of a document's language; one the analyzer does not read is said to be unread. */
export function languageLabel(code: string, lang: Language): string {
  const read = (LANGUAGE_LABELS as Record<string, LocalizedText>)[code];
  if (read !== undefined) return read[lang];
  const name = UNREAD_LANGUAGE_LABELS[code]?.[lang] ?? code;
  return lang === "fr" ? `${name} (non lu par l'analyseur)` : `${name} (not read by the analyzer)`;
}

/** The label of a checklist item, or its id when the checklist holds one this report does not know. */
export function checklistLabel(id: string, lang: Language): string {
  return CHECKLIST_LABELS[id]?.[lang] ?? id;
}
