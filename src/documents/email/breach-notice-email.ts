// The processor's notice of a personal-data breach to a controller, initial or update (GDPR Art. 33(2)-(4)).

import { BREACH_NATURE_LABELS, type BreachNotice, NOTICE_ITEM_LABELS } from "../../domain/breach.js";
import type { Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import { duePhrase, instantPhrase } from "./due-phrase.js";
import { colon } from "./email-layout.js";

export interface BreachNoticeEmailInput {
  readonly notice: BreachNotice;
  readonly processor: string;
  readonly controller: string;
  readonly timeZone: string;
  /** The controller's own deadline to notify its authority, if art28 computed it (Art. 33(1)). */
  readonly authorityDue: number | null;
}

export function renderBreachNoticeEmail(input: BreachNoticeEmailInput, lang: Language): EmailContent {
  const { notice } = input;
  const c = notice.content;
  const fr = lang === "fr";
  const phase =
    notice.phase === "initial"
      ? fr
        ? "Notification initiale"
        : "Initial notice"
      : fr
        ? `Mise à jour n° ${notice.sequence - 1}`
        : `Update no. ${notice.sequence - 1}`;
  const unknown = fr ? "non connu à ce stade" : "not known yet";
  const facts: [string, string][] = [
    [fr ? "Nature" : "Nature", c.natures.map((n) => BREACH_NATURE_LABELS[n][lang]).join(", ")],
    [fr ? "Découverte" : "Discovered", instantPhrase(c.discoveredAt, input.timeZone, lang)],
    [fr ? "Connaissance établie" : "Became aware", instantPhrase(c.awareAt, input.timeZone, lang)],
    [fr ? "Catégories de données" : "Data categories", c.dataCategories.join(", ") || unknown],
    [
      fr ? "Personnes concernées (approx.)" : "People affected (approx.)",
      c.approximatePeople?.toString() ?? unknown,
    ],
    [
      fr ? "Enregistrements (approx.)" : "Records affected (approx.)",
      c.approximateRecords?.toString() ?? unknown,
    ],
    [fr ? "Conséquences probables" : "Likely consequences", c.likelyConsequences ?? unknown],
    [fr ? "Mesures prises" : "Measures taken", c.measuresTaken ?? unknown],
    [fr ? "Mesures proposées" : "Measures proposed", c.measuresProposed ?? unknown],
    [
      fr ? "Contact" : "Contact",
      c.contact
        ? [c.contact.name, c.contact.role, c.contact.email, c.contact.phone].filter(Boolean).join(", ")
        : unknown,
    ],
  ];
  if (input.authorityDue !== null) {
    facts.push([
      fr ? "Votre notification à l'autorité, si risque" : "Your notification to the authority, if at risk",
      duePhrase(input.authorityDue, input.timeZone, lang),
    ]);
  }
  return {
    lang,
    subject: fr
      ? `[art28] Violation de données — ${phase} — ${input.processor}`
      : `[art28] Personal-data breach — ${phase} — ${input.processor}`,
    heading: `${phase}${colon(lang)}${input.processor} → ${input.controller}`,
    paragraphs: [
      fr
        ? `${input.processor}, votre sous-traitant, vous notifie une violation de données à caractère personnel (RGPD art. 33(2)).`
        : `${input.processor}, your processor, notifies you of a personal-data breach (GDPR Art. 33(2)).`,
      c.description,
      notice.missing.length > 0
        ? fr
          ? "Ces informations manquent encore ; elles suivront dans une mise à jour (art. 33(4)) :"
          : "This information is still missing and will follow in an update (Art. 33(4)):"
        : fr
          ? "Cette notification contient toutes les informations de l'article 33(3)."
          : "This notice holds all the information of Article 33(3).",
    ],
    facts,
    items: notice.missing.map((m) => NOTICE_ITEM_LABELS[m][lang]),
  };
}
