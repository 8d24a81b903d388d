// A sub-processor change announced to one controller, with its own objection window (GDPR Art. 28(2)).

import type { Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import type { ObjectionWindow, SubprocessorChange } from "../../domain/subprocessor-change.js";
import { duePhrase } from "./due-phrase.js";
import { colon } from "./email-layout.js";

export interface SubprocessorChangeEmailInput {
  readonly change: SubprocessorChange;
  /** Absent for a removal, which opens no window. */
  readonly window: ObjectionWindow | null;
  readonly processor: string;
  readonly controller: string;
  readonly timeZone: string;
}

const KIND_WORDS = {
  addition: { fr: "Ajout", en: "Addition" },
  replacement: { fr: "Remplacement", en: "Replacement" },
  removal: { fr: "Retrait", en: "Removal" },
} as const;

export function renderSubprocessorChangeEmail(
  input: SubprocessorChangeEmailInput,
  lang: Language,
): EmailContent {
  const { change, window } = input;
  const fr = lang === "fr";
  const s = change.subprocessor;
  const facts: [string, string][] = [
    [fr ? "Sous-traitant ultérieur" : "Sub-processor", s.name],
    [fr ? "Activité" : "Activity", s.activity],
    [fr ? "Localisation" : "Location", s.location],
    [
      fr ? "Transfert hors EEE" : "Transfer outside the EEA",
      s.transferMechanism === "none" ? (fr ? "aucun" : "none") : s.transferMechanism,
    ],
  ];
  if (s.siret) facts.push(["SIRET", s.siret]);
  if (change.replaces) facts.push([fr ? "Remplace" : "Replaces", change.replaces]);
  const paragraphs = [
    fr
      ? `${input.processor} annonce un changement de sous-traitant ultérieur pour ${input.controller} (RGPD art. 28(2)).`
      : `${input.processor} announces a change of sub-processor for ${input.controller} (GDPR Art. 28(2)).`,
  ];
  if (window) {
    facts.push([
      fr ? "Fin du délai d'opposition" : "Objection window closes",
      duePhrase(window.closesAt, input.timeZone, lang),
    ]);
    if (window.blocked) paragraphs.push(window.blocked[lang]);
    else if (window.approvalRequired || window.silence === "refused")
      paragraphs.push(
        fr
          ? "Votre accord exige une autorisation expresse : sans réponse favorable avant la fin du délai, ce sous-traitant ultérieur ne sera pas retenu pour vous."
          : "Your agreement requires express authorisation: without your approval before the window closes, this sub-processor will not be used for you.",
      );
    else
      paragraphs.push(
        fr
          ? "Sans opposition motivée avant la fin du délai, votre silence vaudra acceptation, comme le prévoit votre accord."
          : "Without a reasoned objection before the window closes, your silence will count as acceptance, as your agreement provides.",
      );
  } else {
    paragraphs.push(
      fr
        ? "Un retrait ne demande pas d'autorisation ; ce message vous en informe."
        : "A removal needs no authorisation; this message informs you of it.",
    );
  }
  return {
    lang,
    subject: `[art28] ${KIND_WORDS[change.kind][lang]}${colon(lang)}${s.name} — ${input.processor}`,
    heading: `${KIND_WORDS[change.kind][lang]}${colon(lang)}${s.name}`,
    paragraphs,
    facts,
  };
}
