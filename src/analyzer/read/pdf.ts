// Reads PDF agreements through pdf.js (unpdf): lines rebuilt from positioned text, pages apart, and clear
// refusals for password-protected PDFs and PDFs without a usable text layer (scans).

import { getDocumentProxy } from "unpdf";
import { Art28Error } from "../../domain/error.js";
import { repairMojibake } from "../encoding-repair.js";
import type { ReadText } from "./plain.js";

interface PositionedText {
  readonly str: string;
  readonly transform: readonly number[];
  readonly height: number;
  readonly hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

/** Fewer letters than this in the whole document means there is no text layer to speak of. */
const MIN_LETTERS = 20;

export async function readPdf(bytes: Uint8Array): Promise<ReadText> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    document = await getDocumentProxy(data, { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  } catch (error) {
    throw pdfError(error);
  }
  const pages: PageLine[][] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) if (isPositionedText(item)) items.push(item);
      pages.push(layOutPage(items));
      page.cleanup();
    }
  } catch (error) {
    throw pdfError(error);
  } finally {
    await document.destroy().catch(() => undefined);
  }
  const text = joinPages(withoutFurniture(pages).map(pageText));
  checkTextLayer(text, pages.length);
  const repair = repairMojibake(text);
  return { text: repair.text, encodingRepaired: repair.repaired };
}

function isPositionedText(item: unknown): item is PositionedText {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

/**
 * Rebuilds a page's lines: items join until pdf.js marks an end of line or the baseline moves; a
 * vertical gap well above the line height marks a new paragraph.
 */
function layOutPage(items: readonly PositionedText[]): PageLine[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.transform[3] ?? 0) || item.height || 10;
    if (
      current !== null &&
      current.text !== "" &&
      Math.abs(current.y - y) > Math.max(current.height, height) / 2
    ) {
      lines.push(current);
      current = null;
    }
    if (current === null) current = { text: "", y, height };
    current.text += item.str;
    current.height = Math.max(current.height, height);
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current !== null) lines.push(current);
  const out: PageLine[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    const gap = previous === null ? 0 : previous.y - line.y;
    out.push({
      text: line.text,
      paragraph: previous !== null && gap > Math.max(previous.height, line.height) * 1.8,
    });
    previous = line;
  }
  return out;
}

interface PageLine {
  readonly text: string;
  /** Whether a paragraph gap separates the line from the one above. */
  readonly paragraph: boolean;
}

/** Lines a page's top or bottom holds that may be running heads, running feet or page numbers. */
const MARGIN_LINES = 2;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page|p\.)?\s*#(?:\s*(?:\/|sur|of|de)\s*#)?(?:\s*[-–—])?$/i;

function furnitureKey(line: string): string {
  return line.trim().replace(/\d+/g, "#").replace(/\s+/g, " ").toLowerCase();
}

/**
 * Drops page furniture, which would otherwise cut sentences that run from one page to the next: page
 * numbers, and lines repeated at the top or bottom of most pages (running heads and feet, with their
 * numbers allowed to differ).
 */
function withoutFurniture(pages: readonly (readonly PageLine[])[]): PageLine[][] {
  const margins = (page: readonly PageLine[]) =>
    page
      .map((_, index) => index)
      .filter((index) => index < MARGIN_LINES || index >= page.length - MARGIN_LINES);
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(margins(page).map((index) => furnitureKey((page[index] as PageLine).text)));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 3 && (seen.get(key) ?? 0) >= pages.length * 0.6;
  return pages.map((page) => {
    const dropped = new Set(
      margins(page).filter((index) => {
        const key = furnitureKey((page[index] as PageLine).text);
        return (pages.length >= 2 && PAGE_NUMBER.test(key)) || repeated(key);
      }),
    );
    return page.filter((_, index) => !dropped.has(index));
  });
}

/**
 * Pages apart (a form feed, which normalisation turns into a paragraph break), except where a sentence
 * runs on from one page into the next: then the page break is just a line break.
 */
function joinPages(pages: readonly string[]): string {
  let text = "";
  for (const page of pages) {
    if (page === "") continue;
    const runsOn =
      text !== "" &&
      !/[.!?:;…]["'»”’)\]]*\s*$/.test(text.slice(-40)) &&
      /^\s*\p{Ll}/u.test(page.slice(0, 40));
    text += text === "" ? page : `${runsOn ? "\n" : "\f"}${page}`;
  }
  return text;
}

function pageText(page: readonly PageLine[]): string {
  return page.map((line, index) => (index === 0 ? "" : line.paragraph ? "\n\n" : "\n") + line.text).join("");
}

function checkTextLayer(text: string, pageCount: number): void {
  const visible = text.replace(/\s+/g, "");
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) {
    throw new Art28Error(
      "unreadable_input",
      {
        fr: `PDF sans couche texte (${pageCount} page(s), probablement numérisé) : faites-le d'abord passer par une reconnaissance de caractères (OCR)`,
        en: `PDF without a text layer (${pageCount} page(s), probably scanned): run it through OCR first`,
      },
      { pages: pageCount },
    );
  }
  if (letters < visible.length * 0.3) {
    throw new Art28Error("unreadable_input", {
      fr: "PDF dont la couche texte est inutilisable (polices sans correspondance Unicode) : faites-le passer par un OCR",
      en: "PDF whose text layer is unusable (fonts without a Unicode mapping): run it through OCR",
    });
  }
}

function pdfError(error: unknown): Art28Error {
  if (error instanceof Art28Error) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new Art28Error(
      "unreadable_input",
      {
        fr: "PDF chiffré : il est protégé par un mot de passe ; fournissez une version non protégée",
        en: "encrypted PDF: it is password-protected; provide an unprotected copy",
      },
      { reason: message },
    );
  }
  return new Art28Error(
    "unreadable_input",
    {
      fr: "PDF corrompu ou illisible : sa structure est endommagée",
      en: "corrupt or unreadable PDF: its structure is damaged",
    },
    { reason: message },
  );
}
