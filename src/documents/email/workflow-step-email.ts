// A workflow step that hands work to the other party (termination, end-of-service choice, certificate, assistance
// asked, instruction contested), told in the recipient's language with its deadlines in the sender's zone.

import type { Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import type { LocalizedText } from "../../domain/error.js";
import { duePhrase, instantPhrase } from "./due-phrase.js";

export interface WorkflowStepEmailInput {
  /** « Résiliation de l'accord », subject and heading. */
  readonly title: LocalizedText;
  /** Who did what, and what it asks of the recipient; each a paragraph. */
  readonly paragraphs: readonly LocalizedText[];
  readonly agreement: string;
  /** Instants to show: each as a deadline (a last day told « inclus ») or as an instant. */
  readonly instants?: readonly {
    readonly label: LocalizedText;
    readonly at: number;
    readonly due?: boolean;
  }[];
  readonly facts?: readonly { readonly label: LocalizedText; readonly value: string }[];
  readonly items?: readonly string[];
  readonly timeZone: string;
}

export function renderWorkflowStepEmail(input: WorkflowStepEmailInput, lang: Language): EmailContent {
  const facts: [string, string][] = [[lang === "fr" ? "Accord" : "Agreement", input.agreement]];
  for (const { label, at, due } of input.instants ?? [])
    facts.push([
      label[lang],
      due ? duePhrase(at, input.timeZone, lang) : instantPhrase(at, input.timeZone, lang),
    ]);
  for (const { label, value } of input.facts ?? []) facts.push([label[lang], value]);
  return {
    lang,
    subject: `[art28] ${input.title[lang]} — ${input.agreement}`,
    heading: input.title[lang],
    paragraphs: input.paragraphs.map((p) => p[lang]),
    facts,
    ...(input.items && input.items.length > 0 ? { items: [...input.items] } : {}),
  };
}
