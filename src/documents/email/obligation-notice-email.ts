// The notice that an obligation was opened for its holder: what, by when, and where the deadline comes from.

import { formatDuration, type Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import type { LocalizedText } from "../../domain/error.js";
import type { DueBasis } from "../../domain/obligation.js";
import { duePhrase } from "./due-phrase.js";
import { colon } from "./email-layout.js";

export interface ObligationNoticeInput {
  readonly obligationId: string;
  readonly what: LocalizedText;
  readonly due: number;
  readonly basis: DueBasis;
  readonly timeZone: string;
  readonly counterparty: string | null;
  readonly agreement: string | null;
}

const QUALIFIER_QUOTES: Readonly<Record<Language, (q: string) => string>> = {
  fr: (q) => `« ${q} »`,
  en: (q) => `"${q}"`,
};

/** Where the deadline comes from, in words; an interpreted qualifier is always said to be one. */
export function basisPhrase(basis: DueBasis, lang: Language): string {
  const fr = lang === "fr";
  const period = formatDuration(basis.duration, lang);
  switch (basis.kind) {
    case "term":
      return fr ? `délai fixé par l'accord : ${period}` : `period set by the agreement: ${period}`;
    case "interpreted": {
      const words = QUALIFIER_QUOTES[lang](formatDuration({ qualifier: basis.qualifier }, lang));
      return fr
        ? `l'accord dit ${words}, lu comme ${period} selon la configuration de l'organisation`
        : `the agreement says ${words}, read as ${period} under the organisation's settings`;
    }
    case "statute":
      return fr ? `délai légal : ${period} (${basis.rule})` : `statutory period: ${period} (${basis.rule})`;
    case "interpreted_statute": {
      const words = QUALIFIER_QUOTES[lang](formatDuration({ qualifier: basis.qualifier }, lang));
      return fr
        ? `${basis.rule} dit ${words}, lu comme ${period} selon la configuration de l'organisation`
        : `${basis.rule} says ${words}, read as ${period} under the organisation's settings`;
    }
    case "recurrence":
      return fr
        ? `obligation récurrente, tous les ${period} (${basis.rule}), occurrence n° ${basis.occurrence}`
        : `recurring duty, every ${period} (${basis.rule}), occurrence no. ${basis.occurrence}`;
  }
}

export function renderObligationNoticeEmail(input: ObligationNoticeInput, lang: Language): EmailContent {
  const fr = lang === "fr";
  const what = input.what[lang];
  const facts: [string, string][] = [
    [fr ? "Échéance" : "Deadline", duePhrase(input.due, input.timeZone, lang)],
    [fr ? "Fondement du délai" : "Where the deadline comes from", basisPhrase(input.basis, lang)],
  ];
  if (input.counterparty) facts.push([fr ? "Envers" : "Owed to", input.counterparty]);
  if (input.agreement) facts.push([fr ? "Accord" : "Agreement", input.agreement]);
  facts.push([fr ? "Référence" : "Reference", input.obligationId]);
  return {
    lang,
    subject: `[art28] ${fr ? "Nouvelle obligation" : "New obligation"}${colon(lang)}${what}`,
    heading: fr ? "Nouvelle obligation" : "New obligation",
    paragraphs: [
      `${fr ? "À faire" : "To do"}${colon(lang)}${what}.`,
      fr
        ? "Des rappels suivront avant l'échéance. Consignez la preuve dans art28 une fois l'obligation remplie."
        : "Reminders will follow before the deadline. Record the evidence in art28 once the obligation is fulfilled.",
    ],
    facts,
  };
}
