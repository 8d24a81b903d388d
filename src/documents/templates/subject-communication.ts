// `subject-communication`: the letter to the people concerned, here families, when a breach is likely to put
// them at high risk (GDPR Art. 34(2)): in plain words, what happened, what it may mean, what was done, what
// they can do, whom to ask.

import { z } from "zod";
import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { contact, issue, organisation, person } from "./agreement-data.js";
import { dateTimeWords, localDateTime } from "./breach-data.js";

const text = z.string().trim().min(1);

export const subjectCommunicationData = z.object({
  ...issue,
  controller: organisation.extend({ signatory: person }),
  /** "Madame, Monsieur," or the families' salutation of the school's habit. */
  salutation: text,
  happenedOn: localDateTime,
  whatHappened: text,
  dataConcerned: z.array(text).min(1),
  likelyConsequences: text,
  measuresTaken: z.array(text).min(1),
  adviceToFamilies: z.array(text).min(1),
  dpo: contact,
  authorityNotified: z.boolean(),
});

export function writeSubjectCommunication(
  data: z.output<typeof subjectCommunicationData>,
  lang: DocumentLanguage,
): DocumentModel {
  const w = new DocumentWriter(lang);
  const date = (iso: string) => (lang === "fr" ? frenchDate(iso) : englishDate(iso));
  w.paragraph(data.controller.name, "strong");
  w.paragraph(data.controller.address);
  w.paragraph({
    fr: `${data.place}, le ${frenchDate(data.issuedOn)}`,
    en: `${data.place}, ${englishDate(data.issuedOn)}`,
  });
  w.paragraph(
    {
      fr: `Objet : incident touchant des données personnelles (réf. ${data.reference})`,
      en: `Subject: an incident affecting personal data (ref. ${data.reference})`,
    },
    "strong",
  );
  w.paragraph(data.salutation);
  w.paragraph({
    fr: `Nous vous écrivons pour vous informer d'un incident survenu le ${dateTimeWords(data.happenedOn, lang, date)}, qui concerne des données vous concernant ou concernant votre enfant. ${data.whatHappened}.`,
    en: `We are writing to tell you about an incident on ${dateTimeWords(data.happenedOn, lang, date)} that concerns data about you or your child. ${data.whatHappened}.`,
  });
  w.heading({ fr: "Les données concernées", en: "The data concerned" }, 3);
  w.list(data.dataConcerned);
  w.heading({ fr: "Ce que cela peut entraîner", en: "What it may lead to" }, 3);
  w.paragraph(data.likelyConsequences);
  w.heading({ fr: "Ce que nous avons fait", en: "What we have done" }, 3);
  w.list(data.measuresTaken);
  w.heading({ fr: "Ce que nous vous conseillons", en: "What we advise you to do" }, 3);
  w.list(data.adviceToFamilies);
  w.heading({ fr: "Vos questions et vos droits", en: "Your questions and your rights" }, 3);
  w.paragraph({
    fr: `Pour toute question, ou pour exercer vos droits d'accès, de rectification ou d'effacement, vous pouvez écrire à ${data.dpo.name} (${data.dpo.email}). Vous pouvez aussi adresser une réclamation à la CNIL.`,
    en: `For any question, or to exercise your rights of access, rectification or erasure, you may write to ${data.dpo.name} (${data.dpo.email}). You may also complain to the CNIL, the French supervisory authority.`,
  });
  if (data.authorityNotified) {
    w.paragraph({
      fr: "L'incident a été notifié à la CNIL, comme le prévoit l'article 33 du règlement général sur la protection des données.",
      en: "The incident has been notified to the CNIL, as Article 33 of the General Data Protection Regulation requires.",
    });
  }
  w.paragraph({
    fr: "Nous vous prions de nous excuser pour ce désagrément et restons à votre disposition.",
    en: "We apologise for this and remain at your disposal.",
  });
  w.paragraph(`${data.controller.signatory.name}, ${data.controller.signatory.title}`, "strong");
  return w.build({
    templateId: "subject-communication",
    title: {
      fr: "Information des familles sur une violation de données",
      en: "Letter to families about a data breach",
    },
    subtitle: {
      fr: `Article 34 du RGPD – ${data.controller.name}`,
      en: `GDPR Article 34 – ${data.controller.name}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.controller.name,
  });
}

export const subjectCommunicationTemplate = defineTemplate({
  id: "subject-communication",
  title: { fr: "Lettre aux familles (article 34)", en: "Letter to families (Article 34)" },
  summary: {
    fr: "informer les personnes concernées d'une violation à risque élevé, en termes simples",
    en: "tell the people concerned of a high-risk breach, in plain words",
  },
  basis: "GDPR Art. 34(2)",
  formats: ["pdf", "docx", "html"],
  schema: subjectCommunicationData,
  example: {
    reference: "INF-2026-003",
    issuedOn: "2026-11-05",
    place: "Lyon",
    controller: {
      name: "Collège Jean Rostand",
      address: "12 rue des Tilleuls, 69003 Lyon",
      signatory: { name: "Claire Martin", title: "principale" },
    },
    salutation: "Madame, Monsieur,",
    happenedOn: "2026-11-02T22:10",
    whatHappened:
      "À la suite d'une erreur de configuration chez l'hébergeur de l'espace numérique de travail, un dossier de messages a été accessible par un lien public pendant environ onze heures",
    dataConcerned: ["Nom, prénom et classe de l'élève", "Messages échangés avec les professeurs"],
    likelyConsequences:
      "Des personnes extérieures au collège ont pu lire ces messages ; aucun mot de passe ni donnée bancaire n'est concerné",
    measuresTaken: [
      "Le lien a été désactivé le 3 novembre au matin",
      "Tous les partages publics ont été vérifiés",
    ],
    adviceToFamilies: [
      "Méfiez-vous des messages qui citeraient ces échanges pour vous demander des informations",
      "Signalez au collège tout message suspect",
    ],
    dpo: { name: "la déléguée à la protection des données de l'académie", email: "dpd@ac-lyon.example" },
    authorityNotified: true,
  },
  write: writeSubjectCommunication,
});
