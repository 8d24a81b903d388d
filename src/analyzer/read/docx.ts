// Reads DOCX agreements: the archive is checked and unpacked within limits, then mammoth turns the
// WordprocessingML into HTML, laid out as text like any HTML document.

import { zipSync } from "fflate";
import { Art28Error } from "../../domain/error.js";
import { repairMojibake } from "../encoding-repair.js";
import { htmlToText } from "./html.js";
import type { ReadText } from "./plain.js";
import { readZipEntries, type ZipEntry } from "./zip-archive.js";

/** Heading styles of French and English Word, beyond mammoth's default "Heading n". */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titre'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => [
    `p[style-name='Titre ${level}'] => h${level}:fresh`,
    `p[style-name='titre ${level}'] => h${level}:fresh`,
  ]),
];

/** Parts mammoth never needs to lay out the text: pictures, embedded objects, fonts. */
function isTextPart(name: string): boolean {
  return (
    !/^word\/(?:media|embeddings|fonts)\//.test(name) &&
    !/\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|bin|odttf)$/i.test(name)
  );
}

export async function readDocx(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<ReadText> {
  // mammoth unzips with no limit of its own: it is given only parts already inflated within limits.
  const parts = readZipEntries(bytes, entries, isTextPart);
  const checked = zipSync(Object.fromEntries(parts), { level: 0 });
  // Loaded on the first DOCX read, not at start-up: every CLI command would otherwise pay its 60 ms.
  const { default: mammoth } = await import("mammoth");
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    throw new Art28Error(
      "unreadable_input",
      {
        fr: "document DOCX corrompu : son contenu XML est illisible",
        en: "corrupt DOCX document: its XML content cannot be read",
      },
      { reason: error instanceof Error ? error.message : String(error) },
    );
  }
  const repair = repairMojibake(htmlToText(html));
  return { text: repair.text, encodingRepaired: repair.repaired };
}
