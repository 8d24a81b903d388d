// `register-controller`: the record of processing activities a controller keeps (GDPR Art. 30(1) a–g), one
// row per activity with the columns of the CNIL's register model; also as XLSX and CSV.

import { z } from "zod";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { isoDate } from "./agreement-data.js";
import {
  registerHeader,
  registerKeeper,
  securityMeasures,
  securityText,
  transfer,
  transfersText,
} from "./register-data.js";

const text = z.string().trim().min(1);

export const registerControllerData = z.object({
  ...registerHeader,
  organisation: registerKeeper,
  activities: z
    .array(
      z.object({
        reference: text,
        name: text,
        createdOn: isoDate,
        updatedOn: isoDate,
        purpose: text,
        subPurposes: z.array(text).default([]),
        legalBasis: text,
        jointControllers: z.array(text).default([]),
        dataSubjects: z.array(text).min(1),
        dataCategories: z
          .array(z.object({ name: text, retention: text, sensitive: z.boolean().default(false) }))
          .min(1),
        recipients: z.array(text).default([]),
        processors: z.array(text).default([]),
        transfers: z.array(transfer).default([]),
        security: securityMeasures,
      }),
    )
    .min(1),
});
export type RegisterControllerData = z.output<typeof registerControllerData>;

const EXAMPLE_ACTIVITY = {
  reference: "T-001",
  name: "Espace numérique de travail",
  createdOn: "2025-09-01",
  updatedOn: "2026-09-01",
  purpose: "Donner aux élèves, aux familles et aux personnels l'accès aux services numériques du collège",
  subPurposes: ["Cahier de textes", "Messagerie", "Vie scolaire"],
  legalBasis: "Mission d'intérêt public (art. 6, paragraphe 1, e)",
  jointControllers: ["Académie de Lyon", "Département du Rhône"],
  dataSubjects: ["Élèves", "Responsables légaux", "Personnels"],
  dataCategories: [
    { name: "Identité, identifiants de connexion", retention: "Durée de la scolarité, puis un an" },
    { name: "Vie scolaire (absences, punitions)", retention: "Fin de l'année scolaire suivante" },
    { name: "Journaux de connexion", retention: "Un an" },
  ],
  recipients: ["Équipe de direction", "Professeurs de la classe", "Familles pour leurs enfants"],
  processors: ["Édunuage SAS (hébergement et maintenance)"],
  transfers: [],
  security: {
    accessControl: "Authentification par le guichet académique, droits par profil",
    traceability: "Journaux des connexions et des actions d'administration",
    backup: "Sauvegarde quotidienne chiffrée sur un second site",
    encryption: "TLS en transit, AES-256 au repos",
    processorControl: "Accord de sous-traitance article 28, audit annuel",
  },
};

export const REGISTER_CONTROLLER_EXAMPLE: z.input<typeof registerControllerData> = {
  reference: "REG-0690001A-2026",
  issuedOn: "2026-09-01",
  organisation: {
    name: "Collège Jean Rostand",
    address: "12 rue des Tilleuls, 69003 Lyon",
    identifier: "UAI 0690001A",
    representative: { name: "Claire Martin", title: "principale" },
    dpo: { name: "Délégation à la protection des données de l'académie", email: "dpd@ac-lyon.example" },
  },
  activities: [
    EXAMPLE_ACTIVITY,
    {
      reference: "T-002",
      name: "Restauration scolaire",
      createdOn: "2025-09-01",
      updatedOn: "2026-01-15",
      purpose: "Gérer les inscriptions à la demi-pension et la facturation des repas",
      legalBasis: "Mission d'intérêt public (art. 6, paragraphe 1, e)",
      dataSubjects: ["Élèves demi-pensionnaires", "Responsables légaux"],
      dataCategories: [
        { name: "Identité, classe", retention: "Année scolaire en cours" },
        { name: "Régime alimentaire prescrit (PAI)", retention: "Année scolaire en cours", sensitive: true },
        { name: "Données de facturation", retention: "Dix ans (pièces comptables)" },
      ],
      recipients: ["Service d'intendance", "Agent comptable"],
      processors: [],
      security: { accessControl: "Accès réservé au service d'intendance" },
    },
  ],
};

const join = (values: readonly string[], lang: DocumentLanguage) =>
  values.length === 0 ? (lang === "fr" ? "Aucun" : "None") : values.join(" / ");

export function writeRegisterController(data: RegisterControllerData, lang: DocumentLanguage): DocumentModel {
  const w = new DocumentWriter(lang);
  const o = data.organisation;
  w.fields([
    [{ fr: "Organisme", en: "Organisation" }, o.name],
    [{ fr: "Adresse", en: "Address" }, o.address],
    ...(o.identifier ? [[{ fr: "Immatriculation", en: "Registration" }, o.identifier] as const] : []),
    [
      { fr: "Représentant légal", en: "Legal representative" },
      `${o.representative.name}, ${o.representative.title}`,
    ],
    [
      { fr: "Délégué à la protection des données", en: "Data protection officer" },
      `${o.dpo.name} <${o.dpo.email}>`,
    ],
    [{ fr: "Nombre d'activités", en: "Number of activities" }, String(data.activities.length)],
  ]);
  w.paragraph(
    {
      fr: "Le présent registre recense les activités de traitement dont l'organisme est responsable, comme l'exige l'article 30, paragraphe 1, du RGPD ; il est tenu à jour et présenté à l'autorité de contrôle sur demande.",
      en: "This record lists the processing activities for which the organisation is the controller, as Article 30(1) GDPR requires; it is kept up to date and shown to the supervisory authority on request.",
    },
    "note",
  );
  const header = [
    { fr: "Réf.", en: "Ref." },
    { fr: "Activité", en: "Activity" },
    { fr: "Créée le", en: "Created" },
    { fr: "Mise à jour", en: "Updated" },
    { fr: "Finalité principale", en: "Main purpose" },
    { fr: "Sous-finalités", en: "Sub-purposes" },
    { fr: "Base légale", en: "Legal basis" },
    { fr: "Responsables conjoints", en: "Joint controllers" },
    { fr: "Personnes concernées", en: "Data subjects" },
    { fr: "Catégories de données", en: "Categories of data" },
    { fr: "Données sensibles", en: "Sensitive data" },
    { fr: "Durées de conservation", en: "Retention periods" },
    { fr: "Destinataires", en: "Recipients" },
    { fr: "Sous-traitants", en: "Processors" },
    { fr: "Transferts hors UE", en: "Transfers outside the EU" },
    { fr: "Mesures de sécurité", en: "Security measures" },
  ] as const;
  const rows = data.activities.map((a) => {
    const sensitive = a.dataCategories.filter((c) => c.sensitive).map((c) => c.name);
    return [
      a.reference,
      a.name,
      a.createdOn,
      a.updatedOn,
      a.purpose,
      join(a.subPurposes, lang),
      a.legalBasis,
      join(a.jointControllers, lang),
      join(a.dataSubjects, lang),
      join(
        a.dataCategories.map((c) => c.name),
        lang,
      ),
      sensitive.length === 0
        ? lang === "fr"
          ? "Non"
          : "No"
        : `${lang === "fr" ? "Oui" : "Yes"} : ${sensitive.join(" / ")}`,
      a.dataCategories.map((c) => `${c.name}${lang === "fr" ? " : " : ": "}${c.retention}`).join(" / "),
      join(a.recipients, lang),
      join(a.processors, lang),
      transfersText(a.transfers, lang),
      securityText(a.security, lang),
    ];
  });
  // Pages show one sheet per entry, as the CNIL's model does; spreadsheets one row per entry.
  data.activities.forEach((_activity, index) => {
    const row = rows[index] ?? [];
    w.heading(`${row[0]} – ${row[1]}`, 2);
    w.fields(header.slice(2).map((label, k) => [label, row[k + 2] ?? ""] as const));
  });
  w.sheet({ fr: "Registre", en: "Record" }, header, rows);
  return w.build({
    templateId: "register-controller",
    title: { fr: "Registre des activités de traitement", en: "Record of processing activities" },
    subtitle: {
      fr: `Responsable de traitement – article 30, paragraphe 1, du RGPD – ${o.name}`,
      en: `Controller – GDPR Article 30(1) – ${o.name}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: o.name,
  });
}

export const registerControllerTemplate = defineTemplate({
  id: "register-controller",
  title: { fr: "Registre du responsable de traitement", en: "Controller's record of processing" },
  summary: {
    fr: "le registre de l'article 30, paragraphe 1, aux colonnes du modèle de la CNIL",
    en: "the Article 30(1) record, with the columns of the CNIL's model",
  },
  basis: "GDPR Art. 30(1)",
  formats: ["xlsx", "csv", "pdf", "docx", "html"],
  schema: registerControllerData,
  example: REGISTER_CONTROLLER_EXAMPLE,
  write: writeRegisterController,
});
