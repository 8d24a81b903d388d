// `breach-notice`: the processor tells the controller of a personal data breach (GDPR Art. 33(2)), with what
// Art. 33(3) asks the controller to give the authority, first notice or complement (Art. 33(4)).

import { z } from "zod";
import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { issue, organisation, person } from "./agreement-data.js";
import { BREACH_FACTS_EXAMPLE, breachFacts, dateTimeWords, NATURE_WORDS } from "./breach-data.js";
import { signedByProcessor } from "./processor-signature.js";

export const breachNoticeData = z.object({
  ...issue,
  phase: z.enum(["initial", "complementary"]),
  processor: organisation.extend({ signatory: person }),
  controller: organisation,
  agreementReference: z.string().trim().min(1),
  breach: breachFacts,
});

export function writeBreachNotice(
  data: z.output<typeof breachNoticeData>,
  lang: DocumentLanguage,
): DocumentModel {
  const w = new DocumentWriter(lang);
  const date = (iso: string) => (lang === "fr" ? frenchDate(iso) : englishDate(iso));
  const at = (value: string) => dateTimeWords(value, lang, date);
  const b = data.breach;
  const n = (value: number) => value.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB");
  w.fields([
    [{ fr: "De", en: "From" }, `${data.processor.name}, ${data.processor.address}`],
    [{ fr: "À", en: "To" }, `${data.controller.name}, ${data.controller.address}`],
    [{ fr: "Référence", en: "Reference" }, `${data.reference} (${b.breachReference})`],
    [{ fr: "Contrat", en: "Agreement" }, data.agreementReference],
    [
      { fr: "Notification", en: "Notice" },
      data.phase === "initial"
        ? { fr: "initiale", en: "initial" }
        : { fr: "complémentaire", en: "complementary" },
    ],
  ]);
  w.paragraph({
    fr: `En application de l'article 33, paragraphe 2, du RGPD et du contrat ${data.agreementReference}, ${data.processor.name} vous notifie une violation de données à caractère personnel dont il a pris connaissance le ${at(b.discoveredAt)}.`,
    en: `Under Article 33(2) GDPR and agreement ${data.agreementReference}, ${data.processor.name} notifies you of a personal data breach it became aware of on ${at(b.discoveredAt)}.`,
  });
  w.heading({ fr: "1. Nature de la violation", en: "1. Nature of the breach" }, 2);
  w.list(b.natures.map((nature) => NATURE_WORDS[nature]));
  w.fields([
    [{ fr: "Description", en: "Description" }, b.description],
    [{ fr: "Cause", en: "Cause" }, b.cause],
    [
      { fr: "Début", en: "Started" },
      b.startedAt === undefined ? { fr: "inconnu", en: "unknown" } : at(b.startedAt),
    ],
    [{ fr: "Découverte", en: "Discovered" }, at(b.discoveredAt)],
    [{ fr: "Fin", en: "Ended" }, b.endedAt === undefined ? { fr: "en cours", en: "ongoing" } : at(b.endedAt)],
  ]);
  w.heading({ fr: "2. Personnes et enregistrements concernés", en: "2. People and records concerned" }, 2);
  w.fields([
    [{ fr: "Catégories de personnes", en: "Categories of people" }, b.peopleCategories.join(" / ")],
    [{ fr: "Nombre approximatif de personnes", en: "Approximate number of people" }, n(b.approximatePeople)],
    [{ fr: "Catégories d'enregistrements", en: "Categories of records" }, b.recordCategories.join(" / ")],
    [
      { fr: "Nombre approximatif d'enregistrements", en: "Approximate number of records" },
      n(b.approximateRecords),
    ],
  ]);
  w.heading({ fr: "3. Conséquences probables", en: "3. Likely consequences" }, 2);
  w.paragraph(b.consequences);
  w.heading({ fr: "4. Mesures prises ou proposées", en: "4. Measures taken or proposed" }, 2);
  w.list(b.measuresTaken);
  if (b.measuresProposed.length > 0) {
    w.paragraph({
      fr: "Mesures proposées au responsable de traitement :",
      en: "Measures proposed to the controller:",
    });
    w.list(b.measuresProposed);
  }
  w.heading({ fr: "5. Point de contact", en: "5. Contact point" }, 2);
  w.paragraph(`${b.contact.name} <${b.contact.email}>`);
  if (b.toFollow.length > 0) {
    w.heading({ fr: "6. Informations à venir", en: "6. Information to follow" }, 2);
    w.paragraph({
      fr: "Les éléments suivants ne sont pas encore connus ; ils vous seront communiqués par étapes, dès qu'ils le seront (article 33, paragraphe 4, du RGPD) :",
      en: "The following is not known yet; it will be sent to you in phases as soon as it is (Article 33(4) GDPR):",
    });
    w.list(b.toFollow);
  }
  w.paragraph(
    {
      fr: "Il vous appartient, en tant que responsable de traitement, d'apprécier s'il y a lieu de notifier l'autorité de contrôle dans les 72 heures et d'informer les personnes concernées ; nous vous y aidons sur simple demande.",
      en: "As controller, it is for you to judge whether the supervisory authority must be notified within 72 hours and the people concerned informed; we help you with both on request.",
    },
    "note",
  );
  signedByProcessor(w, data);
  return w.build({
    templateId: "breach-notice",
    title: {
      fr: "Notification d'une violation de données au responsable de traitement",
      en: "Notice of a personal data breach to the controller",
    },
    subtitle: {
      fr: `Article 33, paragraphe 2, du RGPD – ${b.breachReference}`,
      en: `GDPR Article 33(2) – ${b.breachReference}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.processor.name,
  });
}

export const breachNoticeTemplate = defineTemplate({
  id: "breach-notice",
  title: { fr: "Notification de violation au responsable", en: "Breach notice to the controller" },
  summary: {
    fr: "le sous-traitant notifie une violation avec le contenu de l'article 33, paragraphe 3",
    en: "the processor notifies a breach with the content of Article 33(3)",
  },
  basis: "GDPR Art. 33(2)-(4)",
  formats: ["pdf", "docx", "html"],
  schema: breachNoticeData,
  example: {
    reference: "NOT-2026-003",
    issuedOn: "2026-11-03",
    place: "Lyon",
    phase: "initial",
    processor: {
      name: "Édunuage SAS",
      address: "4 quai Perrache, 69002 Lyon",
      signatory: { name: "Nadia Benali", title: "présidente" },
    },
    controller: { name: "Collège Jean Rostand", address: "12 rue des Tilleuls, 69003 Lyon" },
    agreementReference: "DPA-2026-014",
    breach: BREACH_FACTS_EXAMPLE,
  },
  write: writeBreachNotice,
});
