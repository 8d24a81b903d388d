// A data-subject request the processor received, forwarded to the controller who must answer it.

import { type DataSubjectRequest, RIGHT_LABELS } from "../../domain/data-subject-request.js";
import type { Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import { duePhrase, instantPhrase } from "./due-phrase.js";

export interface RequestForwardingEmailInput {
  readonly request: DataSubjectRequest;
  readonly processor: string;
  readonly controller: string;
  readonly timeZone: string;
  /** The controller's answer deadline (Art. 12(3)), computed from its receipt. */
  readonly answerDue: number | null;
}

export function renderRequestForwardingEmail(
  input: RequestForwardingEmailInput,
  lang: Language,
): EmailContent {
  const fr = lang === "fr";
  const right = RIGHT_LABELS[input.request.right][lang];
  const facts: [string, string][] = [
    [fr ? "Droit exercé" : "Right exercised", right],
    [
      fr ? "Reçue par le sous-traitant" : "Received by the processor",
      instantPhrase(input.request.receivedAt, input.timeZone, lang),
    ],
    [fr ? "Référence" : "Reference", input.request.id],
  ];
  if (input.answerDue !== null) {
    facts.push([
      fr ? "Votre réponse à la personne" : "Your answer to the person",
      duePhrase(input.answerDue, input.timeZone, lang),
    ]);
  }
  return {
    lang,
    subject: fr
      ? `[art28] Demande d'exercice de droits transmise — ${right}`
      : `[art28] Data-subject request forwarded — ${right}`,
    heading: fr ? "Demande d'exercice de droits" : "Data-subject request",
    paragraphs: [
      fr
        ? `${input.processor} a reçu une demande qui vous revient et vous la transmet (RGPD art. 28(3)(e)). Le contenu de la demande est joint dans art28, pas dans ce courriel.`
        : `${input.processor} received a request that is yours to answer and forwards it to you (GDPR Art. 28(3)(e)). The request itself is in art28, not in this e-mail.`,
      fr
        ? "Vous devez répondre dans un mois à compter de la réception, délai prolongeable de deux mois en informant la personne avant la fin du premier mois (art. 12(3))."
        : "You must answer within one month of receipt, a period that can be extended by two months if you tell the person before the first month ends (Art. 12(3)).",
    ],
    facts,
  };
}
