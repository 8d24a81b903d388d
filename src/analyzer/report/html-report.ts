// The analysis as one standalone HTML page: the extracted text with every quote highlighted, and every finding linked to its quote.

import type { Language } from "../../domain/duration.js";
import type { LocalizedText } from "../../domain/error.js";
import {
  AUTHORIZATION_LABELS,
  SILENCE_LABELS,
  TERM_LABELS,
  TRANSFER_LABELS,
} from "../../domain/term-labels.js";
import type { TermId } from "../../domain/terms.js";
import type { Analysis, ChecklistStatus, Flag, FoundTerm } from "../analysis.js";
import { isCompliant, isPolicyFlag } from "../policy.js";
import { checklistLabel, KIND_LABELS, languageLabel, SEVERITY_LABELS, STATUS_LABELS } from "./labels.js";
import { auditFrequency, counted, REPORT_WORDS, SEVERITIES, termValue } from "./text-report.js";

export interface HtmlReportOptions {
  readonly lang: Language;
  readonly fileName?: string;
}

const HTML_WORDS = {
  findings: { fr: "Constats", en: "Findings" },
  summary: { fr: "Synthèse", en: "Summary" },
  text: { fr: "Texte extrait", en: "Extracted text" },
  seeQuote: { fr: "citation", en: "quote" },
  quoteNotFound: {
    fr: "citation introuvable dans le texte extrait",
    en: "quote not found in the extracted text",
  },
  term: { fr: "Délai", en: "Period" },
  value: { fr: "Valeur", en: "Value" },
  name: { fr: "Nom", en: "Name" },
  activity: { fr: "Activité", en: "Activity" },
  location: { fr: "Localisation", en: "Location" },
  generated: {
    fr: "Rapport produit par art28. Les constats sont des indices à vérifier par une personne, pas un avis juridique.",
    en: "Report made by art28. Findings are pointers for a person to check, not legal advice.",
  },
  emptyText: { fr: "(aucun texte)", en: "(no text)" },
} satisfies Record<string, LocalizedText>;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

interface QuoteSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The findings that cite this quote, for the highlight's tooltip. */
  readonly citedBy: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a quote stands in the text: at its offset, else its first occurrence, else with any white space. */
function locate(text: string, quote: string, offset: number | null): { start: number; end: number } | null {
  if (quote.trim() === "") return null;
  if (offset !== null && text.startsWith(quote, offset)) return { start: offset, end: offset + quote.length };
  const index = text.indexOf(quote);
  if (index >= 0) return { start: index, end: index + quote.length };
  const words = quote.trim().split(/\s+/).map(escapeRegExp);
  if (words.length === 0 || quote.length > 5_000) return null;
  const match = new RegExp(words.join("\\s+"), "u").exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** Finds every quote once, numbering them in the order they appear in the text. */
class QuoteIndex {
  private readonly byRange = new Map<string, { start: number; end: number; citedBy: string[] }>();
  private spans: QuoteSpan[] | null = null;
  private readonly ids = new Map<string, string>();

  constructor(private readonly text: string) {}

  /** Registers a quote cited by `finding`; returns a key to ask its anchor id with, or null if absent. */
  add(quote: string, offset: number | null, finding: string): string | null {
    const found = locate(this.text, quote, offset);
    if (!found) return null;
    const key = `${found.start}:${found.end}`;
    const entry = this.byRange.get(key);
    if (entry) entry.citedBy.push(finding);
    else this.byRange.set(key, { ...found, citedBy: [finding] });
    this.spans = null;
    return key;
  }

  all(): QuoteSpan[] {
    if (this.spans) return this.spans;
    const sorted = [...this.byRange.entries()].sort(([, a], [, b]) => a.start - b.start || b.end - a.end);
    this.spans = sorted.map(([key, span], i) => {
      const id = `q-${i + 1}`;
      this.ids.set(key, id);
      return { id, ...span };
    });
    return this.spans;
  }

  idOf(key: string): string {
    this.all();
    return this.ids.get(key) as string;
  }
}

/** The extracted text, each quote wrapped in <mark>; overlapping quotes split into segments. */
function markedText(text: string, spans: readonly QuoteSpan[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  let open: QuoteSpan[] = [];
  let next = 0; // spans are sorted by start
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    open = open.filter((span) => span.end > from);
    const starting: QuoteSpan[] = [];
    while (next < spans.length && (spans[next] as QuoteSpan).start === from) {
      starting.push(spans[next] as QuoteSpan);
      open.push(spans[next] as QuoteSpan);
      next++;
    }
    const segment = escapeHtml(text.slice(from, to));
    if (open.length === 0) {
      out.push(segment);
      continue;
    }
    const covering = open.map((span) => span.id).join(" ");
    const title = escapeHtml([...new Set(open.flatMap((span) => span.citedBy))].join(" · "));
    // Each quote starting here needs its own element to carry its id; nest them around the segment.
    const anchors = starting.length > 0 ? starting : [null];
    let html = segment;
    for (const anchor of anchors.reverse()) {
      const id = anchor ? ` id="${anchor.id}"` : "";
      html = `<mark class="q"${id} data-q="${covering}" title="${title}">${html}</mark>`;
    }
    out.push(html);
  }
  return out.join("");
}

const STYLE = `
:root { --ink: #1d2330; --muted: #5b6474; --line: #dde2ea; --paper: #ffffff; --wash: #f5f7fa;
  --accent: #1f5fbf; --high: #b42318; --medium: #b54708; --low: #3b7a57; --mark: #fff1b8; --active: #ffc94d; }
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--wash); }
header { padding: 20px 28px 16px; background: var(--paper); border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 20px; font-weight: 650; }
header .meta { color: var(--muted); font-size: 14px; }
header .meta span + span::before { content: " · "; }
.layout { display: grid; grid-template-columns: minmax(340px, 44%) 1fr; gap: 0; align-items: start; }
aside { position: sticky; top: 0; max-height: 100vh; overflow: auto; padding: 8px 24px 32px;
  border-right: 1px solid var(--line); background: var(--paper); }
main { padding: 8px 32px 48px; }
h2 { font-size: 15px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 24px 0 8px;
  border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h2 .count { font-weight: 400; text-transform: none; letter-spacing: 0; }
h3 { font-size: 14px; margin: 14px 0 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; font-size: 14px; }
dt { color: var(--muted); } dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 500; }
ul.findings { list-style: none; margin: 0; padding: 0; }
ul.findings li { padding: 7px 10px; margin: 6px 0; border: 1px solid var(--line); border-left-width: 4px;
  border-radius: 6px; background: var(--paper); font-size: 14px; }
li.sev-high { border-left-color: var(--high); } li.sev-medium { border-left-color: var(--medium); }
li.sev-low { border-left-color: var(--low); }
li.ok { border-left-color: var(--low); } li.ko { border-left-color: var(--high); }
.badge { display: inline-block; min-width: 64px; text-align: center; font-size: 12px; font-weight: 600;
  border-radius: 10px; padding: 1px 8px; margin-right: 6px; color: #fff; }
.badge.ok, .badge.ko { min-width: 26px; }
.badge.present, .badge.ok { background: var(--low); } .badge.partial { background: var(--medium); }
.badge.missing, .badge.ko { background: var(--high); }
code.id { font-size: 12px; color: var(--muted); }
a.quote { color: var(--accent); font-size: 13px; white-space: nowrap; margin-left: 4px; }
a.quote::before { content: "↪ "; }
.absent { color: var(--muted); font-style: italic; font-size: 13px; }
blockquote { margin: 6px 0 0; padding-left: 8px; border-left: 2px solid var(--line); color: var(--muted); font-size: 13px; }
.text { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 24px 28px;
  white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.6 Georgia, "Times New Roman", serif; }
mark.q { background: var(--mark); color: inherit; border-radius: 2px; scroll-margin: 30vh; }
mark.q mark.q { background: transparent; }
mark.q:target, mark.q.active { background: var(--active); box-shadow: 0 0 0 2px var(--active); }
footer { color: var(--muted); font-size: 12px; padding: 16px 28px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
@media print { aside { position: static; max-height: none; } .layout { grid-template-columns: 1fr; } }
`;

// Lights up every segment of the quote in the address bar, not only the first one (:target does that).
const SCRIPT = `
function light() {
  document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
  var id = decodeURIComponent(location.hash.slice(1));
  if (!/^q-\\d+$/.test(id)) return;
  document.querySelectorAll("mark[data-q]").forEach(function (m) {
    if (m.dataset.q.split(" ").indexOf(id) >= 0) m.classList.add("active");
  });
}
window.addEventListener("hashchange", light);
light();
`;

export function renderHtmlReport(
  analysis: Analysis,
  text: string,
  { lang, fileName }: HtmlReportOptions,
): string {
  const w = (key: keyof typeof REPORT_WORDS) => escapeHtml(REPORT_WORDS[key][lang]);
  const h = (key: keyof typeof HTML_WORDS) => escapeHtml(HTML_WORDS[key][lang]);
  const colon = lang === "fr" ? " : " : ": ";
  const quotes = new QuoteIndex(text);

  // Register every quote first, so anchor ids follow the text's order.
  const terms = Object.entries(analysis.terms) as [TermId, FoundTerm][];
  const termKeys = terms.map(([id, term]) =>
    quotes.add(term.quote, term.offset, TERM_LABELS[id]?.[lang] ?? id),
  );
  const checklistKeys = analysis.checklist.map((item) =>
    item.quotes.map((quote) => quotes.add(quote, null, checklistLabel(item.id, lang))),
  );
  const flagKeys = new Map<Flag, string | null>(
    analysis.flags.map((flag) => [flag, flag.quote === null ? null : quotes.add(flag.quote, null, flag.id)]),
  );

  const quoteLink = (key: string | null, quote: string | null, label = h("seeQuote")): string => {
    if (key !== null) return `<a class="quote" href="#${quotes.idOf(key)}">${label}</a>`;
    if (quote === null || quote.trim() === "") return "";
    return `<blockquote>${escapeHtml(quote)} <span class="absent">(${h("quoteNotFound")})</span></blockquote>`;
  };
  const orNone = (value: string | null) =>
    value === null ? `<span class="absent">${w("notFound")}</span>` : escapeHtml(value);
  const section = (title: string, count: string, body: string) =>
    `<section><h2>${title} <span class="count">(${escapeHtml(count)})</span></h2>${body}</section>`;

  const summary = `<section><h2>${h("summary")}</h2><dl>
<dt>${w("processor")}</dt><dd>${orNone(analysis.parties.processor)}</dd>
<dt>${w("controller")}</dt><dd>${orNone(analysis.parties.controller)}</dd>
<dt>${w("governingLaw")}</dt><dd>${orNone(analysis.governingLaw)}</dd>
<dt>${w("authorization")}</dt><dd>${orNone(analysis.subprocessorAuthorization && AUTHORIZATION_LABELS[analysis.subprocessorAuthorization][lang])}</dd>
<dt>${w("silence")}</dt><dd>${orNone(analysis.objectionSilence && SILENCE_LABELS[analysis.objectionSilence][lang])}</dd>
<dt>${w("transfers")}</dt><dd>${orNone(analysis.transfersOutsideEEA && TRANSFER_LABELS[analysis.transfersOutsideEEA][lang])}</dd>
<dt>${w("audits")}</dt><dd>${orNone(auditFrequency(analysis, lang))}</dd>
</dl></section>`;

  const termRows = terms
    .map(
      ([id, term], i) =>
        `<tr id="term-${escapeHtml(id)}"><td>${escapeHtml(TERM_LABELS[id]?.[lang] ?? id)}</td><td>${escapeHtml(termValue(term, lang))}</td><td>${quoteLink(termKeys[i] ?? null, term.quote)}</td></tr>`,
    )
    .join("\n");
  const termsHtml = section(
    w("terms"),
    String(terms.length),
    terms.length === 0
      ? `<p class="absent">${w("noTerms")}</p>`
      : `<table><thead><tr><th>${h("term")}</th><th>${h("value")}</th><th></th></tr></thead><tbody>\n${termRows}\n</tbody></table>`,
  );

  const subRows = analysis.subprocessors
    .map(
      (sub) =>
        `<tr><td>${escapeHtml(sub.name)}</td><td>${orNone(sub.activity)}</td><td>${orNone(sub.location)}</td></tr>`,
    )
    .join("\n");
  const subsHtml = section(
    w("subprocessors"),
    String(analysis.subprocessors.length),
    analysis.subprocessors.length === 0
      ? `<p class="absent">${w("noSubprocessors")}</p>`
      : `<table><thead><tr><th>${h("name")}</th><th>${h("activity")}</th><th>${h("location")}</th></tr></thead><tbody>\n${subRows}\n</tbody></table>`,
  );

  const statusCount = (status: ChecklistStatus) =>
    counted(
      analysis.checklist.filter((item) => item.status === status).length,
      STATUS_LABELS[status][lang],
      lang,
    );
  const checklistHtml = section(
    w("checklist"),
    (["present", "partial", "missing"] as const).map(statusCount).join(" · "),
    `<ul class="findings">${analysis.checklist
      .map((item, i) => {
        const links = item.quotes
          .map((quote, j) =>
            quoteLink(
              checklistKeys[i]?.[j] ?? null,
              quote,
              item.quotes.length > 1 ? `${h("seeQuote")} ${j + 1}` : h("seeQuote"),
            ),
          )
          .join(" ");
        return `<li id="check-${escapeHtml(item.id)}"><span class="badge ${escapeHtml(item.status)}">${escapeHtml(STATUS_LABELS[item.status][lang])}</span>${escapeHtml(checklistLabel(item.id, lang))} ${links}</li>`;
      })
      .join("\n")}</ul>`,
  );

  const riskFlags = analysis.flags.filter((flag) => !isPolicyFlag(flag));
  const flagItem = (flag: Flag, cls: string, badge = "") =>
    `<li class="${cls}">${badge}${escapeHtml(flag.message)} <code class="id">${escapeHtml(flag.id)}</code> ${quoteLink(flagKeys.get(flag) ?? null, flag.quote)}</li>`;
  const flagsHtml = section(
    w("flags"),
    String(riskFlags.length),
    riskFlags.length === 0
      ? `<p class="absent">${w("noFlags")}</p>`
      : SEVERITIES.map((severity) => {
          const group = riskFlags.filter((flag) => flag.severity === severity);
          if (group.length === 0) return "";
          return `<h3>${w("severity")} ${escapeHtml(SEVERITY_LABELS[severity][lang])} (${group.length})</h3><ul class="findings">${group
            .map((flag) => flagItem(flag, `sev-${severity}`))
            .join("\n")}</ul>`;
        }).join("\n"),
  );

  const policyFlags = analysis.flags.filter(isPolicyFlag);
  const compliantCount = policyFlags.filter(isCompliant).length;
  const policyHtml =
    policyFlags.length === 0
      ? ""
      : section(
          w("policy"),
          `${counted(compliantCount, REPORT_WORDS.compliant[lang], lang)} · ${counted(policyFlags.length - compliantCount, REPORT_WORDS.nonCompliant[lang], lang)}`,
          `<ul class="findings">${policyFlags
            .map((flag) => {
              const ok = isCompliant(flag);
              const badge = `<span class="badge ${ok ? "ok" : "ko"}">${ok ? "✓" : "✗"}</span>`;
              return flagItem(flag, ok ? "ok" : "ko", badge);
            })
            .join("\n")}</ul>`,
        );

  const meta = [
    fileName ? `<span>${escapeHtml(fileName)}</span>` : "",
    `<span>${w("kind")}${colon}${escapeHtml(KIND_LABELS[analysis.kind][lang])}</span>`,
    `<span>${w("language")}${colon}${escapeHtml(languageLabel(analysis.language, lang))}</span>`,
    analysis.encodingRepaired ? `<span>${w("encodingRepaired")}</span>` : "",
  ]
    .filter((part) => part !== "")
    .join("");

  const title = `${REPORT_WORDS.title[lang]}${fileName ? ` — ${fileName}` : ""}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${w("title")}</h1><div class="meta">${meta}</div></header>
<div class="layout">
<aside aria-label="${h("findings")}">
${summary}
${termsHtml}
${checklistHtml}
${flagsHtml}
${policyHtml}
${subsHtml}
</aside>
<main>
<h2>${h("text")}</h2>
<div class="text" lang="${analysis.language}">${text === "" ? `<span class="absent">${h("emptyText")}</span>` : markedText(text, quotes.all())}</div>
</main>
</div>
<footer>${h("generated")}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
