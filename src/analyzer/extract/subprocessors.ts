// GDPR Art. 28(2) and (4): the sub-processors an agreement names, with their activity and location,
// read from tables (markdown, tab-separated, or columns laid out on lines by a PDF), list items or prose.

import type { FoundSubprocessor } from "../analysis.js";
import type { Heading, Table, TableCell } from "../structure.js";
import type { DocumentView, SentenceView } from "./document-view.js";
import { foldText } from "./folded-text.js";
import { SUBPROCESSOR } from "./legal-vocabulary.js";

const NAME_COLUMN =
  /\bnom\b|\bname\b|\bsous-?traitants?\b|\bsub-?processors?\b|\bprestataires?\b|\bsociete\b|\bentit(?:e|y)\b|\bfournisseurs?\b|\bproviders?\b|\braison sociale\b|\bvendors?\b/;
const LOCATION_COLUMN =
  /\blocalisation\b|\blocation\b|\bpays\b|\bcountry\b|\blieu\b|\bsiege\b|\bregion\b|\bimplantation\b|\bjurisdiction\b|\bhebergement des donnees\b|\bdata location\b/;
const ACTIVITY_COLUMN =
  /\bactivites?\b|\bactivity\b|\bservices?\b|\bprestations?\b|\btraitement\b|\bpurpose\b|\bfinalites?\b|\bobjet\b|\bdescription\b|\brole\b|\bnature\b|\bprocessing\b/;
/** A heading or sentence that introduces the list of sub-processors. */
const LIST_CONTEXT =
  /\b(?:liste|list|tableau|table)\b[^.]{0,40}\b(?:sous-?traitants?|sub-?processors?)\b|\b(?:sous-?traitants?|sub-?processors?)\b[^.]{0,40}\b(?:autorises|ulterieurs|suivants|following|approved|authori[sz]ed)\b/;

const LOCATION_WORDS = [
  "UE",
  "EU",
  "EEE",
  "EEA",
  "Union européenne",
  "European Union",
  "Europe",
  "France",
  "Belgique",
  "Belgium",
  "Luxembourg",
  "Allemagne",
  "Germany",
  "Irlande",
  "Ireland",
  "Pays-Bas",
  "Netherlands",
  "Espagne",
  "Spain",
  "Italie",
  "Italy",
  "Portugal",
  "Autriche",
  "Austria",
  "Pologne",
  "Poland",
  "Suède",
  "Sweden",
  "Finlande",
  "Finland",
  "Danemark",
  "Denmark",
  "Suisse",
  "Switzerland",
  "Royaume-Uni",
  "United Kingdom",
  "UK",
  "États-Unis",
  "Etats-Unis",
  "USA",
  "US",
  "United States",
  "Canada",
  "Inde",
  "India",
  "Israël",
  "Israel",
  "Japon",
  "Japan",
  "Australie",
  "Australia",
  "Monde",
  "Worldwide",
];
const LOCATION_SOURCE = `(?:${LOCATION_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?:[ \\t]*\\((?:\\p{Lu}{2,3})(?:[ \\t]*[,/][ \\t]*\\p{Lu}{2,3})*\\))?`;
/** A location standing as a column between a name and an activity: "Odoo UE (BE) Customer service". */
const LOCATION_IN_LINE = new RegExp(`(?<=[ \\t])(${LOCATION_SOURCE})(?=[ \\t]|$)`, "u");
const LOCATION_ANYWHERE = new RegExp(`(?<![\\p{L}])(${LOCATION_SOURCE})(?![\\p{L}])`, "u");
const PLACEHOLDER =
  /[[\]…]|\.\.\.|[àa] compl[ée]ter|to be completed|^\s*[-–—]?\s*$|^\s*(?:aucun|none|n\/a|néant)\s*$/iu;
const NAME_SHAPE = /^[\p{Lu}\p{N}][\p{L}\p{N}&'’.,() -]{0,59}$/u;
/** "Microsoft Azure (hébergement, Irlande)" in a sentence. */
const PROSE_ENTRY =
  /(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ \t]\p{Lu}[\p{L}\p{N}&'’.-]*){0,3})[ \t]*\(([^,;()]{3,80})[,;][ \t]*([^()]{2,40})\)/gu;
const ENTRY_SEPARATOR = /[ \t]+[–—-][ \t]+|[ \t]*:[ \t]+|[ \t]*;[ \t]*/;

function clean(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/^[\s*_|]+|[\s*_|]+$/g, "")
    .trim();
}

function isName(text: string): boolean {
  return text.length >= 2 && NAME_SHAPE.test(text) && !PLACEHOLDER.test(text);
}

/** The sub-processors named by the agreement, without duplicates, in the order they appear. */
export function subprocessorsOf(view: DocumentView): FoundSubprocessor[] {
  const found: FoundSubprocessor[] = [];
  const seen = new Set<string>();
  const add = (entry: FoundSubprocessor) => {
    const key = foldText(entry.name);
    if (seen.has(key)) return;
    seen.add(key);
    found.push(entry);
  };
  for (const table of view.structure.tables) for (const entry of fromTable(view, table)) add(entry);
  for (const entry of fromLaidOutColumns(view)) add(entry);
  for (const entry of fromListsAndProse(view)) add(entry);
  return found;
}

interface Columns {
  readonly name: number;
  readonly activity: number | null;
  readonly location: number | null;
}

function columnsOf(cells: readonly TableCell[]): Columns | null {
  let name = -1;
  let activity: number | null = null;
  let location: number | null = null;
  cells.forEach((cell, index) => {
    const folded = foldText(cell.text);
    if (location === null && LOCATION_COLUMN.test(folded)) location = index;
    else if (name === -1 && NAME_COLUMN.test(folded)) name = index;
    else if (activity === null && ACTIVITY_COLUMN.test(folded)) activity = index;
  });
  return name === -1 || (activity === null && location === null) ? null : { name, activity, location };
}

function headingBefore(view: DocumentView, position: number): string {
  // Headings are in text order: binary search for the last one that starts before the position.
  const headings = view.structure.headings;
  let low = 0;
  let high = headings.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((headings[middle] as Heading).start <= position) low = middle + 1;
    else high = middle - 1;
  }
  const heading = headings[low - 1];
  return heading === undefined ? "" : view.folded.slice(heading.start, heading.end);
}

function fromTable(view: DocumentView, table: Table): FoundSubprocessor[] {
  const header = table.header ?? table.rows[0] ?? null;
  if (header === null) return [];
  const columns = columnsOf(header);
  if (columns === null) return [];
  const headerText = foldText(header.map((cell) => cell.text).join(" "));
  // The table says what it lists in its header, its heading or the words just before it.
  const before = view.folded.slice(Math.max(0, table.start - 300), table.start);
  const context = `${headerText} ${headingBefore(view, table.start)} ${before}`;
  if (!SUBPROCESSOR.test(context) && !LIST_CONTEXT.test(context)) return [];
  const rows = table.header === null ? table.rows.slice(1) : table.rows;
  const entries: FoundSubprocessor[] = [];
  for (const row of rows) {
    const name = clean(row[columns.name]?.text ?? "");
    if (!isName(name)) continue;
    const cell = (index: number | null) => {
      if (index === null) return null;
      const text = clean(row[index]?.text ?? "");
      return text === "" || PLACEHOLDER.test(text) ? null : text;
    };
    entries.push({ name, activity: cell(columns.activity), location: cell(columns.location) });
  }
  return entries;
}

/**
 * Columns that a PDF extraction laid out as lines: under a heading that lists sub-processors, a header
 * line names the columns, then each row starts a line ("Name LOCATION Activity") and wrapped cells carry
 * on the lines below.
 */
function fromLaidOutColumns(view: DocumentView): FoundSubprocessor[] {
  const entries: FoundSubprocessor[] = [];
  const headings = view.structure.headings;
  headings.forEach((heading, index) => {
    const title = view.folded.slice(heading.start, heading.end);
    if (!LIST_CONTEXT.test(title)) return;
    const end = headings[index + 1]?.start ?? view.text.length;
    const lines = view.text
      .slice(heading.end, end)
      .split("\n")
      .map(clean)
      .filter((l) => l !== "");
    const headerAt = lines.findIndex((line) => {
      const folded = foldText(line);
      return NAME_COLUMN.test(folded) && LOCATION_COLUMN.test(folded);
    });
    if (headerAt === -1) return;
    const header = foldText(lines[headerAt] as string);
    const locationFirst =
      header.search(LOCATION_COLUMN) < header.search(ACTIVITY_COLUMN) ||
      header.search(ACTIVITY_COLUMN) === -1;
    let current: { name: string; activity: string[]; location: string } | null = null;
    const flush = () => {
      if (current !== null && isName(current.name)) {
        const activity = clean(current.activity.join(" "));
        entries.push({
          name: current.name,
          activity: activity === "" ? null : activity,
          location: current.location,
        });
      }
      current = null;
    };
    for (const line of lines.slice(headerAt + 1)) {
      const location = LOCATION_IN_LINE.exec(line);
      if (location !== null && location.index > 0) {
        flush();
        const name = clean(line.slice(0, location.index));
        const rest = clean(line.slice(location.index + (location[1] as string).length));
        const place = clean(location[1] as string);
        current = locationFirst
          ? { name, activity: rest === "" ? [] : [rest], location: place }
          : { name, activity: [], location: place };
        continue;
      }
      if (current === null) continue;
      (current as { activity: string[] }).activity.push(line);
    }
    flush();
  });
  return entries;
}

function inListContext(sentence: SentenceView): boolean {
  return (
    LIST_CONTEXT.test(sentence.heading) ||
    LIST_CONTEXT.test(sentence.leadIn) ||
    (SUBPROCESSOR.test(sentence.leadIn) && /:\s*$/.test(sentence.leadIn)) ||
    // A short heading that names the sub-processors ("Appendix 1 – Acme Subprocessors").
    (SUBPROCESSOR.test(sentence.heading) && sentence.heading.length <= 80)
  );
}

/** Legal forms of companies, which mark a name in running text ("Hetzner Online GmbH", "Acme, Inc."). */
const LEGAL_FORM =
  "(?:Inc\\.?|LLC|L\\.L\\.C\\.|Ltd\\.?|Limited|GmbH|AG|AB|ASA|A/S|ApS|Oy|Oyj|SAS|SASU|SARL|SA|S\\.A\\.S?\\.?|S\\.A\\.R\\.L\\.|SE|B\\.V\\.?|BV|N\\.V\\.?|NV|S\\.L\\.|SL|S\\.p\\.A\\.|SpA|S\\.r\\.l\\.|Srl|d\\.o\\.o\\.|s\\.r\\.o\\.|sp\\. z o\\.o\\.|Sp\\. z o\\.o\\.|plc|PLC|Corp\\.?|Corporation|Pty\\.? Ltd\\.?|LLP|KG|GmbH & Co\\. KG)";
/** A company named with its legal form: up to five capitalised words, then the form. */
const COMPANY = new RegExp(
  `((?:\\p{Lu}[\\p{L}\\p{N}&'’.-]*[ \\t]+){0,4}\\p{Lu}[\\p{L}\\p{N}&'’.-]*),?[ \\t]+${LEGAL_FORM}(?![\\p{L}])`,
  "gu",
);
/** The verb by which an agreement engages its sub-processors; the companies after it are the ones engaged. */
const ENGAGES =
  /\b(?:engages?|engaged|uses?|used|relies on|rely on|appoints?|appointed|include|includes|are|is|as follows|following|recourt|recourir|fait appel|faire appel|utilise|sont|suivants?)\b|:/;
/** Words that open a sentence or name a party, never a sub-processor's name. */
const NOT_A_NAME =
  /^(?:the|a|an|this|these|each|any|all|our|its|le|la|les|l'|un|une|ce|cette|ces|chaque|tout|tous|customer|client|controller|processor|company|provider|supplier|vendor|data|responsable|sous-traitant|prestataire|fournisseur|donnees)\b/i;

/** The entity that opens a list item ("GetGeek AB (reg. no …), provides …"), or null. */
function leadingName(text: string): { name: string; rest: string; place: string | null } | null {
  const match = new RegExp(
    `^((?:\\p{Lu}|\\p{N})[\\p{L}\\p{N}&'’.+-]*(?:[ \\t]+(?:(?:\\p{Lu}|\\p{N})[\\p{L}\\p{N}&'’.+-]*|&|${LEGAL_FORM})){0,5})`,
    "u",
  ).exec(text);
  if (match === null) return null;
  const name = clean((match[1] as string).replace(/[.,]$/, ""));
  const rest = text.slice((match[1] as string).length);
  if (!/^\s*(?:$|[(,:;]|[–—-]\s)/.test(rest) || NOT_A_NAME.test(foldText(name))) return null;
  // What follows the name, past a parenthesis that only adds to it (a registration number, a place).
  const aside = /^\s*\(([^()]{0,120})\)/.exec(rest);
  const said = aside === null ? rest : rest.slice(aside[0].length);
  const place = aside === null ? null : (LOCATION_ANYWHERE.exec(aside[1] as string)?.[1] ?? null);
  return { name, rest: clean(said.replace(/^\s*[(,:;–—-]\s*/, "")), place };
}

/** Companies an engaging sentence names after its verb, each with the location written beside it. */
function companiesIn(sentence: SentenceView): FoundSubprocessor[] {
  const text = sentence.sentence.text;
  const verb = ENGAGES.exec(sentence.folded);
  if (verb === null) return [];
  const from = verb.index;
  const found: { name: string; start: number; end: number }[] = [];
  COMPANY.lastIndex = from;
  for (let m = COMPANY.exec(text); m !== null; m = COMPANY.exec(text)) {
    const name = clean(m[0]);
    if (isName(name) && !NOT_A_NAME.test(foldText(name)))
      found.push({ name, start: m.index, end: m.index + m[0].length });
  }
  return found.map((company, index) => {
    const after = text.slice(company.end, found[index + 1]?.start ?? text.length);
    const aside = /^\s*\(([^()]{2,80})\)/.exec(after)?.[1] ?? null;
    const location = LOCATION_ANYWHERE.exec(after.slice(0, 60))?.[1] ?? null;
    return {
      name: company.name,
      activity: aside === null ? null : clean(aside),
      location: location === null ? null : clean(location),
    };
  });
}

function fromListsAndProse(view: DocumentView): FoundSubprocessor[] {
  const entries: FoundSubprocessor[] = [];
  for (const sentence of view.sentences) {
    if (sentence.inTable) continue;
    const text = sentence.sentence.text;
    if (sentence.inList && inListContext(sentence)) {
      const entry = listEntry(text);
      if (entry !== null) entries.push(entry);
      continue;
    }
    if (!SUBPROCESSOR.test(sentence.folded) && !LIST_CONTEXT.test(sentence.heading)) continue;
    const before = entries.length;
    PROSE_ENTRY.lastIndex = 0;
    for (let m = PROSE_ENTRY.exec(text); m !== null; m = PROSE_ENTRY.exec(text)) {
      const name = clean(m[1] as string);
      const first = clean(m[2] as string);
      const second = clean(m[3] as string);
      if (!isName(name)) continue;
      if (LOCATION_ANYWHERE.test(second)) entries.push({ name, activity: first, location: second });
      else if (LOCATION_ANYWHERE.test(first)) entries.push({ name, activity: second, location: first });
    }
    if (entries.length === before && SUBPROCESSOR.test(sentence.folded))
      entries.push(...companiesIn(sentence));
  }
  return entries;
}

/**
 * A list item that names a sub-processor: "Name – activity – location", "Name (location)", or a name
 * with its legal form followed by what it does ("GetGeek AB (reg. no …), provides …").
 */
function listEntry(text: string): FoundSubprocessor | null {
  return separatedEntry(text) ?? namedEntry(text);
}

/** "Name – activity – location", "Name: activity", "Name (location)". */
function separatedEntry(text: string): FoundSubprocessor | null {
  const parts = text
    .split(ENTRY_SEPARATOR)
    .map(clean)
    .filter((p) => p !== "");
  const name = parts[0] ?? "";
  // A separator inside parentheses ("Acme AB (reg. no: 123)") does not end the name.
  if ((name.match(/\(/g)?.length ?? 0) !== (name.match(/\)/g)?.length ?? 0)) return null;
  const locationPart = parts.slice(1).find((p) => LOCATION_ANYWHERE.test(p) && p.length <= 40);
  const nameLocation = /^(.*?)[ \t]*\(([^()]+)\)$/.exec(name);
  let finalName = name;
  let location = locationPart ?? null;
  if (nameLocation !== null && LOCATION_ANYWHERE.test(nameLocation[2] as string)) {
    finalName = clean(nameLocation[1] as string);
    location = clean(nameLocation[2] as string);
  }
  if (!isName(finalName) || (parts.length < 2 && location === null)) return null;
  const activity = parts.slice(1).find((p) => p !== locationPart) ?? null;
  // A label naming what is done ("Hébergement : Nuage SAS (France)") puts the name after it.
  const labelled = parts[1];
  if (ACTIVITY_LABEL.test(foldText(finalName)) && labelled !== undefined) {
    const named = /^(.*?)[ \t]*(?:\(([^()]+)\))?$/.exec(labelled);
    const name = clean(named?.[1] ?? "");
    if (!isName(name) || ACTIVITY_LABEL.test(foldText(name))) return null;
    const place =
      named?.[2] !== undefined && LOCATION_ANYWHERE.test(named[2])
        ? clean(named[2])
        : (parts.slice(2).find((p) => LOCATION_ANYWHERE.test(p)) ?? null);
    return { name, activity: finalName, location: place };
  }
  return { name: finalName, activity, location };
}

/** Words that label an activity, not a company: a list item that opens with one names the company after it. */
const ACTIVITY_LABEL =
  /^(?:hebergement|hosting|host|stockage|storage|sauvegardes?|backups?|messagerie|e-?mails?|emailing|courriels?|envoi[\w ]*|paiements?|payments?|analytics|analyse d'audience|statistiques|support|assistance|monitoring|supervision|infrastructure|cloud|crm|cdn|sms|authentification|authentication|facturation|billing|securite|security)$/;

/** A name that opens the item and something said of it after a comma or a parenthesis. */
function namedEntry(text: string): FoundSubprocessor | null {
  const lead = leadingName(text);
  if (lead === null || lead.rest === "" || !isName(lead.name)) return null;
  const location = lead.place ?? LOCATION_ANYWHERE.exec(lead.rest)?.[1] ?? null;
  return {
    name: lead.name,
    activity: lead.rest.slice(0, 200),
    location: location === null ? null : clean(location),
  };
}
