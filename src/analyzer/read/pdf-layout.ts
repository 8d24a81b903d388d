// Rebuilds a PDF's reading order from positioned text runs: lines by baseline, wrapped lines of a
// paragraph joined, paragraphs apart, tables as pipe rows of cells, page furniture dropped.

/** A run of text as pdf.js places it: baseline origin (x, y, y growing upwards), width, font size. */
export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly font: string;
}

/** A horizontal piece of a line; a line splits into chunks where a wide gap separates its runs. */
interface Chunk {
  x0: number;
  x1: number;
  text: string;
  readonly font: string;
  readonly size: number;
}

interface Line {
  readonly y: number;
  readonly size: number;
  readonly chunks: Chunk[];
  readonly x0: number;
  readonly x1: number;
  /** The chunks joined by single spaces. */
  readonly text: string;
}

interface TableBlock {
  readonly kind: "table";
  readonly rows: string[][];
  header: boolean;
  readonly columns: number;
}

interface TextBlock {
  readonly kind: "text";
  readonly line: Line;
}

type Block = TableBlock | TextBlock;

/** A gap wider than this many font sizes between two runs of a line may separate table columns. */
const COLUMN_GAP = 1.0;
/** Lines of a page's top or bottom that may be running heads, running feet or page numbers. */
const MARGIN_LINES = 2;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page|p\.)?\s*#(?:\s*(?:\/|sur|of|de)\s*#)?(?:\s*[-–—])?$/i;
/** What opens a list item or a numbered clause: such a line starts anew even after a full line. */
const ITEM_START =
  /^(?:[-•·▪◦‣○●■□➢➤►✓✔*]\s|\(?[a-zA-Z]\)\s|\(?[ivxIVX]{1,5}\)\s|\d{1,3}(?:\.\d{1,3})+\.?\s|\d{1,3}[.)]\s+\p{Lu}|(?:article|section|clause|annexe?|schedule|appendix)\s+\d)/iu;
/** A chunk that is only a list marker (a bullet, "a)", "(iv)", "2.", "1.1.3"), set apart by a tab stop. */
const MARKER_ONLY =
  /^(?:[-•·▪◦‣○●■□➢➤►✓✔*–—]|\(?[a-zA-Z]\)|\(?[ivxlIVXL]{1,6}[.)]|[a-zA-Z]\.|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})*[.)]?)$/;
const TERMINAL = /[.!?;:…]["'»”’)\]]*$/;

/**
 * The text of a PDF, page after page: each paragraph on one line (its wrapped lines joined), a blank
 * line between paragraphs, tables as "| a | b |" rows, running heads, feet and page numbers left out.
 */
export function layOutPdf(pages: readonly (readonly TextRun[])[]): string {
  const lines = withoutFurniture(pages.map(linesOf));
  const blocks = lines.map(blocksOf);
  mergeTablesAcrossPages(blocks);
  const edge = rightEdge(blocks);
  const spacing = typicalSpacing(blocks);
  let text = "";
  let previous: Line | null = null;
  for (const page of blocks) {
    for (const block of page) {
      if (block.kind === "table") {
        if (block.rows.length === 0) continue;
        text += `${text === "" ? "" : "\n\n"}${renderTable(block)}`;
        previous = null;
        continue;
      }
      const line = block.line;
      text += previous === null ? (text === "" ? "" : "\n\n") : separator(previous, line, edge, spacing);
      text += line.text;
      previous = line;
    }
  }
  return text;
}

/** Lines of a page, top to bottom, each split into chunks at wide gaps. */
function linesOf(runs: readonly TextRun[]): Line[] {
  const visible = runs.filter((run) => run.text.trim() !== "" && Number.isFinite(run.x + run.y));
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let group: TextRun[] = [];
  let baseline = Number.NaN;
  for (const run of visible) {
    if (group.length > 0 && Math.abs(run.y - baseline) > Math.max(run.size, 1) * 0.4) {
      groups.push(group);
      group = [];
    }
    if (group.length === 0) baseline = run.y;
    group.push(run);
  }
  if (group.length > 0) groups.push(group);
  return groups.map(lineOf);
}

function lineOf(runs: TextRun[]): Line {
  runs.sort((a, b) => a.x - b.x);
  const kept = withoutFilledBlanks(runs);
  const chunks: Chunk[] = [];
  let chunk: Chunk | null = null;
  for (const run of kept) {
    const size = Math.max(run.size, 1);
    const gap = chunk === null ? 0 : run.x - chunk.x1;
    if (chunk === null || gap > size * COLUMN_GAP) {
      chunk = { x0: run.x, x1: run.x + run.width, text: run.text, font: run.font, size };
      chunks.push(chunk);
      continue;
    }
    const spaced = /\s$/.test(chunk.text) || /^\s/.test(run.text) || gap <= size * 0.1;
    chunk.text += spaced ? run.text : ` ${run.text}`;
    chunk.x1 = Math.max(chunk.x1, run.x + run.width);
  }
  for (const each of chunks) each.text = each.text.replace(/\s+/g, " ").trim();
  const size = Math.max(...kept.map((run) => run.size), 1);
  const merged = mergeMarkers(chunks);
  return {
    y: (kept[0] as TextRun).y,
    size,
    chunks: merged,
    x0: (merged[0] as Chunk).x0,
    x1: Math.max(...merged.map((each) => each.x1)),
    text: merged.map((each) => each.text).join(" "),
  };
}

/** A blank to fill in ("______") over which the filler typed a value: the value is kept, not the blank. */
function withoutFilledBlanks(runs: TextRun[]): TextRun[] {
  const blank = (run: TextRun) => /^[_.…\s]{4,}$/.test(run.text);
  if (!runs.some(blank)) return runs;
  const kept = runs.filter(
    (run) =>
      !blank(run) ||
      !runs.some((other) => !blank(other) && other.x < run.x + run.width && other.x + other.width > run.x),
  );
  return kept.length > 0 ? kept : runs;
}

/** A list marker set apart from its text by a tab stop belongs with that text, not in a column of its own. */
function mergeMarkers(chunks: Chunk[]): Chunk[] {
  const first = chunks[0];
  const second = chunks[1];
  if (first === undefined || second === undefined || !MARKER_ONLY.test(first.text)) return chunks;
  const merged: Chunk = { ...first, x1: second.x1, text: `${first.text} ${second.text}` };
  return [merged, ...chunks.slice(2)];
}

function furnitureKey(line: string): string {
  return line.trim().replace(/\d+/g, "#").replace(/\s+/g, " ").toLowerCase();
}

/**
 * Drops page furniture, which would otherwise cut sentences that run from one page to the next: page
 * numbers, and lines repeated at the top or bottom of most pages (running heads and feet, with their
 * numbers allowed to differ). Repeated lines are furniture only while they are a small part of the
 * text: a document whose pages repeat keeps its pages.
 */
function withoutFurniture(pages: readonly Line[][]): Line[][] {
  const margins = (page: readonly Line[]) =>
    page
      .map((_, index) => index)
      .filter((index) => index < MARGIN_LINES || index >= page.length - MARGIN_LINES);
  // On how many pages each line recurs, wherever it stands (only margin lines are dropped).
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.map((line) => furnitureKey(line.text)));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeatedKey = (key: string) => pages.length >= 3 && (seen.get(key) ?? 0) >= pages.length * 0.6;
  const dropped = pages.map(
    (page) =>
      new Set(
        margins(page).filter((index) => {
          const key = furnitureKey((page[index] as Line).text);
          return (pages.length >= 2 && PAGE_NUMBER.test(key)) || repeatedKey(key);
        }),
      ),
  );
  // Pages made only of lines that recur on most pages are the same page again, not furniture.
  const repeats = (page: readonly Line[]) =>
    page.length > 0 && page.every((line) => (seen.get(furnitureKey(line.text)) ?? 0) >= pages.length * 0.6);
  const keepRepeated = pages.length >= 3 && pages.filter(repeats).length * 2 >= pages.length;
  return pages.map((page, p) =>
    page.filter((line, index) => {
      if (!(dropped[p] as Set<number>).has(index)) return true;
      return keepRepeated && !(pages.length >= 2 && PAGE_NUMBER.test(furnitureKey(line.text)));
    }),
  );
}

/** Whether a line's chunks may be cells of a table row. */
function isColumnar(line: Line): boolean {
  return line.chunks.length >= 2 && line.chunks.length <= 8;
}

/** The index of the column a chunk starting at x falls into, or -1 left of the first column. */
function columnAt(columns: readonly number[], x: number, tolerance: number): number {
  let found = -1;
  for (let k = 0; k < columns.length; k++) if ((columns[k] as number) <= x + tolerance) found = k;
  return found;
}

function startsColumn(columns: readonly number[], x: number, tolerance: number): boolean {
  return columns.some((column) => Math.abs(column - x) <= tolerance);
}

/**
 * A page's blocks: runs of lines whose chunks stand in the same columns form a table (at least two
 * such lines); every other line is text.
 */
function blocksOf(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const members = isColumnar(line) ? tableFrom(lines, i) : null;
    if (members === null) {
      blocks.push({ kind: "text", line });
      i++;
      continue;
    }
    blocks.push(tableOf(members));
    i += members.length;
  }
  return blocks;
}

/** The lines of the table that starts at `start`, or null when fewer than two of them are columnar. */
function tableFrom(lines: readonly Line[], start: number): Line[] | null {
  const first = lines[start] as Line;
  const tolerance = Math.max(4, first.size * 0.6);
  const columns = first.chunks.map((chunk) => chunk.x0);
  const members = [first];
  let columnar = 1;
  let lastColumnar = 0;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j] as Line;
    const gap = (lines[j - 1] as Line).y - line.y;
    if (gap > Math.max(line.size, first.size) * 6) break;
    const fits = line.chunks.every((chunk) => {
      const column = columnAt(columns, chunk.x0, tolerance);
      const next = columns[column + 1];
      return column !== -1 && (next === undefined || chunk.x1 <= next + tolerance);
    });
    if (isColumnar(line)) {
      // Its chunks stay within the columns; a justified cell's wide word gap may split one inside a column.
      if (!fits || !startsColumn(columns, line.x0, tolerance)) break;
      columnar++;
      lastColumnar = members.length;
      members.push(line);
      continue;
    }
    // A single chunk carries on a cell: it starts at a column and stays within it.
    if (!fits || !startsColumn(columns, line.x0, tolerance) || gap > line.size * 3) break;
    members.push(line);
  }
  if (columnar < 2) return null;
  return members.slice(0, lastColumnar + 1).concat(trailingCells(members, lastColumnar, columns, tolerance));
}

/** Lines after the last columnar one that carry on its cells (not the first column: that would be text). */
function trailingCells(
  members: readonly Line[],
  lastColumnar: number,
  columns: readonly number[],
  tolerance: number,
): Line[] {
  const trailing: Line[] = [];
  for (const line of members.slice(lastColumnar + 1)) {
    const column = columnAt(columns, line.x0, tolerance);
    const previous = trailing[trailing.length - 1] ?? (members[lastColumnar] as Line);
    if (column <= 0 && previous.y - line.y > line.size * 1.6) break;
    trailing.push(line);
  }
  return trailing;
}

/**
 * Groups a table's lines into rows of cells. Where cells have padding, a wider gap between lines
 * separates rows; otherwise each line that fills most columns (its first among them) opens a row and
 * the others carry on its cells.
 */
function tableOf(lines: readonly Line[]): TableBlock {
  const first = lines[0] as Line;
  const tolerance = Math.max(4, first.size * 0.6);
  const columns = first.chunks.map((chunk) => chunk.x0);
  const gaps = lines.slice(1).map((line, k) => (lines[k] as Line).y - line.y);
  const smallest = Math.min(...gaps);
  const padded = gaps.some((gap) => gap > smallest * 1.3 + 0.5);
  const rows: { cells: string[]; fonts: Set<string> }[] = [];
  lines.forEach((line, k) => {
    const filled = new Set(line.chunks.map((chunk) => columnAt(columns, chunk.x0, tolerance)));
    const opens =
      k === 0 ||
      (filled.has(0) &&
        (padded ? (gaps[k - 1] as number) > smallest * 1.3 + 0.5 : filled.size * 2 >= columns.length));
    if (opens) rows.push({ cells: columns.map(() => ""), fonts: new Set() });
    const row = rows[rows.length - 1] as { cells: string[]; fonts: Set<string> };
    for (const chunk of line.chunks) {
      const column = Math.max(0, columnAt(columns, chunk.x0, tolerance));
      const cell = row.cells[column] as string;
      row.cells[column] =
        cell === "" ? chunk.text : `${cell}${/\p{L}-$/u.test(cell) ? "" : " "}${chunk.text}`;
      row.fonts.add(chunk.font);
    }
  });
  // A first row set in a font no other row uses (bold column titles) is the header.
  const otherFonts = new Set(rows.slice(1).flatMap((row) => [...row.fonts]));
  const header = rows.length > 1 && [...(rows[0]?.fonts ?? [])].every((font) => !otherFonts.has(font));
  return { kind: "table", rows: rows.map((row) => row.cells), header, columns: columns.length };
}

/**
 * A table that ends one page and one that starts the next with as many columns are one table broken
 * by the page; a header row the next page repeats is dropped.
 */
function mergeTablesAcrossPages(pages: Block[][]): void {
  for (let p = 1; p < pages.length; p++) {
    const before = lastNonEmpty(pages, p - 1);
    const page = pages[p] as Block[];
    const next = page[0];
    if (before === null || before.kind !== "table" || next?.kind !== "table") continue;
    if (before.columns !== next.columns) continue;
    const title = before.rows[0]?.join("|");
    const rows = next.rows.filter((row, index) => !(index === 0 && row.join("|") === title));
    before.rows.push(...rows);
    next.rows.length = 0;
  }
}

function lastNonEmpty(pages: readonly Block[][], index: number): Block | null {
  for (let p = index; p >= 0; p--) {
    const page = pages[p] as Block[];
    for (let k = page.length - 1; k >= 0; k--) {
      const block = page[k] as Block;
      if (block.kind === "text" || block.rows.length > 0) return block;
    }
  }
  return null;
}

function renderTable(table: TableBlock): string {
  const lines = table.rows.map((row) => `| ${row.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`);
  if (table.header) lines.splice(1, 0, `|${" --- |".repeat(table.columns)}`);
  return lines.join("\n");
}

/**
 * The right edge of the text: the median over pages of the farthest a text line reaches, so that a
 * page of short lines (a signature page) does not make them look full.
 */
function rightEdge(pages: readonly Block[][]): number {
  const reaches: number[] = [];
  for (const page of pages) {
    let reach = Number.NEGATIVE_INFINITY;
    for (const block of page) if (block.kind === "text") reach = Math.max(reach, block.line.x1);
    if (Number.isFinite(reach)) reaches.push(reach);
  }
  reaches.sort((a, b) => a - b);
  return reaches[Math.floor(reaches.length / 2)] ?? 0;
}

/** The most common distance between the baselines of two lines of a paragraph, in font sizes. */
function typicalSpacing(pages: readonly Block[][]): number {
  const counts = new Map<number, number>();
  for (const page of pages) {
    for (let k = 1; k < page.length; k++) {
      const a = page[k - 1] as Block;
      const b = page[k] as Block;
      if (a.kind !== "text" || b.kind !== "text" || Math.abs(a.line.size - b.line.size) > 0.5) continue;
      const ratio = Math.round(((a.line.y - b.line.y) / b.line.size) * 20) / 20;
      if (ratio > 0) counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
    }
  }
  let best = 1.2;
  let most = 0;
  for (const [ratio, count] of counts) {
    if (count > most || (count === most && ratio < best)) {
      best = ratio;
      most = count;
    }
  }
  return best;
}

/**
 * What goes between two lines of text: a blank line where a wider gap parts paragraphs (or a new
 * page starts), a space where the first line was full and its sentence runs on (the second line's
 * first word did not fit on it), a line break otherwise.
 */
function separator(above: Line, below: Line, edge: number, spacing: number): string {
  const size = Math.max(above.size, below.size);
  const gap = above.y - below.y;
  const newPage = gap < 0;
  if (!newPage && gap > spacing * size * 1.25 + 0.5) return "\n\n";
  const firstWord = /^\S+/.exec(below.text)?.[0] ?? "";
  const firstChunk = below.chunks[0] as Chunk;
  const charWidth = (firstChunk.x1 - firstChunk.x0) / Math.max(firstChunk.text.length, 1);
  // A change of font size parts a title from what follows it.
  if (Math.abs(above.size - below.size) > Math.min(above.size, below.size) * 0.15)
    return newPage ? "\n\n" : "\n";
  const full = above.x1 + charWidth * (firstWord.length + 1) >= edge - size * 0.2;
  if (full && !TERMINAL.test(above.text) && !ITEM_START.test(below.text)) {
    // A hyphen at the end of a line is settled by normalisation (a compound's hyphen, or a split word).
    return /\p{L}-$/u.test(above.text) ? "\n" : " ";
  }
  return newPage ? "\n\n" : "\n";
}
