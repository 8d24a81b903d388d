// Finds the structure of a normalised agreement: headings (articles, numbered and capitalised titles),
// sentences, list items and numbered clauses, and tables, each with offsets into the text.

export interface Span {
  readonly start: number;
  readonly end: number;
}
/** A heading; its span is the whole heading (number included), `title` the words after the number. */
export interface Heading extends Span {
  readonly level: number;
  readonly number: string | null;
  readonly title: string;
}
/** A sentence; `text` is exactly `text.slice(start, end)` and may hold line breaks of wrapped text. */
export interface Sentence extends Span {
  readonly text: string;
  /** Index in `headings` of the heading the sentence stands under. */
  readonly heading: number | null;
}
/** A list item or numbered clause; its span and `text` leave out the marker ("-", "a)", "2.", "4.1"). */
export interface ListItem extends Span {
  readonly text: string;
  readonly marker: string;
}
export interface TableCell extends Span {
  readonly text: string;
}
export interface Table extends Span {
  readonly header: readonly TableCell[] | null;
  readonly rows: readonly (readonly TableCell[])[];
}
export interface DocumentStructure {
  readonly headings: readonly Heading[];
  readonly sentences: readonly Sentence[];
  readonly lists: readonly ListItem[];
  readonly tables: readonly Table[];
}

/** "continuation": the second line of a heading that runs over two lines. */
type LineKind = "blank" | "text" | "heading" | "list" | "row" | "rule" | "continuation";

interface Line {
  /** Offsets of the line without its leading and trailing white space. */
  readonly start: number;
  readonly end: number;
  readonly content: string;
  kind: LineKind;
  /** For headings and list items: where the body text starts (after the number or marker). */
  bodyStart: number;
  heading: Omit<Heading, "start" | "end"> | null;
  headingEnd: number;
  marker: string;
}

/** Keywords that open a numbered division of an agreement, and the level they sit at. */
const DIVISION = new Map<string, number>([
  ["titre", 1],
  ["title", 1],
  ["chapitre", 1],
  ["chapter", 1],
  ["partie", 1],
  ["part", 1],
  ["annexe", 1],
  ["annex", 1],
  ["appendice", 1],
  ["appendix", 1],
  ["schedule", 1],
  ["exhibit", 1],
  ["article", 2],
  ["art.", 2],
  ["section", 2],
  ["clause", 2],
]);

const DIVISION_KEYWORD =
  /^(titre|title|chapitre|chapter|partie|part|annexe|annex|appendice|appendix|schedule|exhibit|article|art\.|section|clause)[ \t]+/i;
/** The number after a division keyword, and the separator before its title (case matters here). */
const DIVISION_NUMBER =
  /^((?:\d+|[IVXLCDM]+|[A-Z])(?:\.\d+)*|premier|première|first|unique|PREMIER|UNIQUE)(?:$|[ \t]*[-–—:.)](?!\d)[ \t]*|[ \t]+(?=\p{Lu}))/u;
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+/;
const MULTI_LEVEL_NUMBER = /^((?:\d+|[A-Z])(?:\.\d+)+)\.?(?:[ \t]*[-–—:)])?[ \t]+(?=\S)/;
const SINGLE_LEVEL_NUMBER = /^(\d{1,3}|[IVXLC]{1,6})(?:[.)]|[ \t]+[-–—])[ \t]+(?=\S)/;
const LIST_MARKER =
  /^([-*+•·▪◦‣○●■□➢➤►✓✔–—]|\d{1,3}[.)]|\(\d{1,3}\)|[a-zA-Z][.)]|\([a-zA-Z]\)|[ivxIVX]{1,5}[.)]|\([ivx]{1,5}\))[ \t]+(?=\S)/;
const NUMBER_IN_TITLE = /^((?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)+|\d+|[IVXLC]+)\.?(?:[ \t]*[-–—:)])?[ \t]+(?=\S)/;
const PIPE_SEPARATOR = /^\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?$/;
const TERMINAL = /[.!?…;:]["'»”’)\]*]*$/;

/** Abbreviations after which a period does not end a sentence (lower-cased, without the final period). */
const ABBREVIATIONS = new Set([
  "art",
  "arts",
  "al",
  "p",
  "pp",
  "ex",
  "p. ex",
  "cf",
  "n",
  "no",
  "nos",
  "nr",
  "vol",
  "ch",
  "chap",
  "sect",
  "par",
  "parag",
  "m",
  "mm",
  "mme",
  "mmes",
  "mlle",
  "dr",
  "pr",
  "prof",
  "me",
  "st",
  "ste",
  "cie",
  "inc",
  "ltd",
  "co",
  "corp",
  "e.g",
  "i.e",
  "c.-à-d",
  "c-à-d",
  "cad",
  "vs",
  "env",
  "approx",
  "resp",
  "min",
  "max",
  "mr",
  "mrs",
  "ms",
  "jr",
  "sr",
  "fig",
  "op",
  "cit",
  "ibid",
  "id",
  "viz",
  "janv",
  "févr",
  "fév",
  "avr",
  "juil",
  "sept",
  "oct",
  "nov",
  "déc",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "dec",
  "s.a",
  "s.a.s",
  "s.a.r.l",
  "s.p.a",
  "s.l",
  "d.o.o",
  "s.r.o",
  "s.r.l",
  "sprl",
  "b.v",
  "n.v",
  "ann",
  "suiv",
  "éd",
  "ed",
  "tél",
  "tel",
]);

export function structureOf(text: string): DocumentStructure {
  const lines = splitLines(text);
  const tables = findTables(text, lines);
  const wrapped = classifyLines(lines);
  const headings: Heading[] = [];
  const lists: ListItem[] = [];
  for (const line of lines) {
    if (line.kind === "heading" && line.heading !== null) {
      headings.push({ start: line.start, end: line.headingEnd, ...line.heading });
    }
  }
  collectListItems(text, lines, lists, wrapped);
  const sentences = withContinuedItems(text, findSentences(text, lines, headings, wrapped), lists);
  return { headings, sentences, lists, tables };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    const content = text.slice(start, end);
    lines.push({
      start,
      end,
      content,
      kind: content === "" ? "blank" : "text",
      bodyStart: start,
      heading: null,
      headingEnd: end,
      marker: "",
    });
    lineStart = lineEnd + 1;
  }
  return lines;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}

/** Pipe tables (a block of lines starting with "|") and tab-separated blocks of two rows or more. */
function findTables(text: string, lines: Line[]): Table[] {
  const tables: Table[] = [];
  const tabRows = lines.map((line) => tabCells(text, line));
  const isTabRow = (index: number) => (tabRows[index]?.length ?? 0) >= 2;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.content.startsWith("|")) {
      let j = i;
      while (j < lines.length && (lines[j] as Line).content.startsWith("|")) j++;
      if (j - i >= 2) tables.push(pipeTable(text, lines.slice(i, j)));
      i = Math.max(j, i + 1);
      continue;
    }
    const pipes = bareFieldCount(line.content);
    if (pipes >= 1) {
      // Rows written "a | b | c" without outer pipes, as markup stripped of its borders leaves them.
      let j = i;
      while (j < lines.length && bareFieldCount((lines[j] as Line).content) === pipes) j++;
      if (j - i >= 2) {
        tables.push(pipeTable(text, lines.slice(i, j)));
        i = j;
        continue;
      }
    }
    if (isTabRow(i)) {
      let j = i;
      while (j < lines.length && isTabRow(j)) j++;
      if (j - i >= 2) tables.push(tabTable(lines.slice(i, j), tabRows.slice(i, j)));
      i = Math.max(j, i + 1);
      continue;
    }
    i++;
  }
  return tables;
}

/** How many " | " separate the cells of a line written without outer pipes (0 when it is not one). */
function bareFieldCount(content: string): number {
  if (content.startsWith("|") || content.length > 2000) return 0;
  let count = 0;
  for (let k = content.indexOf(" | "); k !== -1; k = content.indexOf(" | ", k + 3)) count++;
  return count;
}

function pipeTable(text: string, block: Line[]): Table {
  let header: TableCell[] | null = null;
  const rows: TableCell[][] = [];
  block.forEach((line, index) => {
    if (PIPE_SEPARATOR.test(line.content)) {
      line.kind = "rule";
      if (index === 1 && rows.length === 1) header = rows.pop() ?? null;
      return;
    }
    line.kind = "row";
    rows.push(pipeCells(text, line));
  });
  const first = block[0] as Line;
  const last = block[block.length - 1] as Line;
  return { start: first.start, end: last.end, header, rows };
}

function pipeCells(text: string, line: Line): TableCell[] {
  const cells: TableCell[] = [];
  let cellStart = line.start;
  for (let k = line.start; k <= line.end; k++) {
    const atEnd = k === line.end;
    if (!atEnd && (text[k] !== "|" || text[k - 1] === "\\")) continue;
    if (k > line.start || atEnd) cells.push(trimmedCell(text, cellStart, k));
    cellStart = k + 1;
  }
  // The outer pipes open and close the row: drop the empty cells they leave at either end.
  if (line.content.startsWith("|") && cells[0]?.text === "" && cells.length > 0) cells.shift();
  if (line.content.endsWith("|") && cells[cells.length - 1]?.text === "") cells.pop();
  return cells;
}

/** A clause number or list marker alone before a tab ("7.1.1\tnotify …"): an item, not a table row. */
const MARKER_BEFORE_TAB =
  /^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z]\)|\(?[ivxIVX]{1,5}[.)]|[a-zA-Z]\.|\(\d{1,3}\)|[-•·▪◦‣○●■□*])[ ]?\t/;

function tabCells(text: string, line: Line): TableCell[] {
  if (!line.content.includes("\t") || MARKER_BEFORE_TAB.test(line.content)) return [];
  const parts = line.content.split("\t");
  let filled = 0;
  for (const part of parts) if (part.trim() !== "" && ++filled >= 2) break;
  if (filled < 2) return [];
  const cells: TableCell[] = [];
  let offset = line.start;
  for (const part of parts) {
    cells.push(trimmedCell(text, offset, offset + part.length));
    offset += part.length + 1;
  }
  return cells;
}

function tabTable(block: Line[], rows: TableCell[][]): Table {
  for (const line of block) line.kind = "row";
  const first = block[0] as Line;
  const last = block[block.length - 1] as Line;
  return { start: first.start, end: last.end, header: null, rows };
}

function trimmedCell(text: string, from: number, to: number): TableCell {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end, text: text.slice(start, end) };
}

/** Words a title does not end with: a line ending with one runs on. */
const RUNS_ON = new Set([
  "de",
  "des",
  "du",
  "d",
  "la",
  "le",
  "les",
  "l",
  "à",
  "au",
  "aux",
  "et",
  "ou",
  "en",
  "par",
  "pour",
  "sur",
  "dans",
  "avec",
  "entre",
  "of",
  "the",
  "and",
  "or",
  "to",
  "in",
  "for",
  "by",
  "with",
  "a",
  "an",
]);

function runsOn(title: string): boolean {
  const lastWord = /([\p{L}]+)['’]?$/u.exec(title)?.[1]?.toLowerCase() ?? "";
  return RUNS_ON.has(lastWord) || /['’]$/.test(title);
}

/** Classifies every line; returns whether the text is hard-wrapped (see isHardWrapped). */
function classifyLines(lines: Line[]): boolean {
  for (const line of lines) {
    if (line.kind !== "text") continue;
    if (/^(?:-{3,}|\*{3,}|_{3,}|={3,})$/.test(line.content)) {
      line.kind = "rule";
      continue;
    }
    if (!classifyHeading(line)) classifyListItem(line);
  }
  const wrapped = isHardWrapped(lines);
  // Numbered items of one level ("4.", "5."); a sub-clause ("7.1") under a "7." line makes it a title.
  const numeric = (other: Line | null) =>
    other !== null && other.kind === "list" && /^(?:\d+|[IVXLC]+)$/.test(other.marker.replace(/[.)]$/, ""));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const next = neighbour(lines, i, 1);
    if (line.kind === "list" && line.heading !== null) {
      // A line numbered "5." or "IV –" with a short title is a heading unless it sits among numbered
      // items or its sentence runs on into the next line.
      const carriesOn = next !== null && next.kind === "text" && continues(line, next, wrapped);
      if (!numeric(neighbour(lines, i, -1)) && !numeric(next) && !carriesOn && !runsOn(line.heading.title)) {
        line.kind = "heading";
      }
    }
    const markdown = line.content.startsWith("#");
    if (
      line.kind === "heading" &&
      line.heading !== null &&
      !markdown &&
      line.marker === "" &&
      MULTI_LEVEL_NUMBER.test(line.content) &&
      next !== null &&
      next.kind === "text" &&
      continues(line, next, wrapped) &&
      (line.end - line.start >= 60 || TERMINAL.test(next.content))
    ) {
      // "7.1 Processor shall notify the Controller of any" wrapped onto the next line: a clause.
      line.kind = "list";
      line.marker = (MULTI_LEVEL_NUMBER.exec(line.content)?.[1] ?? "").trim();
      line.bodyStart = line.start + (MULTI_LEVEL_NUMBER.exec(line.content)?.[0].length ?? 0);
      line.heading = null;
      continue;
    }
    if (
      line.kind === "heading" &&
      line.heading !== null &&
      !markdown &&
      line.bodyStart >= line.end &&
      next?.kind === "text"
    ) {
      // A title that breaks over two lines ("… d'analyse d'impact et de" / "consultation préalable").
      const short = next.content.length <= 100 && !/[.;]$/.test(next.content);
      if (short && (runsOn(line.heading.title) || /^\p{Ll}/u.test(next.content))) {
        line.heading = { ...line.heading, title: `${line.heading.title} ${next.content}` };
        line.headingEnd = next.end;
        line.bodyStart = next.end;
        next.kind = "continuation";
      }
    }
  }
  for (const line of lines) if (line.kind !== "heading") line.heading = null;
  return wrapped;
}

function neighbour(lines: Line[], index: number, step: 1 | -1): Line | null {
  for (let k = index + step; k >= 0 && k < lines.length; k += step) {
    const line = lines[k] as Line;
    if (line.kind !== "blank") return line;
  }
  return null;
}

/** Titles are short, start with a capital or a digit and do not end like a sentence. */
function looksLikeTitle(title: string): boolean {
  return title.length <= 120 && /^[\p{Lu}\d«"“]/u.test(title) && !/[.;,]$/.test(title);
}

/** Words that make a clause of a line: an obligation's verb, or a copula. */
const CLAUSE_VERB =
  /(?:^|[\s(])(?:shall|will|must|may|agrees?|undertakes?|acknowledges?|warrants?|is|are|doit|doivent|peut|peuvent|s'engagent?|s’engagent?|est|sont|veille|veillent)(?=[\s,.;:)]|$)/iu;

/**
 * A numbered line that reads as a clause rather than a title: it holds an obligation's verb, a
 * sentence that ends inside it ("2.1 Roles. The parties …"), or a long lead-in to a list.
 */
function readsLikeClause(title: string): boolean {
  if (CLAUSE_VERB.test(title)) return true;
  if (/\p{Ll}[.;!?]\s+\p{Lu}/u.test(title)) return true;
  return /:$/.test(title) && title.split(/\s+/).length > 8;
}

/** A Markdown heading's title without the optional closing hashes ("## Title ##"). */
function withoutClosingHashes(title: string): string {
  let end = title.length;
  while (end > 0 && title[end - 1] === "#") end--;
  if (end === title.length) return title;
  // Closing hashes count only after white space; "C#" keeps its hash.
  if (end > 0 && title[end - 1] !== " " && title[end - 1] !== "\t") return title;
  return title.slice(0, end).trimEnd();
}

/** "Article 5 –", "ANNEXE II :", "Section 4.2": [whole match, keyword, number]. */
function divisionHeading(content: string): [string, string, string] | null {
  const keyword = DIVISION_KEYWORD.exec(content);
  if (keyword === null) return null;
  const number = DIVISION_NUMBER.exec(content.slice(keyword[0].length));
  if (number === null) return null;
  return [keyword[0] + number[0], keyword[1] as string, number[1] as string];
}

function classifyHeading(line: Line): boolean {
  const content = line.content;
  const markdown = MARKDOWN_HEADING.exec(content);
  if (markdown !== null) {
    const hashes = markdown[1] as string;
    const rawTitle = withoutClosingHashes(content.slice(markdown[0].length));
    const numbered = NUMBER_IN_TITLE.exec(rawTitle);
    const division = divisionHeading(rawTitle);
    line.kind = "heading";
    line.bodyStart = line.end;
    line.heading = {
      level: hashes.length,
      number: division?.[2] ?? numbered?.[1] ?? null,
      title: (division !== null
        ? rawTitle.slice(division[0].length)
        : numbered !== null
          ? rawTitle.slice(numbered[0].length)
          : rawTitle
      ).trim(),
    };
    return true;
  }
  const division = divisionHeading(content);
  if (division !== null && !(division[1]?.toLowerCase() === "art." && content.length > 120)) {
    const keyword = (division[1] as string).toLowerCase();
    const number = division[2] as string;
    const rest = content.slice(division[0].length);
    // A long line opens with its heading and goes on with the clause: the heading ends at the colon
    // (or is the bare number), the rest is body text.
    let title = rest.trim();
    let headingEnd = line.end;
    if (content.length > 150 || /[.;]$/.test(title)) {
      const colon = rest.search(/[ \t]:[ \t]|:[ \t]|[ \t]–[ \t]/);
      if (colon !== -1 && colon <= 120) {
        title = rest.slice(0, colon).trim();
        headingEnd = line.start + division[0].length + colon;
      } else {
        title = "";
        headingEnd = line.start + division[0].length;
      }
      while (headingEnd > line.start && /[\s\-–—:.]/.test(content[headingEnd - line.start - 1] as string)) {
        headingEnd--;
      }
      const body = content.slice(headingEnd - line.start).search(/[^\s\-–—:.]/);
      line.bodyStart = body === -1 ? line.end : headingEnd + body;
    } else {
      line.bodyStart = line.end;
    }
    line.kind = "heading";
    line.headingEnd = headingEnd;
    line.heading = {
      level: (DIVISION.get(keyword) ?? 2) + (number.match(/\./g)?.length ?? 0),
      number,
      title: title.replace(/[ \t]*:$/, ""),
    };
    return true;
  }
  const multi = MULTI_LEVEL_NUMBER.exec(content);
  if (multi !== null) {
    const title = content.slice(multi[0].length);
    if (!looksLikeTitle(title) || readsLikeClause(title)) return false;
    const number = multi[1] as string;
    line.kind = "heading";
    line.bodyStart = line.end;
    line.heading = { level: number.split(".").length + 1, number, title: title.replace(/[ \t]*:$/, "") };
    return true;
  }
  const single = SINGLE_LEVEL_NUMBER.exec(content);
  if (single !== null) {
    const title = content.slice(single[0].length);
    if (!looksLikeTitle(title) || title.length > 80 || readsLikeClause(title)) return false;
    // Provisionally a list item; classifyLines makes it a heading when no list surrounds it.
    line.kind = "list";
    line.marker = single[0].trim();
    line.bodyStart = line.start + single[0].length;
    line.heading = { level: /^\d/.test(single[1] as string) ? 2 : 1, number: single[1] as string, title };
    return true;
  }
  if (isCapitalisedTitle(content)) {
    line.kind = "heading";
    line.bodyStart = line.end;
    line.heading = { level: 1, number: null, title: content };
    return true;
  }
  return false;
}

/** A short line whose letters are all capitals ("CONVENTION DE TRAITEMENT", "ANNEXE 2 – MESURES"). */
function isCapitalisedTitle(content: string): boolean {
  if (content.length > 150 || /[.;,]$/.test(content)) return false;
  let upper = 0;
  for (const char of content) {
    if (char.toLowerCase() !== char) upper++;
    else if (char.toUpperCase() !== char) return false;
  }
  return upper >= 5 && /\p{Lu}{2,}[\s\S]*\p{Lu}/u.test(content);
}

function classifyListItem(line: Line): boolean {
  const match = LIST_MARKER.exec(line.content);
  const clause = match === null ? MULTI_LEVEL_NUMBER.exec(line.content) : null;
  const marker = match ?? clause;
  if (marker === null) return false;
  line.kind = "list";
  line.marker = (marker[1] as string).trim();
  line.bodyStart = line.start + marker[0].length;
  return true;
}

/**
 * List items and numbered clauses: the marker's line, continued by the following lines of text that
 * carry on its last sentence.
 */
function collectListItems(text: string, lines: Line[], lists: ListItem[], wrapped: boolean): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.kind !== "list") continue;
    let end = line.end;
    let last = line;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as Line;
      if (next.kind === "blank") continue;
      if (next.kind !== "text" || !continues(last, next, wrapped)) break;
      end = next.end;
      last = next;
    }
    if (end > line.bodyStart) {
      lists.push({ start: line.bodyStart, end, text: text.slice(line.bodyStart, end), marker: line.marker });
    }
  }
}

/**
 * Whether the text is hard-wrapped (extracted from PDF or a fixed-width layout): most lines that do not
 * end a sentence are followed by one that carries on in lower case.
 */
function isHardWrapped(lines: Line[]): boolean {
  let open = 0;
  let carriedOn = 0;
  let previous: Line | null = null;
  for (const line of lines) {
    if (line.kind === "blank") continue;
    if (
      previous !== null &&
      previous.kind === "text" &&
      line.kind === "text" &&
      !TERMINAL.test(previous.content)
    ) {
      open++;
      if (/^\p{Ll}/u.test(line.content)) carriedOn++;
    }
    previous = line;
  }
  return carriedOn >= 3 && carriedOn * 2 >= open;
}

function findSentences(
  text: string,
  lines: Line[],
  headings: readonly Heading[],
  wrapped: boolean,
): Sentence[] {
  const sentences: Sentence[] = [];
  let headingIndex = -1;
  let segmentStart = -1;
  let segmentEnd = -1;
  let last: Line | null = null;
  const flush = () => {
    if (segmentStart !== -1) splitSentences(text, segmentStart, segmentEnd, headingIndex, sentences);
    segmentStart = -1;
    last = null;
  };
  for (const line of lines) {
    if (line.kind === "blank") continue;
    const carriesOn = line.kind === "text" && last !== null && continues(last, line, wrapped);
    if (carriesOn) {
      segmentEnd = line.end;
      last = line;
      continue;
    }
    flush();
    if (line.kind === "heading") {
      while (
        headingIndex + 1 < headings.length &&
        (headings[headingIndex + 1] as Heading).start <= line.start
      ) {
        headingIndex++;
      }
      if (line.bodyStart < line.end) {
        segmentStart = line.bodyStart;
        segmentEnd = line.end;
        last = line;
      }
      continue;
    }
    if (line.kind === "rule" || line.kind === "continuation") continue;
    if (line.kind === "row") {
      sentences.push({
        start: line.start,
        end: line.end,
        text: line.content,
        heading: nullable(headingIndex),
      });
      continue;
    }
    segmentStart = line.kind === "list" ? line.bodyStart : line.start;
    segmentEnd = line.end;
    last = line;
  }
  flush();
  return sentences;
}

/** The most sub-items a clause carries on into, and the longest such clause, in characters. */
const MAX_CONTINUED_ITEMS = 6;
const MAX_CONTINUED_LENGTH = 1000;
/** How an item that carries on its clause's sentence ends: "; and", ", or", "; et"… or the final period. */
const ITEM_END = /(?:[;,](?:\s*(?:and|or|et|ou))?|\.)["'»”’)\]]*$/i;

/**
 * A clause whose sentence goes on in its numbered sub-items ("within 72 hours of becoming aware of it:
 * 7.1.1 notify the Customer …; and 7.1.2 …") is one sentence: the items, each in lower case and ending
 * with a semicolon or a comma until the last one's period, join the sentence that introduces them, so
 * its terms keep their subject and their verb. Bulleted points stay sentences of their own.
 */
function withContinuedItems(text: string, sentences: Sentence[], lists: readonly ListItem[]): Sentence[] {
  if (lists.length === 0) return sentences;
  const itemAt = new Map<number, ListItem>();
  for (const item of lists) itemAt.set(item.start, item);
  const out: Sentence[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] as Sentence;
    out.push(sentence);
    if (!/:["'»”’)\]]*$/.test(sentence.text)) continue;
    let last = i;
    let closed = false;
    for (let k = i + 1; k < sentences.length && k - i <= MAX_CONTINUED_ITEMS; k++) {
      const next = sentences[k] as Sentence;
      const item = itemAt.get(next.start);
      if (item === undefined || item.end !== next.end || !/^\p{Ll}/u.test(next.text)) break;
      // Numbered or lettered sub-items continue a clause; bullets list separate points.
      if (!/^(?:\d|\(?[a-zA-Z]{1,4}[.)])/.test(item.marker)) break;
      if (!ITEM_END.test(next.text) || next.end - sentence.start > MAX_CONTINUED_LENGTH) break;
      last = k;
      if (/\.["'»”’)\]]*$/.test(next.text)) {
        closed = true;
        break;
      }
    }
    if (!closed || last === i) continue;
    const end = (sentences[last] as Sentence).end;
    out[out.length - 1] = { ...sentence, end, text: text.slice(sentence.start, end) };
    i = last;
  }
  return out;
}

function nullable(index: number): number | null {
  return index < 0 ? null : index;
}

/** Whether `next` carries on the sentence that `previous` left open. */
function continues(previous: Line, next: Line, wrapped: boolean): boolean {
  if (TERMINAL.test(previous.content)) return false;
  if (/^\p{Ll}/u.test(next.content)) return true;
  if (!wrapped) return false;
  // In hard-wrapped text a long line runs on into the next; a short one ends a paragraph or a title.
  return previous.end - previous.start >= 40;
}

/**
 * Final punctuation, its closing quotes and brackets, then white space. The look-behind starts a match
 * only at the first mark of a run, so a run of dots (a table of contents' leaders) is tried once, not
 * once per dot.
 */
const BOUNDARY = /(?<![.!?…])[.!?…]+["'»”’)\]*]*(?=\s)/g;

function splitSentences(
  text: string,
  from: number,
  to: number,
  headingIndex: number,
  sentences: Sentence[],
): void {
  const segment = text.slice(from, to);
  let pieceStart = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(segment); match !== null; match = BOUNDARY.exec(segment)) {
    const boundary = match.index + match[0].length;
    if (!endsSentence(segment, match.index, boundary)) continue;
    pushSentence(text, from + pieceStart, from + boundary, headingIndex, sentences);
    pieceStart = boundary;
  }
  pushSentence(text, from + pieceStart, to, headingIndex, sentences);
}

function endsSentence(segment: string, terminator: number, boundary: number): boolean {
  const following = /^\s+(\S)/.exec(segment.slice(boundary, boundary + 16));
  const next = following?.[1] ?? "";
  if (/\p{Ll}/u.test(next)) return false;
  if (segment[terminator] !== ".") return true;
  if (segment[terminator + 1] === ".") return true;
  const before = /[\p{L}.°-]*$/u.exec(segment.slice(Math.max(0, terminator - 24), terminator))?.[0] ?? "";
  const word = before.toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (
    /^p\. ?ex$/.test(
      segment
        .slice(Math.max(0, terminator - 5), terminator)
        .toLowerCase()
        .trim(),
    )
  )
    return false;
  // An initial ("M. Dupont", "J. Martin") or a single letter numbering a clause.
  if (/^\p{Lu}$/u.test(before)) return false;
  // "n°" and "art" before a number: "art. 28", "al. 2".
  if (/^\d/.test(next) && /^(?:art|al|n°|no|p|pp|ch|sect|par|§)$/.test(word)) return false;
  return true;
}

function pushSentence(
  text: string,
  from: number,
  to: number,
  headingIndex: number,
  sentences: Sentence[],
): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end <= start) return;
  sentences.push({ start, end, text: text.slice(start, end), heading: nullable(headingIndex) });
}
