// Reads an agreement file of any supported format into normalised text, the input of the analyzer.

import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { Art28Error } from "../domain/error.js";
import { normalizeText } from "./normalize.js";
import { readDocx } from "./read/docx.js";
import { readHtml } from "./read/html.js";
import { readOdt } from "./read/odt.js";
import { readPdf } from "./read/pdf.js";
import { type ReadText, readMarkdown, readPlainText } from "./read/plain.js";
import { type RecognisedFormat, recogniseFormat, type SourceFormat } from "./read/source-format.js";

export type { SourceFormat } from "./read/source-format.js";

export interface ExtractedText {
  /** Normalised text; all offsets in the analysis point into it. */
  readonly text: string;
  readonly format: SourceFormat;
  readonly encodingRepaired: boolean;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** Files above this size are refused before being read whole. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * Characters of text a document may hold once read: a 500-page agreement with its annexes is under 2 million. Past
 * this the analysis would hold the machine for long, for no agreement.
 */
export const MAX_TEXT_CHARS = 5_000_000;

function tooMuchText(fileName: string, length: number): Art28Error {
  const millions = (length / 1_000_000).toFixed(1);
  const millionsFr = millions.replace(".", ",");
  return new Art28Error(
    "unreadable_input",
    {
      fr: `document trop long : ${millionsFr} millions de caractères de texte, au-delà de la limite de 5 millions`,
      en: `document too long: ${millions} million characters of text, over the 5 million limit`,
    },
    { argument: fileName },
  );
}

function tooLarge(fileName: string, size: number): Art28Error {
  const megabytes = (size / (1024 * 1024)).toFixed(1);
  return new Art28Error(
    "unreadable_input",
    {
      fr: `fichier trop volumineux : ${megabytes} Mo, au-delà de la limite de 50 Mo`,
      en: `file too large: ${megabytes} MB, over the 50 MB limit`,
    },
    { argument: fileName },
  );
}

export async function readDocument(path: string): Promise<ExtractedText> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new Art28Error(
        "unreadable_input",
        { fr: `${path} n'est pas un fichier`, en: `${path} is not a file` },
        { argument: path },
      );
    }
    size = info.size;
  } catch (error) {
    throw fileError(error, path);
  }
  if (size > MAX_DOCUMENT_BYTES) throw tooLarge(path, size);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(error, path);
  }
  return readDocumentBytes(bytes, basename(path));
}

function fileError(error: unknown, path: string): Art28Error {
  if (error instanceof Art28Error) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new Art28Error(
      "not_found",
      { fr: `fichier introuvable : ${path}`, en: `file not found: ${path}` },
      { argument: path },
    );
  }
  return new Art28Error(
    "unreadable_input",
    {
      fr: `fichier illisible : ${path} (${String(code ?? "erreur de lecture")})`,
      en: `unreadable file: ${path} (${String(code ?? "read error")})`,
    },
    { argument: path },
  );
}

export async function readDocumentBytes(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw tooLarge(fileName, bytes.byteLength);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const recognised = recogniseFormat(bytes, fileName);
  const read = await readAs(recognised, bytes);
  if (read.text.length > MAX_TEXT_CHARS) throw tooMuchText(fileName, read.text.length);
  return {
    text: normalizeText(read.text),
    format: recognised.format,
    encodingRepaired: read.encodingRepaired,
    sha256,
  };
}

async function readAs(recognised: RecognisedFormat, bytes: Uint8Array): Promise<ReadText> {
  switch (recognised.format) {
    case "txt":
      return readPlainText(bytes);
    case "md":
      return readMarkdown(bytes);
    case "html":
      return readHtml(bytes);
    case "docx":
      return readDocx(bytes, recognised.entries ?? []);
    case "odt":
      return readOdt(bytes, recognised.entries ?? []);
    case "pdf":
      return readPdf(bytes);
  }
}
