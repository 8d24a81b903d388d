// `register-processor`: the record a processor keeps of the processing it carries out for each controller
// (GDPR Art. 30(2) a–d); also as XLSX and CSV.

import { z } from "zod";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { email } from "./agreement-data.js";
import {
  registerHeader,
  registerKeeper,
  securityMeasures,
  securityText,
  transfer,
  transfersText,
} from "./register-data.js";

const text = z.string().trim().min(1);

export const registerProcessorData = z.object({
  ...registerHeader,
  organisation: registerKeeper,
  activities: z
    .array(
      z.object({
        reference: text,
        controller: z.object({
          name: text,
          address: text,
          representative: z.string().trim().optional(),
          dpo: z.object({ name: text, email }).optional(),
        }),
        agreement: z.string().trim().optional(),
        categories: z.array(text).min(1),
        subprocessors: z.array(text).default([]),
        transfers: z.array(transfer).default([]),
        security: securityMeasures,
      }),
    )
    .min(1),
});
export type RegisterProcessorData = z.output<typeof registerProcessorData>;

export const REGISTER_PROCESSOR_EXAMPLE: z.input<typeof registerProcessorData> = {
  reference: "REG-EDUNUAGE-2026",
  issuedOn: "2026-09-01",
  organisation: {
    name: "Édunuage SAS",
    address: "4 quai Perrache, 69002 Lyon",
    identifier: "SIREN 732 829 320",
    representative: { name: "Nadia Benali", title: "présidente" },
    dpo: { name: "Hugo Lefèvre", email: "dpo@edunuage.example" },
  },
  activities: [
    {
      reference: "C-0690001A",
      controller: {
        name: "Collège Jean Rostand",
        address: "12 rue des Tilleuls, 69003 Lyon",
        representative: "Claire Martin, principale",
        dpo: { name: "Délégation à la protection des données de l'académie", email: "dpd@ac-lyon.example" },
      },
      agreement: "DPA-2026-014",
      categories: [
        "Hébergement de l'espace numérique de travail",
        "Assistance aux utilisateurs",
        "Sauvegardes",
      ],
      subprocessors: ["Hébergeur Rhône SAS (hébergement des serveurs, France)"],
      security: {
        accessControl: "Comptes nominatifs, double authentification des administrateurs",
        traceability: "Journaux conservés un an",
        backup: "Sauvegarde quotidienne chiffrée",
        encryption: "TLS en transit, AES-256 au repos",
      },
    },
  ],
};

export function writeRegisterProcessor(data: RegisterProcessorData, lang: DocumentLanguage): DocumentModel {
  const w = new DocumentWriter(lang);
  const o = data.organisation;
  const none = lang === "fr" ? "Aucun" : "None";
  w.fields([
    [{ fr: "Sous-traitant", en: "Processor" }, o.name],
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
  ]);
  w.paragraph(
    {
      fr: "Le présent registre recense, pour chaque responsable de traitement pour le compte duquel le sous-traitant agit, les catégories de traitements effectués, les transferts hors de l'Union et les mesures de sécurité, comme l'exige l'article 30, paragraphe 2, du RGPD.",
      en: "This record lists, for each controller on whose behalf the processor acts, the categories of processing carried out, transfers outside the Union and the security measures, as Article 30(2) GDPR requires.",
    },
    "note",
  );
  const header = [
    { fr: "Réf.", en: "Ref." },
    { fr: "Responsable de traitement", en: "Controller" },
    { fr: "Adresse", en: "Address" },
    { fr: "Représentant", en: "Representative" },
    { fr: "Délégué à la protection des données", en: "Data protection officer" },
    { fr: "Contrat", en: "Agreement" },
    { fr: "Catégories de traitements", en: "Categories of processing" },
    { fr: "Sous-traitants ultérieurs", en: "Sub-processors" },
    { fr: "Transferts hors UE", en: "Transfers outside the EU" },
    { fr: "Mesures de sécurité", en: "Security measures" },
  ] as const;
  const rows = data.activities.map((a) => [
    a.reference,
    a.controller.name,
    a.controller.address,
    a.controller.representative ?? none,
    a.controller.dpo === undefined ? none : `${a.controller.dpo.name} <${a.controller.dpo.email}>`,
    a.agreement ?? none,
    a.categories.join(" / "),
    a.subprocessors.length === 0 ? none : a.subprocessors.join(" / "),
    transfersText(a.transfers, lang),
    securityText(a.security, lang),
  ]);
  // Pages show one sheet per entry, as the CNIL's model does; spreadsheets one row per entry.
  data.activities.forEach((_activity, index) => {
    const row = rows[index] ?? [];
    w.heading(`${row[0]} – ${row[1]}`, 2);
    w.fields(header.slice(2).map((label, k) => [label, row[k + 2] ?? ""] as const));
  });
  w.sheet({ fr: "Registre", en: "Record" }, header, rows);
  return w.build({
    templateId: "register-processor",
    title: {
      fr: "Registre des catégories d'activités de traitement",
      en: "Record of categories of processing activities",
    },
    subtitle: {
      fr: `Sous-traitant – article 30, paragraphe 2, du RGPD – ${o.name}`,
      en: `Processor – GDPR Article 30(2) – ${o.name}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: o.name,
  });
}

export const registerProcessorTemplate = defineTemplate({
  id: "register-processor",
  title: { fr: "Registre du sous-traitant", en: "Processor's record of processing" },
  summary: {
    fr: "le registre de l'article 30, paragraphe 2, par responsable de traitement servi",
    en: "the Article 30(2) record, by controller served",
  },
  basis: "GDPR Art. 30(2)",
  formats: ["xlsx", "csv", "pdf", "docx", "html"],
  schema: registerProcessorData,
  example: REGISTER_PROCESSOR_EXAMPLE,
  write: writeRegisterProcessor,
});
