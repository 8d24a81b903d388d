// `subprocessor-notice`: the processor tells the controller in writing, ahead of time, that it intends to add
// or replace a sub-processor, so the controller can object (GDPR Art. 28(2)); the window and what silence
// means are those of the agreement.

import { z } from "zod";
import { formatDuration } from "../../domain/duration.js";
import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import {
  contact,
  isoDate,
  issue,
  organisation,
  period,
  person,
  subprocessor,
  TRANSFER_MECHANISM_WORDS,
} from "./agreement-data.js";
import { signedByProcessor } from "./processor-signature.js";

export const subprocessorNoticeData = z.object({
  ...issue,
  processor: organisation.extend({ signatory: person }),
  controller: organisation,
  agreementReference: z.string().trim().min(1),
  change: z.enum(["addition", "replacement"]),
  subprocessor,
  /** The sub-processor replaced, for a replacement. */
  replaces: z.string().trim().optional(),
  reason: z.string().trim().min(1),
  effectiveOn: isoDate,
  objectionWindow: period,
  objectionDeadline: isoDate,
  silence: z.enum(["accepted", "refused"]),
  contact,
});

export function writeSubprocessorNotice(
  data: z.output<typeof subprocessorNoticeData>,
  lang: DocumentLanguage,
): DocumentModel {
  const w = new DocumentWriter(lang);
  const date = (iso: string) => (lang === "fr" ? frenchDate(iso) : englishDate(iso));
  const s = data.subprocessor;
  w.fields([
    [{ fr: "De", en: "From" }, `${data.processor.name}, ${data.processor.address}`],
    [{ fr: "À", en: "To" }, `${data.controller.name}, ${data.controller.address}`],
    [{ fr: "Référence", en: "Reference" }, data.reference],
    [{ fr: "Contrat", en: "Agreement" }, data.agreementReference],
  ]);
  w.paragraph({
    fr:
      data.change === "addition"
        ? `Conformément à l'article 28, paragraphe 2, du RGPD et au contrat ${data.agreementReference}, nous vous informons de notre intention de recourir à un nouveau sous-traitant ultérieur à compter du ${date(data.effectiveOn)}.`
        : `Conformément à l'article 28, paragraphe 2, du RGPD et au contrat ${data.agreementReference}, nous vous informons de notre intention de remplacer ${data.replaces ?? "un sous-traitant ultérieur"} à compter du ${date(data.effectiveOn)}.`,
    en:
      data.change === "addition"
        ? `In accordance with Article 28(2) GDPR and agreement ${data.agreementReference}, we inform you that we intend to engage a new sub-processor from ${date(data.effectiveOn)}.`
        : `In accordance with Article 28(2) GDPR and agreement ${data.agreementReference}, we inform you that we intend to replace ${data.replaces ?? "a sub-processor"} from ${date(data.effectiveOn)}.`,
  });
  w.heading({ fr: "Le sous-traitant ultérieur", en: "The sub-processor" }, 2);
  w.fields([
    [{ fr: "Nom", en: "Name" }, s.name],
    [{ fr: "Adresse", en: "Address" }, s.address],
    [{ fr: "Activité confiée", en: "Activity entrusted" }, s.activity],
    [{ fr: "Lieu du traitement", en: "Place of processing" }, s.location],
    [
      { fr: "Encadrement des transferts", en: "Transfer safeguard" },
      TRANSFER_MECHANISM_WORDS[s.transferMechanism],
    ],
    [{ fr: "Motif du changement", en: "Reason for the change" }, data.reason],
  ]);
  w.paragraph({
    fr: "Ce sous-traitant ultérieur sera lié par un contrat qui lui impose les mêmes obligations de protection des données que celles de notre contrat ; nous restons pleinement responsables de son exécution.",
    en: "This sub-processor will be bound by a contract imposing on it the same data protection obligations as those of our agreement; we remain fully liable for its performance.",
  });
  w.heading({ fr: "Votre droit d'opposition", en: "Your right to object" }, 2);
  w.paragraph({
    fr: `Vous disposez d'un délai de ${formatDuration(data.objectionWindow, "fr")}, soit jusqu'au ${frenchDate(data.objectionDeadline)} inclus, pour vous opposer à ce changement par écrit à ${data.contact.name} (${data.contact.email}). ${data.silence === "accepted" ? "Sans objection de votre part dans ce délai, le changement sera réputé accepté, comme le prévoit le contrat." : "Sans réponse de votre part dans ce délai, le changement sera réputé refusé et n'aura pas lieu, comme le prévoit le contrat."}`,
    en: `You have ${formatDuration(data.objectionWindow, "en")}, until ${englishDate(data.objectionDeadline)} inclusive, to object to this change in writing to ${data.contact.name} (${data.contact.email}). ${data.silence === "accepted" ? "Without objection from you within that period, the change will be deemed accepted, as the agreement provides." : "Without an answer from you within that period, the change will be deemed refused and will not go ahead, as the agreement provides."}`,
  });
  signedByProcessor(w, data);
  return w.build({
    templateId: "subprocessor-notice",
    title: {
      fr: "Information préalable sur un sous-traitant ultérieur",
      en: "Prior notice of a sub-processor",
    },
    subtitle: { fr: `Article 28, paragraphe 2, du RGPD – ${s.name}`, en: `GDPR Article 28(2) – ${s.name}` },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.processor.name,
  });
}

export const subprocessorNoticeTemplate = defineTemplate({
  id: "subprocessor-notice",
  title: { fr: "Information sur un sous-traitant ultérieur", en: "Sub-processor notice" },
  summary: {
    fr: "annoncer l'ajout ou le remplacement d'un sous-traitant ultérieur, avec le délai d'opposition",
    en: "announce the addition or replacement of a sub-processor, with the objection window",
  },
  basis: "GDPR Art. 28(2)",
  formats: ["pdf", "docx", "html"],
  schema: subprocessorNoticeData,
  example: {
    reference: "ST-2026-002",
    issuedOn: "2026-10-01",
    place: "Lyon",
    processor: {
      name: "Édunuage SAS",
      address: "4 quai Perrache, 69002 Lyon",
      signatory: { name: "Nadia Benali", title: "présidente" },
    },
    controller: { name: "Collège Jean Rostand", address: "12 rue des Tilleuls, 69003 Lyon" },
    agreementReference: "DPA-2026-014",
    change: "addition",
    subprocessor: {
      name: "Messagerie Sûre SAS",
      address: "20 rue de la République, 69002 Lyon",
      activity: "Envoi des notifications par courriel",
      location: "France",
    },
    reason: "Remplacer l'envoi de courriels par un service spécialisé et plus fiable",
    effectiveOn: "2026-11-02",
    objectionWindow: "30 jours",
    objectionDeadline: "2026-10-31",
    silence: "accepted",
    contact: { name: "Support établissements", email: "etablissements@edunuage.example" },
  },
  write: writeSubprocessorNotice,
});
