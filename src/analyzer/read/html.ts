// Reads HTML agreements (and the HTML mammoth makes of DOCX): decodes the declared charset, then lays
// out headings, paragraphs, lists and tables as text that structureOf reads back.

import { Parser } from "htmlparser2";
import iconv from "iconv-lite";
import { decodeBytes, repairMojibake } from "../encoding-repair.js";
import type { ReadText } from "./plain.js";
import { TextLayout } from "./text-layout.js";

/** Elements whose content is not text of the document. */
const SKIPPED = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "canvas",
  "select",
  "button",
]);

/** Elements that separate blocks of text. */
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "aside",
  "header",
  "footer",
  "main",
  "nav",
  "blockquote",
  "address",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
  "form",
  "fieldset",
  "details",
  "summary",
  "center",
  "caption",
  "hr",
  "pre",
  "body",
  "html",
]);

export function readHtml(bytes: Uint8Array): ReadText {
  const source = decodeHtml(bytes);
  const repair = repairMojibake(source);
  return { text: htmlToText(repair.text), encodingRepaired: repair.repaired };
}

/** Decodes HTML bytes: a BOM first, then a charset declared in the first kilobytes, then UTF-8 or 1252. */
function decodeHtml(bytes: Uint8Array): string {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (declared !== undefined && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) {
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared);
    }
  }
  return decodeBytes(bytes).text;
}

/** The text of an HTML document, laid out for structureOf. */
export function htmlToText(html: string): string {
  const layout = new TextLayout();
  let skipping = 0;
  let preformatted = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipping > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          return;
        }
        const heading = /^h([1-6])$/.exec(name);
        if (heading !== null) return layout.startHeading(Number(heading[1]));
        switch (name) {
          case "br":
            return layout.lineBreak();
          case "ul":
          case "menu":
            return layout.startList(false);
          case "ol": {
            const start = Number.parseInt(attributes.start ?? "1", 10);
            return layout.startList(true, Number.isFinite(start) ? start : 1);
          }
          case "li":
            return layout.startListItem();
          case "table":
            return layout.startTable();
          case "thead":
            return layout.startHeaderRows();
          case "tr":
            return layout.startRow();
          case "td":
          case "th":
            return layout.startCell(name === "th");
          case "img": {
            const alt = attributes.alt?.trim();
            if (alt) layout.text(` ${alt} `);
            return;
          }
        }
        if (name === "pre") preformatted++;
        if (BLOCKS.has(name)) layout.paragraph();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping > 0) return;
        if (/^h[1-6]$/.test(name)) return layout.endHeading();
        switch (name) {
          case "ul":
          case "ol":
          case "menu":
            return layout.endList();
          case "li":
            return layout.endListItem();
          case "table":
            return layout.endTable();
          case "thead":
            return layout.endHeaderRows();
          case "tr":
            return layout.endRow();
          case "td":
          case "th":
            return layout.endCell();
        }
        if (name === "pre") preformatted = Math.max(0, preformatted - 1);
        if (BLOCKS.has(name)) layout.paragraph();
      },
      ontext(text) {
        if (skipping > 0) return;
        layout.text(preformatted > 0 ? text : text.replace(/[ \t\n\r\f]+/g, " "));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return layout.result();
}
