// Reads ODT agreements: content.xml (OpenDocument 1.3, part 3) is inflated within limits and its
// headings, paragraphs, lists, tables and notes laid out as text.

import { Parser } from "htmlparser2";
import { Art28Error } from "../../domain/error.js";
import { repairMojibake } from "../encoding-repair.js";
import type { ReadText } from "./plain.js";
import { TextLayout } from "./text-layout.js";
import { corruptArchive, readZipEntries, type ZipEntry } from "./zip-archive.js";

/** Elements whose content is not running text: tracked deletions, comments, note marks, shapes' code. */
const SKIPPED = new Set([
  "text:tracked-changes",
  "office:annotation",
  "office:annotation-end",
  "text:note-citation",
  "office:automatic-styles",
  "office:font-face-decls",
  "office:scripts",
  "office:forms",
  "text:sequence-decls",
  "text:variable-decls",
  "text:user-field-decls",
  "table:covered-table-cell",
]);

export function readOdt(bytes: Uint8Array, entries: readonly ZipEntry[]): ReadText {
  const files = readZipEntries(
    bytes,
    entries,
    (name) => name === "content.xml" || name === "META-INF/manifest.xml",
  );
  const manifest = files.get("META-INF/manifest.xml");
  if (manifest !== undefined && new TextDecoder("utf-8").decode(manifest).includes("encryption-data")) {
    throw new Art28Error("unreadable_input", {
      fr: "document ODT chiffré : il est protégé par un mot de passe",
      en: "encrypted ODT document: it is password-protected",
    });
  }
  const content = files.get("content.xml");
  if (content === undefined) throw corruptArchive("content.xml missing");
  const repair = repairMojibake(odtContentToText(new TextDecoder("utf-8").decode(content)));
  return { text: repair.text, encodingRepaired: repair.repaired };
}

/** The text of an ODT content.xml, laid out for structureOf; notes follow the body. */
export function odtContentToText(xml: string): string {
  const layout = new TextLayout();
  const notes: TextLayout[] = [];
  let target = layout;
  let skipping = 0;
  let noteDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipping > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          return;
        }
        switch (name) {
          case "text:note-body": {
            noteDepth++;
            const note = new TextLayout();
            notes.push(note);
            target = note;
            return;
          }
          case "text:h": {
            const level = Number.parseInt(attributes["text:outline-level"] ?? "1", 10);
            return target.startHeading(Number.isFinite(level) ? level : 1);
          }
          case "text:p":
            return target.paragraph();
          case "text:list":
            return target.startList(false);
          case "text:list-item":
          case "text:list-header":
            return target.startListItem();
          case "table:table":
            return target.startTable();
          case "table:table-header-rows":
            return target.startHeaderRows();
          case "table:table-row":
            return target.startRow();
          case "table:table-cell":
            return target.startCell(false);
          case "text:s": {
            const count = Number.parseInt(attributes["text:c"] ?? "1", 10);
            return target.text(" ".repeat(Number.isFinite(count) ? Math.min(Math.max(count, 1), 100) : 1));
          }
          case "text:tab":
            return target.text("\t");
          case "text:line-break":
            return target.lineBreak();
        }
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping > 0) return;
        switch (name) {
          case "text:note-body":
            noteDepth = Math.max(0, noteDepth - 1);
            if (noteDepth === 0) target = layout;
            return;
          case "text:h":
            return target.endHeading();
          case "text:p":
            return target.paragraph();
          case "text:list":
            return target.endList();
          case "text:list-item":
          case "text:list-header":
            return target.endListItem();
          case "table:table":
            return target.endTable();
          case "table:table-header-rows":
            return target.endHeaderRows();
          case "table:table-row":
            return target.endRow();
          case "table:table-cell":
            return target.endCell();
        }
      },
      ontext(text) {
        // In ODF, white space in text is collapsed (ODF 1.3 part 3, 6.1.2); text:s and text:tab carry it.
        if (skipping === 0) target.text(text.replace(/[ \t\n\r]+/g, " "));
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  const body = layout.result();
  const noteTexts = notes.map((note) => note.result().trim()).filter((note) => note !== "");
  return noteTexts.length === 0 ? body : `${body}\n\n${noteTexts.join("\n\n")}`;
}
