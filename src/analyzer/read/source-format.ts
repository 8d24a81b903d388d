// Recognises a document's format from its content (magic bytes, archive entries, markup) and its name.

import { Art28Error } from "../../domain/error.js";
import { listZipEntries, type ZipEntry } from "./zip-archive.js";

export type SourceFormat = "txt" | "md" | "html" | "docx" | "odt" | "pdf";

export const ACCEPTED_FORMATS = {
  fr: ".txt, .md, .html, .htm, .docx, .odt, .pdf",
  en: ".txt, .md, .html, .htm, .docx, .odt, .pdf",
} as const;

export interface RecognisedFormat {
  readonly format: SourceFormat;
  /** For DOCX and ODT: the archive's entries, already listed. */
  readonly entries: readonly ZipEntry[] | null;
}

const EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  xhtml: "html",
  docx: "docx",
  odt: "odt",
  pdf: "pdf",
};

const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

function unsupported(fileName: string, what: { fr: string; en: string }): Art28Error {
  return new Art28Error(
    "unsupported_format",
    { fr: `format non pris en charge : ${what.fr}`, en: `unsupported format: ${what.en}` },
    { argument: fileName, accepted: ACCEPTED_FORMATS },
  );
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

/**
 * The format of a document. Content decides over the extension: a PDF renamed .txt is read as a PDF,
 * a Word file saved as web page is read as HTML. Text content takes the extension's flavour (txt, md,
 * html), HTML being recognised by its markup whatever the name.
 */
export function recogniseFormat(bytes: Uint8Array, fileName: string): RecognisedFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const byName = EXTENSIONS[extension] ?? null;
  // PDF readers accept the header anywhere in the first kilobyte (ISO 32000-1, 7.5.2 note).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  const textByName = byName === "txt" || byName === "md" || byName === "html";
  if (head.startsWith("%PDF-") || (!textByName && head.includes("%PDF-")))
    return { format: "pdf", entries: null };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return archiveFormat(bytes, fileName);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Office encrypts a password-protected DOCX into an OLE container holding an "EncryptedPackage"
    // stream (MS-OFFCRYPTO 2.3.4.4); otherwise an OLE file is a legacy .doc.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)) {
      throw new Art28Error(
        "unreadable_input",
        {
          fr: "document Office chiffré : il est protégé par un mot de passe ; fournissez une version non protégée",
          en: "encrypted Office document: it is password-protected; provide an unprotected copy",
        },
        { argument: fileName },
      );
    }
    throw unsupported(fileName, {
      fr: "document Word 97-2003 (.doc) ; enregistrez-le au format .docx ou PDF",
      en: "Word 97-2003 document (.doc); save it as .docx or PDF",
    });
  }
  if (head.startsWith("{\\rtf")) {
    throw unsupported(fileName, {
      fr: "document RTF ; enregistrez-le au format .docx, .odt ou PDF",
      en: "RTF document; save it as .docx, .odt or PDF",
    });
  }
  if (looksBinary(bytes)) {
    throw unsupported(fileName, {
      fr: `fichier binaire${extension ? ` (.${extension})` : ""} qui n'est ni PDF, ni DOCX, ni ODT`,
      en: `binary file${extension ? ` (.${extension})` : ""} that is neither PDF, DOCX nor ODT`,
    });
  }
  if (byName === "html" || looksLikeHtml(head)) return { format: "html", entries: null };
  if (byName === null && extension !== "") {
    // A name with an extension art28 does not read (x.xyz) and holding no HTML is refused rather than guessed at:
    // only a name with no extension at all is taken for plain text.
    throw unsupported(fileName, {
      fr: `extension .${extension} inconnue`,
      en: `unknown extension .${extension}`,
    });
  }
  if (byName === "md") return { format: "md", entries: null };
  if (byName === "txt" || byName === null) {
    return { format: looksLikeMarkdown(bytes) ? "md" : "txt", entries: null };
  }
  // A text file named .pdf, .docx or .odt.
  throw new Art28Error(
    "unreadable_input",
    {
      fr: `fichier illisible : nommé .${extension} mais son contenu n'est pas un ${extension.toUpperCase()}`,
      en: `unreadable file: named .${extension} but its content is not ${extension.toUpperCase()}`,
    },
    { argument: fileName },
  );
}

function archiveFormat(bytes: Uint8Array, fileName: string): RecognisedFormat {
  const entries = listZipEntries(bytes);
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has("word/document.xml")) return { format: "docx", entries };
  if (names.has("content.xml") && (names.has("mimetype") || names.has("META-INF/manifest.xml"))) {
    return { format: "odt", entries };
  }
  throw unsupported(fileName, {
    fr: "archive ZIP qui n'est ni un document DOCX ni un document ODT",
    en: "ZIP archive that is neither a DOCX nor an ODT document",
  });
}

/**
 * Markdown saved as .txt: several ATX headings ("## Title") together with emphasis, links or pipe
 * tables. Plain text rarely starts lines with hashes.
 */
function looksLikeMarkdown(bytes: Uint8Array): boolean {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65536)).toString(
    "utf8",
  );
  const headings = sample.match(/^#{1,6}[ \t]+\S/gm)?.length ?? 0;
  const markup =
    sample.match(/\*\*\S[^\n]{0,300}?\*\*|\]\([^)\n]{0,2000}\)|^\|[^\n]*\|[ \t]*$/gm)?.length ?? 0;
  return headings >= 2 && markup >= 2;
}

function looksLikeHtml(head: string): boolean {
  return /^(?:\uFEFF|ï»¿)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(
    head,
  );
}

/**
 * Binary content has NUL bytes (outside UTF-16 text) or many control characters; text has at most a
 * few stray ones.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return false;
  let nuls = 0;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) nuls++;
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  // UTF-16 without a BOM has a NUL in about every other byte of Latin text.
  const utf16 = nuls > sample.length * 0.3 && nuls < sample.length * 0.6;
  if (utf16) return false;
  return nuls > sample.length * 0.01 || controls > sample.length * 0.1;
}
