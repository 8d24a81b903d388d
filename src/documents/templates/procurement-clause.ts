// `procurement-clause`: the personal data article of a public contract's special administrative terms (CCAP),
// binding whoever wins the tender as processor (GDPR Art. 28(3) a–h, 28(2) and 28(4)); the full agreement
// (`dpa`) is signed with the winner.

import { z } from "zod";
import { formatDuration } from "../../domain/duration.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { isoDate, organisation, period } from "./agreement-data.js";

const text = z.string().trim().min(1);

export const procurementClauseData = z.object({
  reference: text,
  issuedOn: isoDate,
  buyer: organisation,
  contract: z.object({ title: text, number: text }),
  /** The article's number in the CCAP. */
  article: z.number().int().min(1),
  purposes: z.array(text).min(1),
  dataCategories: z.array(text).min(1),
  dataSubjects: z.array(text).min(1),
  hosting: text,
  authorisation: z.enum(["general", "specific"]),
  endOfContract: z.enum(["deletion", "return"]),
  periods: z.object({
    breachNotification: period,
    requestForwarding: period,
    subprocessorNotice: period,
    endOfContract: period,
    auditNotice: period,
  }),
  /** The penalty per day of delay in a notice, in euros; none when absent. */
  penaltyPerDay: z.number().int().min(1).optional(),
});

export function writeProcurementClause(
  data: z.output<typeof procurementClauseData>,
  lang: DocumentLanguage,
): DocumentModel {
  const w = new DocumentWriter(lang);
  const d = (key: keyof typeof data.periods) => formatDuration(data.periods[key], lang);
  const article = { label: { fr: "Article", en: "Article" }, number: data.article };
  w.fields([
    [{ fr: "Acheteur", en: "Buyer" }, `${data.buyer.name}, ${data.buyer.address}`],
    [{ fr: "Marché", en: "Contract" }, `${data.contract.title} (${data.contract.number})`],
  ]);
  w.clause(
    { fr: "Protection des données à caractère personnel", en: "Protection of personal data" },
    article,
  );
  w.point({
    fr: `Pour l'exécution du marché, le titulaire traite des données à caractère personnel pour le compte de l'acheteur, responsable de traitement ; il agit en qualité de sous-traitant au sens de l'article 28 du RGPD. L'objet du traitement est l'exécution des prestations du marché, pour sa durée ; les finalités du traitement sont : ${data.purposes.join(" ; ")}.`,
    en: `To perform the contract, the contractor processes personal data on behalf of the buyer, the controller; it acts as processor within the meaning of Article 28 GDPR. The subject-matter of the processing is the performance of the contract's services, for its duration; the purposes of the processing are: ${data.purposes.join("; ")}.`,
  });
  w.point({
    fr: `Les catégories de données sont : ${data.dataCategories.join(" ; ")} ; les personnes concernées sont : ${data.dataSubjects.join(" ; ")}. La nature du traitement comprend l'hébergement, la consultation et la suppression des données, hébergées dans le lieu suivant : ${data.hosting}.`,
    en: `The categories of data are: ${data.dataCategories.join("; ")}; the data subjects are: ${data.dataSubjects.join("; ")}. The nature of the processing covers hosting, consultation and deletion of the data, hosted in: ${data.hosting}.`,
  });
  w.point({
    fr: "Le titulaire ne traite les données que sur instruction documentée de l'acheteur, y compris pour tout transfert hors de l'Union européenne, et l'informe immédiatement de toute instruction qu'il estime contraire au RGPD.",
    en: "The contractor processes the data only on the buyer's documented instructions, including for any transfer outside the European Union, and immediately informs the buyer of any instruction it considers to infringe the GDPR.",
  });
  w.point({
    fr: "Il veille à ce que les personnes autorisées à traiter les données s'engagent à respecter la confidentialité, et met en œuvre les mesures techniques et organisationnelles de sécurité de l'article 32 du RGPD décrites dans son mémoire technique.",
    en: "It ensures that persons authorised to process the data have committed themselves to confidentiality, and implements the technical and organisational security measures of Article 32 GDPR described in its technical proposal.",
  });
  w.point(
    data.authorisation === "general"
      ? {
          fr: `Le titulaire peut recourir aux sous-traitants ultérieurs déclarés dans son offre ; il informe l'acheteur de tout ajout ou remplacement au moins ${d("subprocessorNotice")} à l'avance, l'acheteur pouvant s'y opposer. Il impose à chacun les mêmes obligations de protection des données et demeure pleinement responsable de leur exécution.`,
          en: `The contractor may use the sub-processors declared in its tender; it informs the buyer of any addition or replacement at least ${d("subprocessorNotice")} in advance, and the buyer may object. It imposes on each the same data protection obligations and remains fully liable for their performance.`,
        }
      : {
          fr: `Le titulaire ne recourt à un sous-traitant ultérieur qu'avec l'autorisation écrite spécifique et préalable de l'acheteur, demandée au moins ${d("subprocessorNotice")} à l'avance. Il impose à chacun les mêmes obligations de protection des données et demeure pleinement responsable de leur exécution.`,
          en: `The contractor uses a sub-processor only with the buyer's prior specific written authorisation, requested at least ${d("subprocessorNotice")} in advance. It imposes on each the same data protection obligations and remains fully liable for their performance.`,
        },
  );
  w.point({
    fr: `Le titulaire transmet à l'acheteur toute demande d'exercice des droits d'une personne concernée dans un délai de ${d("requestForwarding")}, et l'aide à y répondre ainsi qu'à respecter ses obligations des articles 32 à 36 du RGPD (sécurité, violations de données, analyse d'impact, consultation préalable).`,
    en: `The contractor forwards to the buyer any data subject request within ${d("requestForwarding")}, and helps the buyer answer it and meet its obligations under Articles 32 to 36 GDPR (security, data breaches, impact assessment, prior consultation).`,
  });
  w.point({
    fr: `Il notifie à l'acheteur toute violation de données à caractère personnel dans un délai de ${d("breachNotification")} après en avoir pris connaissance, avec les informations de l'article 33, paragraphe 3, du RGPD.`,
    en: `It notifies the buyer of any personal data breach within ${d("breachNotification")} after becoming aware of it, with the information of Article 33(3) GDPR.`,
  });
  w.point({
    fr: `Il met à la disposition de l'acheteur toutes les informations nécessaires pour démontrer le respect de ces obligations et permet la réalisation d'audits, y compris d'inspections, moyennant un préavis de ${d("auditNotice")}.`,
    en: `It makes available to the buyer all information necessary to demonstrate compliance with these obligations and allows audits, including inspections, with ${d("auditNotice")} notice.`,
  });
  w.point(
    data.endOfContract === "deletion"
      ? {
          fr: `Au terme du marché, le titulaire supprime toutes les données dans un délai de ${d("endOfContract")} et remet une attestation de suppression.`,
          en: `At the end of the contract, the contractor deletes all the data within ${d("endOfContract")} and delivers a deletion certificate.`,
        }
      : {
          fr: `Au terme du marché, le titulaire restitue toutes les données à l'acheteur dans un délai de ${d("endOfContract")}, dans un format ouvert, puis supprime ses copies et remet une attestation.`,
          en: `At the end of the contract, the contractor returns all the data to the buyer within ${d("endOfContract")}, in an open format, then deletes its copies and delivers a certificate.`,
        },
  );
  w.point({
    fr: `Le titulaire signe avec l'acheteur, avant le début d'exécution, l'accord de sous-traitance qui précise ces engagements.${data.penaltyPerDay === undefined ? "" : ` Tout retard dans une notification ou une transmission prévue au présent article donne lieu à une pénalité de ${data.penaltyPerDay} euros par jour, sans mise en demeure préalable.`}`,
    en: `Before performance starts, the contractor signs with the buyer the data processing agreement that details these commitments.${data.penaltyPerDay === undefined ? "" : ` Any delay in a notice or transmission this article provides for incurs a penalty of ${data.penaltyPerDay} euros per day, without prior formal notice.`}`,
  });
  return w.build({
    templateId: "procurement-clause",
    title: {
      fr: "Clause « données personnelles » du CCAP",
      en: "Personal data clause of the special terms (CCAP)",
    },
    subtitle: {
      fr: `Article 28 du RGPD – ${data.contract.title}`,
      en: `GDPR Article 28 – ${data.contract.title}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.buyer.name,
  });
}

export const procurementClauseTemplate = defineTemplate({
  id: "procurement-clause",
  title: { fr: "Clause de sous-traitance du CCAP", en: "Processor clause for a public contract" },
  summary: {
    fr: "l'article du CCAP qui engage le futur titulaire comme sous-traitant (annexe RGPD du marché)",
    en: "the CCAP article binding the future contractor as processor",
  },
  basis: "GDPR Art. 28(2)-(4)",
  formats: ["docx", "pdf", "html"],
  schema: procurementClauseData,
  example: {
    reference: "CCAP-ENT-2026",
    issuedOn: "2026-03-02",
    buyer: { name: "Région Auvergne-Rhône-Alpes", address: "1 esplanade François Mitterrand, 69002 Lyon" },
    contract: {
      title: "Fourniture, hébergement et maintenance d'un espace numérique de travail",
      number: "2026-ENT-01",
    },
    article: 12,
    purposes: ["Donner accès aux services numériques éducatifs", "Assistance aux utilisateurs"],
    dataCategories: [
      "Identité et identifiants",
      "Scolarité",
      "Messages et contenus déposés",
      "Journaux de connexion",
    ],
    dataSubjects: ["Élèves", "Responsables légaux", "Personnels"],
    hosting: "Union européenne",
    authorisation: "general",
    endOfContract: "return",
    periods: {
      breachNotification: "24 heures",
      requestForwarding: "2 jours ouvrés",
      subprocessorNotice: "30 jours",
      endOfContract: "30 jours",
      auditNotice: "15 jours",
    },
    penaltyPerDay: 200,
  },
  write: writeProcurementClause,
});
