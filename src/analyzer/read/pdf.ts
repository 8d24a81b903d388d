// Reads PDF agreements through pdf.js (unpdf): the positioned text of each page handed to pdf-layout, and
// clear refusals for password-protected PDFs and PDFs without a usable text layer (scans).

import { getDocumentProxy } from "unpdf";
import { Art28Error } from "../../domain/error.js";
import { repairMojibake } from "../encoding-repair.js";
import { layOutPdf, type TextRun } from "./pdf-layout.js";
import type { ReadText } from "./plain.js";

interface PositionedText {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName?: string;
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
  const pages: TextRun[][] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) if (isPositionedText(item)) runs.push(runOf(item));
      pages.push(runs);
      page.cleanup();
    }
  } catch (error) {
    throw pdfError(error);
  } finally {
    await document.destroy().catch(() => undefined);
  }
  // The text layer is judged on everything the pages hold, before furniture is set aside.
  checkTextLayer(pages.map((runs) => runs.map((run) => run.text).join("")).join(""), pages.length);
  const text = layOutPdf(pages);
  const repair = repairMojibake(text);
  return { text: repair.text, encodingRepaired: repair.repaired };
}

function isPositionedText(item: unknown): item is PositionedText {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

function runOf(item: PositionedText): TextRun {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  // The font size is the scale of the text matrix; a skew (italics) leaves the vertical scale as it is.
  const size = Math.abs(d) || Math.hypot(a, b) || Math.hypot(c, d) || item.height || 10;
  return { text: item.str, x, y, width: item.width, size, font: item.fontName ?? "" };
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
