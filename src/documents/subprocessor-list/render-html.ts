// The public sub-processor list as a standalone HTML page (no external assets), French or English.

import escapeHtml from "escape-html";
import { TRANSFER_MECHANISMS, type TransferMechanism } from "../../domain/agreement.js";
import { changeTitle } from "./change-text.js";
import { feedUrl, jsonUrl, type PublicSubprocessorList, placeName } from "./public-subprocessor-list.js";

type Lang = "fr" | "en";

const MECHANISM: Record<TransferMechanism, Record<Lang, string>> = {
  none: { fr: "Aucun", en: "None" },
  adequacy_decision: { fr: "Décision d'adéquation (art. 45)", en: "Adequacy decision (Art. 45)" },
  standard_contractual_clauses: {
    fr: "Clauses contractuelles types (art. 46)",
    en: "Standard contractual clauses (Art. 46)",
  },
  binding_corporate_rules: {
    fr: "Règles d'entreprise contraignantes (art. 47)",
    en: "Binding corporate rules (Art. 47)",
  },
  derogation: { fr: "Dérogation (art. 49)", en: "Derogation (Art. 49)" },
  unknown: { fr: "Non précisé", en: "Not stated" },
};

function mechanismLabel(mechanism: string | null, lang: Lang): string | null {
  if (mechanism === null) return null;
  return (TRANSFER_MECHANISMS as readonly string[]).includes(mechanism)
    ? MECHANISM[mechanism as TransferMechanism][lang]
    : mechanism;
}

const WORDS = {
  fr: {
    title: (name: string) => `Sous-traitants ultérieurs de ${name}`,
    intro:
      "Cette page liste les sous-traitants ultérieurs auxquels ce prestataire recourt pour traiter des données personnelles (RGPD, article 28, paragraphe 2). Chaque changement est annoncé aux établissements clients, qui peuvent s'y opposer dans le délai prévu par leur contrat.",
    name: "Sous-traitant ultérieur",
    activity: "Activité",
    location: "Lieu de traitement",
    transfer: "Transfert hors EEE",
    since: "Depuis",
    none: "Aucun sous-traitant ultérieur déclaré.",
    changes: "Changements annoncés",
    noChanges: "Aucun changement annoncé.",
    contact: "Contact",
    updated: "Mise à jour",
    subscribe: "S'abonner (Atom)",
    json: "Données (JSON)",
    colon: " : ",
    locale: "fr-FR",
  },
  en: {
    title: (name: string) => `Sub-processors of ${name}`,
    intro:
      "This page lists the sub-processors this provider engages to process personal data (GDPR Article 28(2)). Every change is announced to customer schools, which may object within the period their agreement sets.",
    name: "Sub-processor",
    activity: "Activity",
    location: "Place of processing",
    transfer: "Transfer outside the EEA",
    since: "Since",
    none: "No sub-processor declared.",
    changes: "Announced changes",
    noChanges: "No change announced.",
    contact: "Contact",
    updated: "Updated",
    subscribe: "Subscribe (Atom)",
    json: "Data (JSON)",
    colon: ": ",
    locale: "en-GB",
  },
} as const;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f6f6}
main{max-width:960px;margin:0 auto;padding:2rem 1rem}h1{font-size:1.6rem;margin:0 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ddd}
th{background:#eef;font-weight:600}nav a{margin-right:1rem}li{margin:.25rem 0}.meta{color:#555;font-size:.9rem}`;

export function renderSubprocessorListHtml(list: PublicSubprocessorList, lang: Lang): string {
  const w = WORDS[lang];
  const e = (text: string | null) => escapeHtml(text ?? "—");
  const date = (instant: number | null) =>
    instant === null
      ? "—"
      : new Intl.DateTimeFormat(w.locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(instant);
  const rows = list.subprocessors
    .map(
      (s) =>
        `<tr><td>${e(s.name)}</td><td>${e(s.activity)}</td><td>${e(placeName(s.location, lang))}</td><td>${e(mechanismLabel(s.transferMechanism, lang))}</td><td>${date(s.since)}</td></tr>`,
    )
    .join("\n");
  const changes = list.changes
    .map(
      (c) =>
        `<li id="change-${escapeHtml(c.id)}"><time datetime="${new Date(c.announcedAt).toISOString()}">${date(c.announcedAt)}</time> — ${e(changeTitle(c, lang))}${c.activity ? ` (${e(c.activity)})` : ""}</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.title(list.processor.name))}</title>
<link rel="alternate" type="application/atom+xml" href="${escapeHtml(feedUrl(list))}">
<link rel="alternate" type="application/json" href="${escapeHtml(jsonUrl(list))}">
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${e(w.title(list.processor.name))}</h1>
<p>${e(w.intro)}</p>
<p class="meta">${e(w.updated)}${w.colon}${date(list.updatedAt)}${list.processor.contact ? ` · ${e(w.contact)}${w.colon}${e(list.processor.contact)}` : ""}</p>
<nav><a href="${escapeHtml(feedUrl(list))}">${e(w.subscribe)}</a><a href="${escapeHtml(jsonUrl(list))}">${e(w.json)}</a></nav>
${
  list.subprocessors.length === 0
    ? `<p>${e(w.none)}</p>`
    : `<table>
<thead><tr><th>${e(w.name)}</th><th>${e(w.activity)}</th><th>${e(w.location)}</th><th>${e(w.transfer)}</th><th>${e(w.since)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
<h2>${e(w.changes)}</h2>
${list.changes.length === 0 ? `<p>${e(w.noChanges)}</p>` : `<ul>\n${changes}\n</ul>`}
</main>
</body>
</html>
`;
}
