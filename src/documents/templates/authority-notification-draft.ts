// `authority-notification-draft`: the controller's notification to the supervisory authority (GDPR Art. 33(1)
// and (3)), laid out field by field as the CNIL's online form asks, initial or complementary, with the
// reasons for any delay beyond 72 hours. A draft to copy into the form, not a filing.

import { z } from "zod";
import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { contact, isoDate, organisation } from "./agreement-data.js";
import {
  BREACH_FACTS_EXAMPLE,
  breachFacts,
  dateTimeWords,
  localDateTime,
  NATURE_WORDS,
} from "./breach-data.js";

const text = z.string().trim().min(1);

export const authorityNotificationData = z.object({
  reference: text,
  issuedOn: isoDate,
  phase: z.enum(["initial", "complementary"]),
  /** The authority's number of the initial notification, for a complementary one. */
  previousNotification: z.string().trim().optional(),
  controller: organisation.extend({ identifier: z.string().trim().optional(), sector: text }),
  dpo: contact,
  /** When the controller became aware: from then the 72 hours run (Art. 33(1)). */
  awareAt: localDateTime,
  notifiedAt: localDateTime,
  lateReasons: z.string().trim().optional(),
  processorInvolved: z.string().trim().optional(),
  breach: breachFacts,
  subjectsInformed: z.enum(["yes", "planned", "no"]),
  subjectsInformedWhy: text,
  crossBorder: z.boolean().default(false),
});

const INFORMED: Record<"yes" | "planned" | "no", { fr: string; en: string }> = {
  yes: { fr: "oui, déjà informées", en: "yes, already informed" },
  planned: { fr: "prévu", en: "planned" },
  no: { fr: "non", en: "no" },
};

function hoursBetween(from: string, to: string): number {
  return (Date.parse(`${to}:00Z`) - Date.parse(`${from}:00Z`)) / 3_600_000;
}

export function writeAuthorityNotification(
  data: z.output<typeof authorityNotificationData>,
  lang: DocumentLanguage,
): DocumentModel {
  const w = new DocumentWriter(lang);
  const date = (iso: string) => (lang === "fr" ? frenchDate(iso) : englishDate(iso));
  const at = (value: string) => dateTimeWords(value, lang, date);
  const b = data.breach;
  const n = (value: number) => value.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB");
  const hours = hoursBetween(data.awareAt, data.notifiedAt);
  w.paragraph(
    {
      fr: "Brouillon préparé par art28 pour remplir le formulaire de notification en ligne de l'autorité de contrôle ; chaque rubrique reprend un champ du formulaire.",
      en: "Draft prepared by art28 to fill in the supervisory authority's online notification form; each heading matches a field of the form.",
    },
    "note",
  );
  w.heading({ fr: "Type de notification", en: "Type of notification" }, 2);
  w.fields([
    [
      { fr: "Notification", en: "Notification" },
      data.phase === "initial"
        ? { fr: "initiale", en: "initial" }
        : { fr: "complémentaire", en: "complementary" },
    ],
    ...(data.previousNotification === undefined
      ? []
      : [
          [
            { fr: "Numéro de la notification initiale", en: "Number of the initial notification" },
            data.previousNotification,
          ] as const,
        ]),
    [{ fr: "Référence interne", en: "Internal reference" }, `${data.reference} (${b.breachReference})`],
  ]);
  w.heading({ fr: "Organisme", en: "Organisation" }, 2);
  w.fields([
    [{ fr: "Responsable de traitement", en: "Controller" }, data.controller.name],
    [{ fr: "Adresse", en: "Address" }, data.controller.address],
    ...(data.controller.identifier === undefined
      ? []
      : [[{ fr: "Immatriculation", en: "Registration" }, data.controller.identifier] as const]),
    [{ fr: "Secteur", en: "Sector" }, data.controller.sector],
    [
      { fr: "Délégué à la protection des données", en: "Data protection officer" },
      `${data.dpo.name} <${data.dpo.email}>`,
    ],
    ...(data.processorInvolved === undefined
      ? []
      : [[{ fr: "Sous-traitant en cause", en: "Processor involved" }, data.processorInvolved] as const]),
  ]);
  w.heading({ fr: "Chronologie", en: "Timeline" }, 2);
  w.fields([
    [
      { fr: "Début de la violation", en: "Start of the breach" },
      b.startedAt === undefined ? { fr: "inconnu", en: "unknown" } : at(b.startedAt),
    ],
    [{ fr: "Découverte", en: "Discovery" }, at(b.discoveredAt)],
    [{ fr: "Prise de connaissance par le responsable", en: "Controller aware" }, at(data.awareAt)],
    [
      { fr: "Fin de la violation", en: "End of the breach" },
      b.endedAt === undefined ? { fr: "en cours", en: "ongoing" } : at(b.endedAt),
    ],
    [{ fr: "Notification", en: "Notification" }, at(data.notifiedAt)],
  ]);
  // GDPR Art. 33(1): beyond 72 hours, the notification gives the reasons for the delay.
  if (hours > 72) {
    w.paragraph(
      {
        fr: `Notification au-delà de 72 heures (${Math.round(hours)} heures) ; motifs du retard : ${data.lateReasons ?? "À COMPLÉTER"}.`,
        en: `Notification after more than 72 hours (${Math.round(hours)} hours); reasons for the delay: ${data.lateReasons ?? "TO BE COMPLETED"}.`,
      },
      "strong",
    );
  }
  w.heading({ fr: "Nature de la violation", en: "Nature of the breach" }, 2);
  w.list(b.natures.map((nature) => NATURE_WORDS[nature]));
  w.fields([
    [{ fr: "Circonstances", en: "Circumstances" }, b.description],
    [{ fr: "Origine", en: "Origin" }, b.cause],
  ]);
  w.heading({ fr: "Données et personnes concernées", en: "Data and people concerned" }, 2);
  w.fields([
    [{ fr: "Catégories de données", en: "Categories of data" }, b.recordCategories.join(" / ")],
    [
      { fr: "Nombre approximatif d'enregistrements", en: "Approximate number of records" },
      n(b.approximateRecords),
    ],
    [{ fr: "Catégories de personnes", en: "Categories of people" }, b.peopleCategories.join(" / ")],
    [{ fr: "Nombre approximatif de personnes", en: "Approximate number of people" }, n(b.approximatePeople)],
  ]);
  w.heading({ fr: "Conséquences probables", en: "Likely consequences" }, 2);
  w.paragraph(b.consequences);
  w.heading({ fr: "Mesures", en: "Measures" }, 2);
  w.list([...b.measuresTaken, ...b.measuresProposed]);
  w.heading({ fr: "Information des personnes", en: "Informing the people concerned" }, 2);
  w.fields([
    [{ fr: "Personnes informées", en: "People informed" }, INFORMED[data.subjectsInformed]],
    [{ fr: "Justification", en: "Reasons" }, data.subjectsInformedWhy],
    [
      { fr: "Violation transfrontalière", en: "Cross-border breach" },
      data.crossBorder ? { fr: "oui", en: "yes" } : { fr: "non", en: "no" },
    ],
  ]);
  if (b.toFollow.length > 0) {
    w.heading({ fr: "Éléments à compléter", en: "To be completed" }, 2);
    w.list(b.toFollow);
  }
  return w.build({
    templateId: "authority-notification-draft",
    title: {
      fr: "Notification d'une violation de données à l'autorité de contrôle – brouillon",
      en: "Notification of a personal data breach to the supervisory authority – draft",
    },
    subtitle: {
      fr: `Article 33 du RGPD – ${data.controller.name}`,
      en: `GDPR Article 33 – ${data.controller.name}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.controller.name,
  });
}

export const authorityNotificationDraftTemplate = defineTemplate({
  id: "authority-notification-draft",
  title: { fr: "Brouillon de notification à la CNIL", en: "Draft notification to the authority" },
  summary: {
    fr: "les champs du formulaire de notification en ligne, initiale ou complémentaire",
    en: "the fields of the online notification form, initial or complementary",
  },
  basis: "GDPR Art. 33(1), (3), (4)",
  formats: ["pdf", "docx", "html"],
  schema: authorityNotificationData,
  example: {
    reference: "CNIL-2026-003",
    issuedOn: "2026-11-04",
    phase: "initial",
    controller: {
      name: "Collège Jean Rostand",
      address: "12 rue des Tilleuls, 69003 Lyon",
      identifier: "UAI 0690001A",
      sector: "Enseignement",
    },
    dpo: { name: "Délégation à la protection des données de l'académie", email: "dpd@ac-lyon.example" },
    awareAt: "2026-11-03T11:05",
    notifiedAt: "2026-11-04T16:00",
    processorInvolved: "Édunuage SAS (hébergeur de l'espace numérique de travail)",
    breach: BREACH_FACTS_EXAMPLE,
    subjectsInformed: "planned",
    subjectsInformedWhy:
      "Des messages d'enfants ont pu être lus par des tiers : les familles seront informées par courrier et dans l'espace numérique",
  },
  write: writeAuthorityNotification,
});
