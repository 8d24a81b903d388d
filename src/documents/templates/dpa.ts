// `dpa`: the data-processing agreement between a controller and its processor (GDPR Art. 28(3) a–h, 28(2)
// and 28(4)), laid out like the Commission's standard clauses (Implementing Decision 2021/915): three
// sections of numbered clauses, then the annexes (parties, processing, measures, sub-processors).

import { z } from "zod";
import { formatDuration } from "../../domain/duration.js";
import { type TermId, TRANSFER_RULES } from "../../domain/terms.js";
import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import {
  isoDate,
  measure,
  party,
  partyFields,
  period,
  processing,
  subprocessor,
  TRANSFER_MECHANISM_WORDS,
} from "./agreement-data.js";

export const GOVERNING_LAWS = {
  FR: { fr: "le droit français", en: "French law" },
  BE: { fr: "le droit belge", en: "Belgian law" },
} as const;

export const dpaData = z.object({
  reference: z.string().trim().min(1),
  issuedOn: isoDate,
  place: z.string().trim().min(1),
  controller: party,
  processor: party,
  /** The service the processor provides, in a few words: "l'espace numérique de travail des collèges". */
  service: z.string().trim().min(1),
  processing,
  measures: z.array(measure).min(1),
  subprocessors: z.array(subprocessor).default([]),
  options: z.object({
    /** GDPR Art. 28(2): each sub-processor approved in advance, or a list the controller may object to. */
    authorisation: z.enum(["general", "specific"]),
    /** What the controller's silence at the end of the window means. */
    silence: z.enum(["accepted", "refused"]),
    /** GDPR Art. 28(3)(g): the controller's choice at signature, which it may change before the end. */
    endOfContract: z.enum(["deletion", "return"]),
    transfers: z.enum(TRANSFER_RULES),
  }),
  periods: z.object({
    breachNotification: period,
    requestForwarding: period,
    requestAssistance: period,
    correction: period,
    subprocessorNotice: period,
    endOfContract: period,
    backupDeletion: period,
    auditNotice: period,
    correctiveActions: period,
    terminationNotice: period,
    logRetention: period,
    confidentialitySurvival: period,
  }),
  auditsPerYear: z.number().int().min(1).max(12),
  governingLaw: z.enum(["FR", "BE"]),
});
export type DpaData = z.output<typeof dpaData>;

/** The agreement term each period of the data sets: the analyzer reads them back under these ids. */
export const DPA_PERIOD_TERMS: Readonly<Record<keyof DpaData["periods"], TermId>> = {
  breachNotification: "breach_notification_to_controller",
  requestForwarding: "dsr_forwarding_to_controller",
  requestAssistance: "dsr_assistance",
  correction: "data_deletion_on_request",
  subprocessorNotice: "subprocessor_objection_period",
  endOfContract: "deletion_after_termination",
  backupDeletion: "backup_deletion",
  auditNotice: "audit_notice",
  correctiveActions: "corrective_action_plan",
  terminationNotice: "termination_notice",
  logRetention: "log_retention",
  confidentialitySurvival: "confidentiality_survival",
};

const EXAMPLE_PARTY_CONTROLLER = {
  name: "Collège Jean Rostand",
  address: "12 rue des Tilleuls, 69003 Lyon",
  identifier: "UAI 0690001A",
  signatory: { name: "Claire Martin", title: "principale" },
  contact: { name: "Paul Durand", email: "ce.0690001a@ac-lyon.example" },
  dpo: { name: "Délégation à la protection des données de l'académie", email: "dpd@ac-lyon.example" },
};

const EXAMPLE_PARTY_PROCESSOR = {
  name: "Édunuage SAS",
  address: "4 quai Perrache, 69002 Lyon",
  identifier: "SIREN 732 829 320",
  signatory: { name: "Nadia Benali", title: "présidente" },
  contact: { name: "Support établissements", email: "etablissements@edunuage.example" },
  dpo: { name: "Hugo Lefèvre", email: "dpo@edunuage.example" },
};

export const DPA_EXAMPLE: z.input<typeof dpaData> = {
  reference: "DPA-2026-014",
  issuedOn: "2026-09-01",
  place: "Lyon",
  controller: EXAMPLE_PARTY_CONTROLLER,
  processor: EXAMPLE_PARTY_PROCESSOR,
  service: "la fourniture et l'hébergement de l'espace numérique de travail du collège",
  processing: {
    subjectMatter: "Hébergement, maintenance et assistance de l'espace numérique de travail",
    nature: "Collecte, enregistrement, consultation, hébergement, sauvegarde et suppression",
    purposes: [
      "Donner accès aux services numériques de l'établissement",
      "Permettre la communication entre l'établissement, les élèves et leurs familles",
    ],
    dataCategories: [
      { name: "Identité et identifiants de connexion" },
      { name: "Classe, emploi du temps et cahier de textes" },
      { name: "Messages échangés dans l'espace" },
      { name: "Journaux de connexion" },
    ],
    dataSubjects: ["Élèves", "Responsables légaux", "Personnels de l'établissement"],
    duration: "La durée du contrat de service, soit trois années scolaires",
    location: "Union européenne (France)",
    retention: "Jusqu'à la fin de l'année scolaire suivant le départ de la personne",
  },
  measures: [
    {
      category: "Contrôle d'accès",
      description: "Authentification par le guichet académique, droits par profil",
    },
    { category: "Chiffrement", description: "TLS 1.2 ou plus en transit, AES-256 au repos" },
    { category: "Traçabilité", description: "Journalisation des accès et des actions d'administration" },
    { category: "Sauvegarde", description: "Sauvegarde quotidienne chiffrée sur un second site en France" },
  ],
  subprocessors: [
    {
      name: "Hébergeur Rhône SAS",
      address: "8 avenue Tony Garnier, 69007 Lyon",
      activity: "Hébergement des serveurs",
      location: "France",
    },
  ],
  options: {
    authorisation: "general",
    silence: "accepted",
    endOfContract: "deletion",
    transfers: "prohibited",
  },
  periods: {
    breachNotification: "24 heures",
    requestForwarding: "2 jours ouvrés",
    requestAssistance: "5 jours ouvrés",
    correction: "3 jours ouvrés",
    subprocessorNotice: "30 jours",
    endOfContract: "30 jours",
    backupDeletion: "90 jours",
    auditNotice: "15 jours",
    correctiveActions: "60 jours",
    terminationNotice: "3 mois",
    logRetention: "1 an",
    confidentialitySurvival: "5 ans",
  },
  auditsPerYear: 1,
  governingLaw: "FR",
};

function listed(values: readonly string[], lang: DocumentLanguage): string {
  return values.join(lang === "fr" ? " ; " : "; ");
}

export function writeDpa(data: DpaData, lang: DocumentLanguage): DocumentModel {
  const w = new DocumentWriter(lang);
  const c = data.controller.name;
  const p = data.processor.name;
  const d = (key: keyof DpaData["periods"]): string => formatDuration(data.periods[key], lang);
  const { options } = data;

  w.fields([
    [{ fr: "Référence", en: "Reference" }, data.reference],
    [{ fr: "Responsable de traitement", en: "Controller" }, c],
    [{ fr: "Sous-traitant", en: "Processor" }, p],
    [{ fr: "Service", en: "Service" }, data.service],
  ]);
  w.contents();

  w.section({ fr: "Section I – Dispositions générales", en: "Section I – General provisions" });
  w.clause({ fr: "Objet et champ d'application", en: "Purpose and scope" });
  w.point({
    fr: `Le présent accord est conclu entre ${c} (ci-après « le responsable de traitement ») et ${p} (ci-après « le sous-traitant »). Il fixe les conditions dans lesquelles le sous-traitant traite des données à caractère personnel pour le compte du responsable de traitement dans le cadre de ${data.service}, conformément à l'article 28, paragraphes 3 et 4, du règlement (UE) 2016/679 (RGPD).`,
    en: `This agreement is made between ${c} (hereinafter “the controller”) and ${p} (hereinafter “the processor”). It sets the terms on which the processor processes personal data on behalf of the controller for ${data.service}, in accordance with Article 28(3) and (4) of Regulation (EU) 2016/679 (GDPR).`,
  });
  w.point({
    fr: "Les annexes I à IV font partie intégrante de l'accord : la liste des parties, la description du traitement, les mesures techniques et organisationnelles et la liste des sous-traitants ultérieurs.",
    en: "Annexes I to IV are an integral part of the agreement: the list of parties, the description of the processing, the technical and organisational measures and the list of sub-processors.",
  });
  w.point({
    fr: "Aucune disposition d'un autre contrat liant les parties ne peut réduire la protection que le présent accord assure aux personnes concernées ; en cas de contradiction, le présent accord l'emporte.",
    en: "No term of another contract between the parties may lessen the protection this agreement gives data subjects; where they conflict, this agreement prevails.",
  });
  w.clause({ fr: "Interprétation et modifications", en: "Interpretation and changes" });
  w.point({
    fr: "Les termes définis par le RGPD, tels que « données à caractère personnel », « traitement » ou « violation de données à caractère personnel », ont dans le présent accord le sens que leur donne ce règlement.",
    en: "Terms the GDPR defines, such as “personal data”, “processing” or “personal data breach”, have in this agreement the meaning that Regulation gives them.",
  });
  w.point({
    fr: "Seules les annexes peuvent être complétées ou mises à jour en cours d'exécution, par écrit et d'un commun accord ; le texte des clauses ne change que par avenant signé des deux parties.",
    en: "Only the annexes may be completed or updated while the agreement runs, in writing and by mutual consent; the clauses themselves change only by an amendment both parties sign.",
  });

  w.section({ fr: "Section II – Obligations des parties", en: "Section II – Obligations of the parties" });
  w.clause({ fr: "Description du traitement", en: "Description of the processing" });
  w.point({
    fr: `L'objet du traitement est le suivant : ${data.processing.subjectMatter}. La durée du traitement est la suivante : ${data.processing.duration}.`,
    en: `The subject-matter of the processing is: ${data.processing.subjectMatter}. The duration of the processing is: ${data.processing.duration}.`,
  });
  w.point({
    fr: `La nature du traitement est la suivante : ${data.processing.nature}. Les finalités du traitement sont les suivantes : ${listed(data.processing.purposes, lang)}.`,
    en: `The nature of the processing is: ${data.processing.nature}. The purposes of the processing are: ${listed(data.processing.purposes, lang)}.`,
  });
  w.point({
    fr: `Les catégories de données traitées et les catégories de personnes concernées sont décrites à l'annexe II ; les personnes concernées sont : ${listed(data.processing.dataSubjects, lang)}.`,
    en: `The categories of personal data processed and the categories of data subjects are described in Annex II; the data subjects are: ${listed(data.processing.dataSubjects, lang)}.`,
  });

  w.clause({ fr: "Instructions du responsable de traitement", en: "The controller's instructions" });
  w.point({
    fr: `Le sous-traitant ne traite les données que sur instruction documentée de ${c}, y compris pour tout transfert de données vers un pays tiers ou une organisation internationale.`,
    en: `The processor processes the data only on documented instructions from ${c}, including for any transfer of data to a third country or an international organisation.`,
  });
  w.point({
    fr: "Lorsque le droit de l'Union ou d'un État membre oblige le sous-traitant à traiter les données autrement, il en informe le responsable de traitement avant le traitement, sauf si ce droit l'interdit pour un motif important d'intérêt public.",
    en: "Where Union or Member State law requires the processor to process the data otherwise, it tells the controller before processing, unless that law forbids it on important grounds of public interest.",
  });
  w.point({
    fr: "Le sous-traitant informe immédiatement le responsable de traitement si, selon lui, une instruction constitue une violation du RGPD ou d'autres règles de protection des données ; il peut suspendre l'exécution de l'instruction contestée jusqu'à sa confirmation ou sa modification.",
    en: "The processor immediately informs the controller if, in its opinion, an instruction infringes the GDPR or other data protection rules; it may suspend carrying out the disputed instruction until the controller confirms or changes it.",
  });
  w.point({
    fr: "Les instructions sont données par écrit, y compris par courrier électronique, à l'adresse de contact du sous-traitant indiquée à l'annexe I ; chaque partie les conserve avec le présent accord.",
    en: "Instructions are given in writing, e-mail included, to the processor's contact address in Annex I; each party keeps them with this agreement.",
  });

  w.clause({ fr: "Finalité et durée", en: "Purpose limitation and duration" });
  w.point({
    fr: "Le sous-traitant ne traite les données que pour les finalités décrites à l'annexe II et pour la durée qui y est indiquée ; il ne les utilise à aucune fin qui lui serait propre.",
    en: "The processor processes the data only for the purposes in Annex II and for the duration stated there; it uses them for no purpose of its own.",
  });

  w.clause({ fr: "Confidentialité", en: "Confidentiality" });
  w.point({
    fr: "Le sous-traitant n'accorde l'accès aux données qu'aux membres de son personnel qui en ont besoin pour exécuter le contrat, et veille à ce que les personnes autorisées à traiter les données s'engagent à respecter la confidentialité ou soient soumises à une obligation légale de confidentialité.",
    en: "The processor gives access to the data only to staff members who need it to perform the contract, and ensures that persons authorised to process the data have committed themselves to confidentiality or are under an appropriate statutory obligation of confidentiality.",
  });
  w.point({
    fr: `Cette obligation de confidentialité survit ${d("confidentialitySurvival")} à la fin du présent accord.`,
    en: `This confidentiality obligation survives for ${d("confidentialitySurvival")} after the end of this agreement.`,
  });

  w.clause({ fr: "Sécurité du traitement", en: "Security of processing" });
  w.point({
    fr: "Le sous-traitant met en œuvre au moins les mesures techniques et organisationnelles de l'annexe III afin de garantir un niveau de sécurité adapté au risque, conformément à l'article 32 du RGPD, notamment le chiffrement des données et la capacité de rétablir leur disponibilité après un incident.",
    en: "The processor implements at least the technical and organisational measures in Annex III to ensure a level of security appropriate to the risk, in accordance with Article 32 GDPR, including encryption of the data and the ability to restore their availability after an incident.",
  });
  w.point({
    fr: "Le sous-traitant réexamine ces mesures au moins une fois par an ; il ne peut les remplacer que par des mesures qui assurent un niveau de protection au moins équivalent, après en avoir informé le responsable de traitement.",
    en: "The processor reviews these measures at least once a year; it may replace them only by measures giving at least the same level of protection, after informing the controller.",
  });
  w.point({
    fr: `Les journaux de connexion et d'administration sont conservés pendant ${d("logRetention")}.`,
    en: `Connection and administration logs are kept for ${d("logRetention")}.`,
  });

  w.clause({ fr: "Sous-traitants ultérieurs", en: "Sub-processors" });
  if (options.authorisation === "specific") {
    w.point({
      fr: `Le sous-traitant n'engage aucun sous-traitant ultérieur sans l'autorisation écrite spécifique et préalable du responsable de traitement. Il adresse sa demande d'autorisation au moins ${d("subprocessorNotice")} avant l'engagement, avec les informations qui permettent au responsable de décider.`,
      en: `The processor engages no sub-processor without the controller's prior specific written authorisation. It sends its request for authorisation at least ${d("subprocessorNotice")} before the engagement, with the information the controller needs to decide.`,
    });
    w.point({
      fr:
        options.silence === "accepted"
          ? `Le responsable de traitement dispose d'un délai de ${d("subprocessorNotice")} pour accepter ou refuser la demande ; faute de réponse dans ce délai, son silence vaut acceptation.`
          : `Le responsable de traitement dispose d'un délai de ${d("subprocessorNotice")} pour accepter ou refuser la demande ; faute de réponse dans ce délai, son silence vaut refus.`,
      en:
        options.silence === "accepted"
          ? `The controller has ${d("subprocessorNotice")} to approve or reject the request; if it does not answer within that period, the request is deemed accepted.`
          : `The controller has ${d("subprocessorNotice")} to approve or reject the request; if it does not answer within that period, the request is deemed refused.`,
    });
    w.point({
      fr: "Les sous-traitants ultérieurs autorisés à la signature sont ceux de l'annexe IV.",
      en: "The sub-processors authorised at signature are those in Annex IV.",
    });
  } else {
    w.point({
      fr: "Le responsable de traitement donne au sous-traitant une autorisation écrite générale d'engager les sous-traitants ultérieurs de la liste de l'annexe IV.",
      en: "The controller gives the processor a general written authorisation to engage the sub-processors in the list in Annex IV.",
    });
    w.point({
      fr: `Le sous-traitant informe par écrit le responsable de traitement de tout ajout ou remplacement d'un sous-traitant ultérieur au moins ${d("subprocessorNotice")} à l'avance, en indiquant son nom, son activité et le lieu du traitement, afin que le responsable puisse s'y opposer.`,
      en: `The processor informs the controller in writing of any intended addition or replacement of a sub-processor at least ${d("subprocessorNotice")} in advance, giving its name, its activity and where it processes the data, so that the controller can object.`,
    });
    w.point({
      fr:
        options.silence === "accepted"
          ? `Le responsable de traitement peut formuler une objection motivée pendant un délai d'opposition de ${d("subprocessorNotice")} ; à l'expiration de ce délai, son silence vaut acceptation du changement.`
          : `Le responsable de traitement peut formuler une objection pendant un délai d'opposition de ${d("subprocessorNotice")} ; à l'expiration de ce délai, son silence vaut refus du changement, qui ne peut alors intervenir.`,
      en:
        options.silence === "accepted"
          ? `The controller may raise a reasoned objection within an objection period of ${d("subprocessorNotice")}; once that period ends without objection, the change is deemed accepted.`
          : `The controller may object within an objection period of ${d("subprocessorNotice")}; once that period ends without an answer, the change is deemed refused and cannot go ahead.`,
    });
  }
  w.point({
    fr: "Le sous-traitant impose à chaque sous-traitant ultérieur, par contrat, les mêmes obligations en matière de protection des données que celles du présent accord, en particulier des garanties suffisantes quant aux mesures techniques et organisationnelles.",
    en: "The processor imposes on each sub-processor, by contract, the same data protection obligations as those in this agreement, in particular sufficient guarantees as to technical and organisational measures.",
  });
  w.point({
    fr: "Le sous-traitant demeure pleinement responsable devant le responsable de traitement de l'exécution de leurs obligations par les sous-traitants ultérieurs ; il fournit sur demande une copie de leurs contrats, dont les secrets d'affaires peuvent être occultés.",
    en: "The processor remains fully liable to the controller for the sub-processors' performance of their obligations; on request it provides a copy of their contracts, with business secrets blacked out where needed.",
  });

  w.clause({
    fr: "Transferts hors de l'Espace économique européen",
    en: "Transfers outside the European Economic Area",
  });
  w.point(
    options.transfers === "prohibited"
      ? {
          fr: "Aucun transfert de données vers un pays tiers ou une organisation internationale n'est autorisé ; les données sont hébergées et consultées dans l'Union européenne.",
          en: "No transfer of data to a third country or an international organisation is allowed; the data are hosted and accessed within the European Union.",
        }
      : options.transfers === "with_authorization"
        ? {
            fr: "Tout transfert de données vers un pays tiers exige l'autorisation écrite préalable du responsable de traitement et l'un des encadrements du chapitre V du RGPD.",
            en: "Any transfer of data to a third country requires the controller's prior written authorisation and one of the safeguards of Chapter V GDPR.",
          }
        : {
            fr: "Un transfert de données vers un pays tiers n'est possible qu'avec l'un des encadrements du chapitre V du RGPD, indiqué à l'annexe IV pour chaque sous-traitant ultérieur concerné.",
            en: "A transfer of data to a third country may take place only under one of the safeguards of Chapter V GDPR, stated in Annex IV for each sub-processor concerned.",
          },
  );

  w.clause({ fr: "Assistance au responsable de traitement", en: "Assistance to the controller" });
  w.point({
    fr: `Le sous-traitant transmet au responsable de traitement toute demande d'exercice des droits qu'il reçoit d'une personne concernée, dans un délai de ${d("requestForwarding")}, sans y répondre lui-même sauf instruction contraire.`,
    en: `The processor forwards to the controller any data subject request it receives, within ${d("requestForwarding")}, and does not answer it itself unless instructed to.`,
  });
  w.point({
    fr: `Le sous-traitant aide le responsable de traitement à donner suite aux demandes d'exercice des droits des personnes concernées (chapitre III du RGPD) et lui fournit les informations demandées dans un délai de ${d("requestAssistance")}.`,
    en: `The processor helps the controller respond to requests from data subjects exercising their rights (Chapter III GDPR) and provides the information requested within ${d("requestAssistance")}.`,
  });
  w.point({
    fr: `À la demande du responsable de traitement, le sous-traitant rectifie ou efface les données concernées dans un délai de ${d("correction")}.`,
    en: `At the controller's request, the processor corrects or erases the data concerned within ${d("correction")}.`,
  });
  w.point({
    fr: "Le sous-traitant aide le responsable de traitement à respecter ses obligations des articles 32 à 36 du RGPD : la sécurité du traitement, la notification et la communication des violations de données, l'analyse d'impact relative à la protection des données et la consultation préalable de l'autorité de contrôle.",
    en: "The processor helps the controller meet its obligations under Articles 32 to 36 GDPR: security of processing, notification and communication of data breaches, the data protection impact assessment and prior consultation of the supervisory authority.",
  });

  w.clause({ fr: "Violations de données à caractère personnel", en: "Personal data breaches" });
  w.point({
    fr: `Le sous-traitant notifie au responsable de traitement toute violation de données à caractère personnel dans un délai de ${d("breachNotification")} après en avoir pris connaissance, à l'adresse de contact indiquée à l'annexe I.`,
    en: `The processor notifies the controller of any personal data breach within ${d("breachNotification")} after becoming aware of it, at the contact address in Annex I.`,
  });
  w.point({
    fr: "La notification décrit la nature de la violation, les catégories et le nombre approximatif de personnes et d'enregistrements concernés, le point de contact, les conséquences probables et les mesures prises ou proposées ; les informations qui ne sont pas encore connues sont communiquées par étapes, dès qu'elles le sont.",
    en: "The notice describes the nature of the breach, the categories and approximate numbers of people and records concerned, the contact point, the likely consequences and the measures taken or proposed; what is not yet known is sent in phases as soon as it is.",
  });
  w.point({
    fr: "Le sous-traitant aide le responsable de traitement à notifier la violation à l'autorité de contrôle et, lorsque le risque est élevé, à la communiquer aux personnes concernées.",
    en: "The processor helps the controller notify the breach to the supervisory authority and, where the risk is high, communicate it to the data subjects.",
  });

  w.clause({ fr: "Documentation et audits", en: "Documentation and audits" });
  w.point({
    fr: "Le sous-traitant met à la disposition du responsable de traitement toutes les informations nécessaires pour démontrer le respect des obligations du présent accord et de l'article 28 du RGPD.",
    en: "The processor makes available to the controller all information necessary to demonstrate compliance with the obligations of this agreement and of Article 28 GDPR.",
  });
  w.point({
    fr: `Il permet la réalisation d'audits, y compris d'inspections, par le responsable de traitement ou un auditeur qu'il mandate, à raison d'au plus ${data.auditsPerYear === 1 ? "un audit par an" : `${data.auditsPerYear} audits par an`}, avec un préavis de ${d("auditNotice")} ; un audit supplémentaire est possible à tout moment après une violation de données.`,
    en: `It allows for and contributes to audits, including inspections, by the controller or an auditor it mandates, up to ${data.auditsPerYear === 1 ? "one audit per year" : `${data.auditsPerYear} audits per year`}, with ${d("auditNotice")} notice; a further audit may take place at any time after a data breach.`,
  });
  w.point({
    fr: `Le sous-traitant met en œuvre les actions correctives qu'un audit rend nécessaires dans un délai de ${d("correctiveActions")} après la remise du rapport. Chaque partie supporte ses propres frais d'audit.`,
    en: `The processor carries out the corrective actions an audit calls for within ${d("correctiveActions")} of receiving the report. Each party bears its own audit costs.`,
  });

  w.section({ fr: "Section III – Dispositions finales", en: "Section III – Final provisions" });
  w.clause({ fr: "Durée, suspension et résiliation", en: "Duration, suspension and termination" });
  w.point({
    fr: "Le présent accord prend effet à sa signature et dure aussi longtemps que le sous-traitant traite des données pour le compte du responsable de traitement.",
    en: "This agreement takes effect on signature and lasts as long as the processor processes data on behalf of the controller.",
  });
  w.point({
    fr: "Si le sous-traitant manque à ses obligations, le responsable de traitement peut suspendre le traitement jusqu'à ce que le manquement cesse ; faute de retour à la conformité dans le mois qui suit la suspension, il peut résilier l'accord.",
    en: "If the processor fails its obligations, the controller may suspend the processing until the failure ends; if compliance is not restored within one month of the suspension, it may terminate the agreement.",
  });
  w.point({
    fr: `Chaque partie peut résilier le présent accord avec un préavis de ${d("terminationNotice")}, notifié par lettre recommandée avec accusé de réception.`,
    en: `Either party may terminate this agreement with ${d("terminationNotice")} notice, given by registered letter with acknowledgement of receipt.`,
  });

  w.clause({ fr: "Sort des données à la fin du contrat", en: "The data at the end of the contract" });
  w.point(
    options.endOfContract === "deletion"
      ? {
          fr: `Au terme de la prestation, le sous-traitant supprime toutes les données à caractère personnel traitées pour le compte du responsable de traitement dans un délai de ${d("endOfContract")}, sans en renvoyer de copie, et en justifie par une attestation de suppression.`,
          en: `At the end of the service, the processor deletes all personal data processed on behalf of the controller within ${d("endOfContract")}, without returning a copy, and evidences it by a deletion certificate.`,
        }
      : {
          fr: `Au terme de la prestation, le sous-traitant renvoie au responsable de traitement toutes les données à caractère personnel dans un format structuré et couramment utilisé dans un délai de ${d("endOfContract")}, puis supprime les copies existantes et en justifie par une attestation de restitution.`,
          en: `At the end of the service, the processor returns all personal data to the controller in a structured, commonly used format within ${d("endOfContract")}, then deletes the existing copies and evidences it by a return certificate.`,
        },
  );
  w.point({
    fr: `Les copies de sauvegarde sont effacées dans un délai de ${d("backupDeletion")} après la fin du contrat, sauf si le droit de l'Union ou d'un État membre exige leur conservation.`,
    en: `Backup copies are erased within ${d("backupDeletion")} after the end of the contract, unless Union or Member State law requires that they be kept.`,
  });
  w.point({
    fr: "Le responsable de traitement peut modifier son choix entre la suppression et la restitution des données par écrit jusqu'à la fin du contrat.",
    en: "The controller may change its choice between deletion and return of the data in writing until the end of the contract.",
  });

  w.clause({ fr: "Droit applicable", en: "Governing law" });
  w.point({
    fr: `Le présent accord est régi par ${GOVERNING_LAWS[data.governingLaw].fr} ; les parties recherchent une solution amiable avant de saisir la juridiction compétente.`,
    en: `This agreement is governed by ${GOVERNING_LAWS[data.governingLaw].en}; the parties seek an amicable settlement before going to the competent court.`,
  });

  w.signatures(
    {
      fr: `Fait à ${data.place}, le ${frenchDate(data.issuedOn)}, en deux exemplaires.`,
      en: `Signed at ${data.place} on ${englishDate(data.issuedOn)}, in two copies.`,
    },
    [
      {
        heading: { fr: "Pour le responsable de traitement", en: "For the controller" },
        organisation: c,
        person: `${data.controller.signatory.name}, ${data.controller.signatory.title}`,
      },
      {
        heading: { fr: "Pour le sous-traitant", en: "For the processor" },
        organisation: p,
        person: `${data.processor.signatory.name}, ${data.processor.signatory.title}`,
      },
    ],
  );

  w.pageBreak();
  w.section({ fr: "Annexe I – Liste des parties", en: "Annex I – List of parties" });
  w.heading({ fr: "Responsable de traitement", en: "Controller" }, 3);
  w.fields(partyFields(data.controller));
  w.heading({ fr: "Sous-traitant", en: "Processor" }, 3);
  w.fields(partyFields(data.processor));

  w.section({ fr: "Annexe II – Description du traitement", en: "Annex II – Description of the processing" });
  w.fields([
    [{ fr: "Objet", en: "Subject-matter" }, data.processing.subjectMatter],
    [{ fr: "Nature des opérations", en: "Nature of the operations" }, data.processing.nature],
    [{ fr: "Finalités", en: "Purposes" }, listed(data.processing.purposes, lang)],
    [{ fr: "Personnes concernées", en: "Data subjects" }, listed(data.processing.dataSubjects, lang)],
    [
      { fr: "Catégories de données", en: "Categories of data" },
      listed(
        data.processing.dataCategories.map((category) =>
          category.sensitive
            ? `${category.name} (${lang === "fr" ? "donnée sensible" : "sensitive data"})`
            : category.name,
        ),
        lang,
      ),
    ],
    [{ fr: "Durée", en: "Duration" }, data.processing.duration],
    [{ fr: "Conservation", en: "Retention" }, data.processing.retention],
    [{ fr: "Lieu du traitement", en: "Place of processing" }, data.processing.location],
  ]);

  w.section({
    fr: "Annexe III – Mesures techniques et organisationnelles",
    en: "Annex III – Technical and organisational measures",
  });
  w.table(
    [
      { fr: "Domaine", en: "Area" },
      { fr: "Mesure", en: "Measure" },
    ],
    data.measures.map((m) => [m.category, m.description]),
    { widths: [1, 3] },
  );

  w.section({ fr: "Annexe IV – Sous-traitants ultérieurs", en: "Annex IV – Sub-processors" });
  if (data.subprocessors.length === 0) {
    w.paragraph({
      fr: "Aucun sous-traitant ultérieur n'est autorisé à la signature.",
      en: "No sub-processor is authorised at signature.",
    });
  } else {
    w.table(
      [
        { fr: "Nom", en: "Name" },
        { fr: "Adresse", en: "Address" },
        { fr: "Activité", en: "Activity" },
        { fr: "Lieu", en: "Location" },
        { fr: "Encadrement des transferts", en: "Transfer safeguard" },
      ],
      data.subprocessors.map((s) => [
        s.name,
        s.address,
        s.activity,
        s.location,
        TRANSFER_MECHANISM_WORDS[s.transferMechanism],
      ]),
      { widths: [2, 2, 2, 1, 2] },
    );
  }

  return w.build({
    templateId: "dpa",
    title: {
      fr: "Accord de sous-traitance de données à caractère personnel",
      en: "Data processing agreement",
    },
    subtitle: {
      fr: `Article 28 du RGPD – entre ${c} et ${p}`,
      en: `GDPR Article 28 – between ${c} and ${p}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: c,
  });
}

export const dpaTemplate = defineTemplate({
  id: "dpa",
  title: { fr: "Accord de sous-traitance (article 28)", en: "Data processing agreement (Article 28)" },
  summary: {
    fr: "contrat entre un responsable de traitement et son sous-traitant, avec ses quatre annexes",
    en: "the contract between a controller and its processor, with its four annexes",
  },
  basis: "GDPR Art. 28(2)-(4)",
  formats: ["docx", "pdf", "html"],
  schema: dpaData,
  example: DPA_EXAMPLE,
  write: writeDpa,
});
