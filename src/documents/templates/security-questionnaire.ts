// `security-questionnaire`: the questions a school or its authority sends a vendor before choosing it (GDPR
// Art. 28(1): sufficient guarantees; Art. 32), and, once answered, each answer scored and each section's score.

import { z } from "zod";
import type { LocalizedText } from "../../domain/error.js";
import type { DocumentLanguage, DocumentModel } from "../model/document-model.js";
import { DocumentWriter } from "../model/document-writer.js";
import { defineTemplate } from "../template.js";
import { isoDate, organisation } from "./agreement-data.js";

interface Question {
  readonly id: string;
  readonly section: LocalizedText;
  readonly text: LocalizedText;
  readonly weight: number;
}

const GOVERNANCE = { fr: "Gouvernance", en: "Governance" };
const ACCESS = { fr: "Accès et identités", en: "Access and identities" };
const CRYPTO = { fr: "Chiffrement et hébergement", en: "Encryption and hosting" };
const OPERATIONS = { fr: "Exploitation", en: "Operations" };
const INCIDENTS = { fr: "Incidents et fin de contrat", en: "Incidents and end of contract" };

export const QUESTIONS: readonly Question[] = [
  {
    id: "G1",
    section: GOVERNANCE,
    weight: 2,
    text: {
      fr: "Avez-vous désigné un délégué à la protection des données joignable par vos clients ?",
      en: "Have you appointed a data protection officer your customers can reach?",
    },
  },
  {
    id: "G2",
    section: GOVERNANCE,
    weight: 2,
    text: {
      fr: "Tenez-vous le registre des traitements effectués pour le compte de vos clients (article 30, paragraphe 2) ?",
      en: "Do you keep the record of the processing you carry out for your customers (Article 30(2))?",
    },
  },
  {
    id: "G3",
    section: GOVERNANCE,
    weight: 1,
    text: {
      fr: "Vos personnels ayant accès aux données sont-ils tenus à la confidentialité et formés chaque année ?",
      en: "Are your staff with access to the data bound to confidentiality and trained every year?",
    },
  },
  {
    id: "G4",
    section: GOVERNANCE,
    weight: 1,
    text: {
      fr: "Disposez-vous d'une certification de sécurité en cours de validité (ISO/IEC 27001, SecNumCloud…) ?",
      en: "Do you hold a current security certification (ISO/IEC 27001, SecNumCloud…)?",
    },
  },
  {
    id: "A1",
    section: ACCESS,
    weight: 2,
    text: {
      fr: "Les usagers se connectent-ils par le guichet d'authentification académique ou un fournisseur d'identité de l'établissement ?",
      en: "Do users sign in through the academic authentication service or an identity provider of the school?",
    },
  },
  {
    id: "A2",
    section: ACCESS,
    weight: 2,
    text: {
      fr: "Les comptes d'administration sont-ils nominatifs et protégés par une double authentification ?",
      en: "Are administration accounts personal and protected by two-factor authentication?",
    },
  },
  {
    id: "A3",
    section: ACCESS,
    weight: 1,
    text: {
      fr: "Les droits sont-ils attribués par profil et revus au moins une fois par an ?",
      en: "Are access rights granted by role and reviewed at least once a year?",
    },
  },
  {
    id: "C1",
    section: CRYPTO,
    weight: 2,
    text: {
      fr: "Les échanges sont-ils chiffrés (TLS 1.2 ou plus) et les données chiffrées au repos ?",
      en: "Is traffic encrypted (TLS 1.2 or later) and are the data encrypted at rest?",
    },
  },
  {
    id: "C2",
    section: CRYPTO,
    weight: 2,
    text: {
      fr: "Les données et leurs sauvegardes sont-elles hébergées dans l'Union européenne, sans accès depuis un pays tiers ?",
      en: "Are the data and their backups hosted in the European Union, with no access from a third country?",
    },
  },
  {
    id: "C3",
    section: CRYPTO,
    weight: 1,
    text: {
      fr: "Publiez-vous la liste de vos sous-traitants ultérieurs avec leur activité et leur pays ?",
      en: "Do you publish the list of your sub-processors with their activity and country?",
    },
  },
  {
    id: "O1",
    section: OPERATIONS,
    weight: 2,
    text: {
      fr: "Les accès aux données sont-ils journalisés et les journaux conservés entre six mois et un an ?",
      en: "Is access to the data logged and are the logs kept between six months and a year?",
    },
  },
  {
    id: "O2",
    section: OPERATIONS,
    weight: 2,
    text: {
      fr: "Les sauvegardes sont-elles quotidiennes, chiffrées, et leur restauration testée au moins une fois par an ?",
      en: "Are backups daily and encrypted, and is restoring them tested at least once a year?",
    },
  },
  {
    id: "O3",
    section: OPERATIONS,
    weight: 1,
    text: {
      fr: "Les correctifs de sécurité critiques sont-ils appliqués sous sept jours, et un test d'intrusion conduit chaque année ?",
      en: "Are critical security fixes applied within seven days, and a penetration test run every year?",
    },
  },
  {
    id: "I1",
    section: INCIDENTS,
    weight: 2,
    text: {
      fr: "Vous engagez-vous à notifier toute violation de données au responsable de traitement sous 48 heures au plus, avec le contenu de l'article 33, paragraphe 3 ?",
      en: "Do you undertake to notify any data breach to the controller within 48 hours at most, with the content of Article 33(3)?",
    },
  },
  {
    id: "I2",
    section: INCIDENTS,
    weight: 1,
    text: {
      fr: "Pouvez-vous restituer toutes les données dans un format ouvert et documenté ?",
      en: "Can you return all the data in an open, documented format?",
    },
  },
  {
    id: "I3",
    section: INCIDENTS,
    weight: 1,
    text: {
      fr: "Remettez-vous une attestation de suppression, sauvegardes comprises, à la fin du contrat ?",
      en: "Do you deliver a certificate of deletion, backups included, at the end of the contract?",
    },
  },
];

const ANSWERS = ["yes", "partial", "no", "not_applicable"] as const;
type Answer = (typeof ANSWERS)[number];
const ANSWER_VALUE: Record<Answer, number | null> = { yes: 1, partial: 0.5, no: 0, not_applicable: null };
const ANSWER_WORDS: Record<Answer | "none", LocalizedText> = {
  yes: { fr: "Oui", en: "Yes" },
  partial: { fr: "En partie", en: "Partly" },
  no: { fr: "Non", en: "No" },
  not_applicable: { fr: "Sans objet", en: "Not applicable" },
  none: { fr: "Sans réponse", en: "No answer" },
};

export const securityQuestionnaireData = z.object({
  reference: z.string().trim().min(1),
  issuedOn: isoDate,
  requester: organisation,
  vendor: organisation,
  service: z.string().trim().min(1),
  /** The vendor's answers by question id; a question without one is scored as not met. */
  answers: z
    .record(z.string(), z.object({ answer: z.enum(ANSWERS), comment: z.string().trim().optional() }))
    .default({})
    .superRefine((answers, context) => {
      for (const id of Object.keys(answers)) {
        if (!QUESTIONS.some((q) => q.id === id))
          context.addIssue({ code: "custom", path: [id], message: "question inconnue / unknown question" });
      }
    }),
});
type QuestionnaireData = z.output<typeof securityQuestionnaireData>;

export interface Score {
  readonly earned: number;
  readonly possible: number;
}

/** The weighted score of `questions`; "not applicable" answers leave the question out. */
export function scoreOf(questions: readonly Question[], answers: QuestionnaireData["answers"]): Score {
  let earned = 0;
  let possible = 0;
  for (const q of questions) {
    const answer = answers[q.id]?.answer;
    const value = answer === undefined ? 0 : ANSWER_VALUE[answer];
    if (value === null) continue;
    earned += q.weight * value;
    possible += q.weight;
  }
  return { earned, possible };
}

const percent = (s: Score) => (s.possible === 0 ? "–" : `${Math.round((100 * s.earned) / s.possible)} %`);

export function writeSecurityQuestionnaire(data: QuestionnaireData, lang: DocumentLanguage): DocumentModel {
  const w = new DocumentWriter(lang);
  const answered = Object.keys(data.answers).length > 0;
  w.fields([
    [{ fr: "Demandeur", en: "Requester" }, `${data.requester.name}, ${data.requester.address}`],
    [{ fr: "Éditeur", en: "Vendor" }, `${data.vendor.name}, ${data.vendor.address}`],
    [{ fr: "Service", en: "Service" }, data.service],
    [{ fr: "Référence", en: "Reference" }, data.reference],
  ]);
  w.paragraph({
    fr: "Ce questionnaire aide à vérifier que l'éditeur présente des garanties suffisantes au sens de l'article 28, paragraphe 1, du RGPD. Répondez à chaque question par oui, en partie, non ou sans objet, en joignant si possible un justificatif ; une question sans réponse est comptée comme non satisfaite.",
    en: "This questionnaire helps check that the vendor offers sufficient guarantees within the meaning of Article 28(1) GDPR. Answer each question with yes, partly, no or not applicable, attaching evidence where possible; a question left unanswered counts as not met.",
  });
  const sections = [...new Map(QUESTIONS.map((q) => [q.section.en, q.section])).values()];
  const rows: string[][] = [];
  for (const section of sections) {
    const questions = QUESTIONS.filter((q) => q.section === section);
    w.heading(answered ? `${w.text(section)} – ${percent(scoreOf(questions, data.answers))}` : section, 2);
    w.table(
      [
        { fr: "N°", en: "No." },
        { fr: "Question", en: "Question" },
        { fr: "Poids", en: "Weight" },
        { fr: "Réponse", en: "Answer" },
        { fr: "Commentaire", en: "Comment" },
      ],
      questions.map((q) => {
        const a = data.answers[q.id];
        const row = [
          q.id,
          w.text(q.text),
          String(q.weight),
          w.text(ANSWER_WORDS[a?.answer ?? "none"]),
          a?.comment ?? "",
        ];
        rows.push([w.text(section), ...row]);
        return row;
      }),
      { widths: [1, 8, 1, 2, 4] },
    );
  }
  if (answered) {
    const total = scoreOf(QUESTIONS, data.answers);
    w.heading({ fr: "Résultat", en: "Result" }, 2);
    w.fields([
      [
        { fr: "Score pondéré", en: "Weighted score" },
        `${total.earned} / ${total.possible} (${percent(total)})`,
      ],
      [
        { fr: "Questions sans réponse", en: "Unanswered questions" },
        QUESTIONS.filter((q) => data.answers[q.id] === undefined)
          .map((q) => q.id)
          .join(", ") || (lang === "fr" ? "aucune" : "none"),
      ],
    ]);
  }
  w.sheet(
    { fr: "Questionnaire", en: "Questionnaire" },
    [
      { fr: "Rubrique", en: "Section" },
      { fr: "N°", en: "No." },
      { fr: "Question", en: "Question" },
      { fr: "Poids", en: "Weight" },
      { fr: "Réponse", en: "Answer" },
      { fr: "Commentaire", en: "Comment" },
    ],
    rows,
  );
  return w.build({
    templateId: "security-questionnaire",
    title: { fr: "Questionnaire de sécurité à l'éditeur", en: "Security questionnaire for the vendor" },
    subtitle: {
      fr: `Articles 28, paragraphe 1, et 32 du RGPD – ${data.vendor.name}`,
      en: `GDPR Articles 28(1) and 32 – ${data.vendor.name}`,
    },
    reference: data.reference,
    issuedOn: data.issuedOn,
    author: data.requester.name,
  });
}

export const securityQuestionnaireTemplate = defineTemplate({
  id: "security-questionnaire",
  title: { fr: "Questionnaire de sécurité", en: "Security questionnaire" },
  summary: {
    fr: "les questions à poser à un éditeur, puis ses réponses notées par rubrique",
    en: "the questions to ask a vendor, then its answers scored by section",
  },
  basis: "GDPR Art. 28(1), 32",
  formats: ["docx", "pdf", "html", "xlsx", "csv"],
  schema: securityQuestionnaireData,
  example: {
    reference: "QS-2026-007",
    issuedOn: "2026-05-04",
    requester: { name: "Académie de Lyon", address: "92 rue de Marseille, 69007 Lyon" },
    vendor: { name: "Édunuage SAS", address: "4 quai Perrache, 69002 Lyon" },
    service: "Espace numérique de travail",
    answers: {
      G1: { answer: "yes" },
      G2: { answer: "yes" },
      G3: { answer: "partial", comment: "Formation tous les deux ans" },
      G4: { answer: "no" },
      A1: { answer: "yes" },
      A2: { answer: "yes" },
      A3: { answer: "partial" },
      C1: { answer: "yes" },
      C2: { answer: "yes", comment: "Deux centres de données en France" },
      C3: { answer: "yes" },
      O1: { answer: "yes" },
      O2: { answer: "partial", comment: "Restauration testée en 2024" },
      O3: { answer: "no" },
      I1: { answer: "yes" },
      I2: { answer: "yes" },
    },
  },
  write: writeSecurityQuestionnaire,
});
