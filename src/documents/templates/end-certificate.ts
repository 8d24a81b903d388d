// What the deletion and return certificates share (GDPR Art. 28(3)(g)): the agreement that ended, the data
// concerned, the backups, the copies the law obliges the processor to keep, and the signatory's statement.

import { z } from "zod";
import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { isoDate, issue, organisation, person } from "./agreement-data.js";

const text = z.string().trim().min(1);

export const endCertificateData = z.object({
  ...issue,
  processor: organisation.extend({ signatory: person }),
  controller: organisation,
  agreement: z.object({ reference: text, title: text, endedOn: isoDate }),
  dataCategories: z.array(text).min(1),
  /** Where the data were held: production, replicas, logs. */
  systems: z.array(text).min(1),
  completedOn: isoDate,
  method: text,
  backupsErasedOn: isoDate,
  /** Copies Union or Member State law obliges the processor to keep, with the law and how long. */
  retainedByLaw: z.array(z.object({ data: text, law: text, until: isoDate })).default([]),
  subprocessorsConfirmed: z.array(text).default([]),
});
export type EndCertificateData = z.output<typeof endCertificateData>;

export const END_CERTIFICATE_EXAMPLE: z.input<typeof endCertificateData> = {
  reference: "ATT-2026-014",
  issuedOn: "2026-10-15",
  place: "Lyon",
  processor: {
    name: "Édunuage SAS",
    address: "4 quai Perrache, 69002 Lyon",
    signatory: { name: "Nadia Benali", title: "présidente" },
  },
  controller: { name: "Collège Jean Rostand", address: "12 rue des Tilleuls, 69003 Lyon" },
  agreement: {
    reference: "DPA-2026-014",
    title: "Accord de sous-traitance de l'espace numérique de travail",
    endedOn: "2026-08-31",
  },
  dataCategories: [
    "Identité et identifiants de connexion",
    "Cahier de textes et messages",
    "Journaux de connexion",
  ],
  systems: ["Base de données de production", "Stockage des pièces jointes", "Journaux applicatifs"],
  completedOn: "2026-09-28",
  method: "Effacement logique puis réécriture des volumes chiffrés et destruction des clés de chiffrement",
  backupsErasedOn: "2026-10-12",
  retainedByLaw: [],
  subprocessorsConfirmed: ["Hébergeur Rhône SAS"],
};

export function writeEndCertificate(
  data: EndCertificateData,
  lang: DocumentLanguage,
  kind: "deletion" | "return",
): DocumentModel {
  const w = new DocumentWriter(lang);
  const date = (iso: string) => (lang === "fr" ? frenchDate(iso) : englishDate(iso));
  const p = data.processor;
  w.fields([
    [{ fr: "Référence", en: "Reference" }, data.reference],
    [{ fr: "Sous-traitant", en: "Processor" }, `${p.name}, ${p.address}`],
    [
      { fr: "Responsable de traitement", en: "Controller" },
      `${data.controller.name}, ${data.controller.address}`,
    ],
    [{ fr: "Contrat", en: "Agreement" }, `${data.agreement.title} (${data.agreement.reference})`],
    [{ fr: "Fin du contrat", en: "End of the agreement" }, date(data.agreement.endedOn)],
  ]);
  w.heading({ fr: "Déclaration", en: "Statement" }, 2);
  w.paragraph({
    fr: `Je soussigné(e), ${p.signatory.name}, ${p.signatory.title} de ${p.name}, agissant en qualité de sous-traitant, atteste ce qui suit au titre de l'article 28, paragraphe 3, point g), du RGPD et du contrat ${data.agreement.reference}.`,
    en: `I, the undersigned ${p.signatory.name}, ${p.signatory.title} of ${p.name}, acting as processor, certify the following under Article 28(3)(g) GDPR and agreement ${data.agreement.reference}.`,
  });
  if (kind === "return") {
    w.paragraph({
      fr: `Toutes les données à caractère personnel traitées pour le compte de ${data.controller.name} ont été restituées au responsable de traitement, puis les copies détenues par le sous-traitant ont été supprimées ; l'opération s'est achevée le ${date(data.completedOn)}.`,
      en: `All personal data processed on behalf of ${data.controller.name} have been returned to the controller, and the copies held by the processor then deleted; the operation was completed on ${date(data.completedOn)}.`,
    });
  } else {
    w.paragraph({
      fr: `Toutes les données à caractère personnel traitées pour le compte de ${data.controller.name} ont été supprimées, sans qu'aucune copie n'en soit conservée ; la suppression s'est achevée le ${date(data.completedOn)}.`,
      en: `All personal data processed on behalf of ${data.controller.name} have been deleted, and no copy of them kept; the deletion was completed on ${date(data.completedOn)}.`,
    });
  }
  w.heading({ fr: "Données et systèmes concernés", en: "Data and systems concerned" }, 3);
  w.list(data.dataCategories.map((c) => c));
  w.fields([
    [{ fr: "Systèmes", en: "Systems" }, data.systems.join(" / ")],
    [{ fr: "Méthode", en: "Method" }, data.method],
    [{ fr: "Sauvegardes effacées le", en: "Backups erased on" }, date(data.backupsErasedOn)],
    [
      {
        fr: "Sous-traitants ultérieurs ayant confirmé la suppression",
        en: "Sub-processors that confirmed deletion",
      },
      data.subprocessorsConfirmed.length === 0
        ? lang === "fr"
          ? "Aucun"
          : "None"
        : data.subprocessorsConfirmed.join(" / "),
    ],
  ]);
  w.heading({ fr: "Conservation imposée par la loi", en: "Retention required by law" }, 3);
  if (data.retainedByLaw.length === 0) {
    w.paragraph({
      fr: "Aucune donnée n'est conservée au titre d'une obligation légale.",
      en: "No data are kept under a legal obligation.",
    });
  } else {
    w.paragraph({
      fr: "Les seules données conservées le sont parce que le droit de l'Union ou d'un État membre l'impose ; elles restent protégées par le contrat et seront supprimées à l'échéance indiquée :",
      en: "The only data kept are kept because Union or Member State law requires it; they remain protected by the agreement and will be deleted on the date shown:",
    });
    w.table(
      [
        { fr: "Données", en: "Data" },
        { fr: "Fondement", en: "Legal ground" },
        { fr: "Jusqu'au", en: "Until" },
      ],
      data.retainedByLaw.map((r) => [r.data, r.law, date(r.until)]),
    );
  }
  w.paragraph(
    {
      fr: "Le responsable de traitement peut vérifier cette déclaration dans les conditions d'audit prévues au contrat. L'empreinte SHA-256 de ce document, enregistrée par art28, permet d'en accuser réception.",
      en: "The controller may verify this statement under the audit terms of the agreement. The SHA-256 fingerprint of this document, recorded by art28, lets the controller acknowledge it.",
    },
    "note",
  );
  w.signatures(
    {
      fr: `Fait à ${data.place}, le ${frenchDate(data.issuedOn)}.`,
      en: `Signed at ${data.place} on ${englishDate(data.issuedOn)}.`,
    },
    [
      {
        heading: { fr: "Pour le sous-traitant", en: "For the processor" },
        organisation: p.name,
        person: `${p.signatory.name}, ${p.signatory.title}`,
      },
    ],
  );
  return w.build({
    templateId: kind === "deletion" ? "deletion-certificate" : "return-certificate",
    title:
      kind === "deletion"
        ? { fr: "Attestation de suppression des données", en: "Certificate of deletion of data" }
        : { fr: "Attestation de restitution des données", en: "Certificate of return of data" },
    subtitle: {
      fr: `Article 28, paragraphe 3, point g), du RGPD – ${p.name} pour ${data.controller.name}`,
      en: `GDPR Article 28(3)(g) – ${p.name} for ${data.controller.name}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: p.name,
  });
}
