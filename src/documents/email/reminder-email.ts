// The reminder of an open obligation: before its deadline, at it, and once late.

import type { Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import type { LocalizedText } from "../../domain/error.js";
import type { ReminderPoint } from "../../domain/reminder-schedule.js";
import { duePhrase } from "./due-phrase.js";
import { colon } from "./email-layout.js";

export interface ReminderEmailInput {
  readonly what: LocalizedText;
  readonly due: number;
  readonly timeZone: string;
  readonly point: ReminderPoint;
  /** Who the duty is owed to, and under which agreement, when there is one. */
  readonly counterparty: string | null;
  readonly agreement: string | null;
  readonly obligationId: string;
  /** When the reminder goes out: a reminder sent late still says how long is really left. */
  readonly sentAt?: number;
}

const UNIT_WORDS: Readonly<Record<Language, Record<"hours" | "days" | "weeks", [string, string]>>> = {
  fr: { hours: ["heure", "heures"], days: ["jour", "jours"], weeks: ["semaine", "semaines"] },
  en: { hours: ["hour", "hours"], days: ["day", "days"], weeks: ["week", "weeks"] },
};

function span(amount: number, unit: "hours" | "days" | "weeks", lang: Language): string {
  const [one, many] = UNIT_WORDS[lang][unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

function headline(point: ReminderPoint, due: number, sentAt: number | undefined, lang: Language): string {
  switch (point.kind) {
    case "before": {
      let left = span(point.offset.amount, point.offset.unit, lang);
      if (sentAt !== undefined && sentAt > point.at) {
        const hours = Math.max(1, Math.floor((due - sentAt) / 3_600_000));
        left = hours >= 48 ? span(Math.floor(hours / 24), "days", lang) : span(hours, "hours", lang);
      }
      return lang === "fr" ? `Échéance dans ${left}` : `Due in ${left}`;
    }
    case "due":
      return lang === "fr" ? "Échéance atteinte" : "Deadline reached";
    case "late":
      return lang === "fr"
        ? `En retard (relance n° ${point.lateCount})`
        : `Overdue (reminder no. ${point.lateCount})`;
  }
}

export function renderReminderEmail(input: ReminderEmailInput, lang: Language): EmailContent {
  const title = headline(input.point, input.due, input.sentAt, lang);
  const what = input.what[lang];
  const facts: [string, string][] = [
    [lang === "fr" ? "Échéance" : "Deadline", duePhrase(input.due, input.timeZone, lang)],
  ];
  if (input.counterparty) facts.push([lang === "fr" ? "Envers" : "Owed to", input.counterparty]);
  if (input.agreement) facts.push([lang === "fr" ? "Accord" : "Agreement", input.agreement]);
  facts.push([lang === "fr" ? "Référence" : "Reference", input.obligationId]);
  const late = input.point.kind === "late";
  return {
    lang,
    subject: `[art28] ${title}${colon(lang)}${what}`,
    heading: title,
    paragraphs: [
      `Obligation${colon(lang)}${what}.`,
      late
        ? lang === "fr"
          ? "Le délai est dépassé. Accomplissez l'obligation au plus vite et consignez-en la preuve dans art28 ; si elle est déjà remplie, marquez-la comme faite pour arrêter les relances."
          : "The deadline has passed. Fulfil the obligation as soon as possible and record the evidence in art28; if it is already done, mark it done to stop the reminders."
        : lang === "fr"
          ? "Une fois l'obligation remplie, consignez-en la preuve dans art28 pour arrêter les rappels."
          : "Once the obligation is fulfilled, record the evidence in art28 to stop the reminders.",
    ],
    facts,
  };
}
