// `public-summary`: the essence of the joint-controller arrangement, for the people concerned (GDPR Art. 26(2)):
// who the controllers are, who does what for them, whom to contact, and that they may act against each.

import type { z } from "zod";
import { formatDuration } from "../../domain/duration.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { jointControllerData, PARTY_KIND_WORDS } from "./joint-controller-convention.js";
import {
  ACADEMY,
  jointControllerExample,
  REGION,
  SCHOOL,
  SECOND_SCHOOL,
} from "./joint-controller-example.js";

const schema = jointControllerData("any");

export function writePublicSummary(data: z.output<typeof schema>, lang: DocumentLanguage): DocumentModel {
  const w = new DocumentWriter(lang);
  w.paragraph({
    fr: `L'espace numérique de travail ${data.ent.name}, destiné aux ${data.ent.users}, est mis en œuvre conjointement par plusieurs organismes publics, responsables conjoints du traitement de vos données. Voici l'essentiel de l'accord qui les lie.`,
    en: `The digital workspace ${data.ent.name}, intended for ${data.ent.users}, is run jointly by several public bodies, joint controllers of the processing of your data. Here is the essence of the arrangement between them.`,
  });
  w.heading({ fr: "Qui est responsable ?", en: "Who is responsible?" }, 2);
  w.table(
    [
      { fr: "Organisme", en: "Body" },
      { fr: "Qualité", en: "Capacity" },
    ],
    data.parties.map((p) => [p.name, PARTY_KIND_WORDS[p.kind]]),
    { widths: [3, 2] },
  );
  w.heading({ fr: "Pourquoi vos données sont-elles traitées ?", en: "Why are your data processed?" }, 2);
  w.list(data.processing.purposes);
  w.paragraph({
    fr: `Les données concernent : ${data.processing.dataSubjects.join(", ")}. Elles sont hébergées en ${data.processing.location} par ${data.processor.name}, qui agit pour le compte des responsables, et conservées ainsi : ${data.processing.retention}.`,
    en: `The data concern: ${data.processing.dataSubjects.join(", ")}. They are hosted in ${data.processing.location} by ${data.processor.name}, which acts on behalf of the controllers, and kept as follows: ${data.processing.retention}.`,
  });
  w.heading({ fr: "Qui fait quoi pour vous ?", en: "Who does what for you?" }, 2);
  w.list([
    {
      fr: `Votre information sur le traitement : ${data.informationBy}.`,
      en: `Informing you about the processing: ${data.informationBy}.`,
    },
    {
      fr: `Les réponses à vos demandes (accès, rectification, effacement, opposition…) : ${data.requestsBy}.`,
      en: `Answering your requests (access, rectification, erasure, objection…): ${data.requestsBy}.`,
    },
    {
      fr: `En cas de violation de vos données, leur notification et votre information : ${data.breachesBy}.`,
      en: `If your data are breached, notifying it and telling you: ${data.breachesBy}.`,
    },
  ]);
  w.heading({ fr: "Comment exercer vos droits ?", en: "How to exercise your rights?" }, 2);
  w.paragraph({
    fr: `Écrivez au point de contact : ${data.contactPoint.name} (${data.contactPoint.email}). Vous pouvez aussi vous adresser à n'importe lequel des organismes ci-dessus, et exercer vos droits à l'égard de chacun d'eux ; votre demande sera transmise au bon interlocuteur dans un délai de ${formatDuration(data.periods.requestForwarding, "fr")}.`,
    en: `Write to the contact point: ${data.contactPoint.name} (${data.contactPoint.email}). You may also turn to any of the bodies above, and exercise your rights against each of them; your request will be passed to the right party within ${formatDuration(data.periods.requestForwarding, "en")}.`,
  });
  w.paragraph({
    fr: "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL.",
    en: "If you consider that your rights are not respected, you may complain to the CNIL, the French supervisory authority.",
  });
  return w.build({
    templateId: "public-summary",
    title: {
      fr: "L'essentiel de la convention de responsabilité conjointe",
      en: "The essence of the joint-controller arrangement",
    },
    subtitle: {
      fr: `Article 26, paragraphe 2, du RGPD – ${data.ent.name}`,
      en: `GDPR Article 26(2) – ${data.ent.name}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.informationBy,
  });
}

export const publicSummaryTemplate = defineTemplate({
  id: "public-summary",
  title: { fr: "Grandes lignes de la convention (article 26.2)", en: "Public summary (Article 26(2))" },
  summary: {
    fr: "l'essentiel de la convention de responsabilité conjointe, à publier pour les familles",
    en: "the essence of the joint-controller arrangement, to publish for families",
  },
  basis: "GDPR Art. 26(2)-(3)",
  formats: ["html", "pdf", "docx"],
  schema,
  example: jointControllerExample(
    [ACADEMY, REGION, SCHOOL, SECOND_SCHOOL],
    "élèves du second degré",
    "JC-2026-002-PUB",
  ),
  write: writePublicSummary,
});
