// Rewrites an Office zip (DOCX, XLSX) with every entry dated the document's issue day, in a fixed order and
// compression, so that equal inputs give equal bytes and a sha256 names the document for good.

import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";

/** Zips `parts` in their order, [Content_Types].xml first, every entry dated the issue day. */
export function zippedParts(parts: Record<string, Uint8Array>, issuedOn: string): Uint8Array {
  // Zip dates are local DOS times: the issue day at noon stays the same day in every time zone.
  const mtime = new Date(`${issuedOn}T12:00:00`);
  const names = Object.keys(parts).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0,
  );
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [parts[name] as Uint8Array, { mtime, level: 6 }];
  return zipSync(zippable);
}

/** Rewrites one entry's text; used to renumber what a library numbers from a process-wide counter. */
export type EntryRewrite = (name: string, text: string) => string;

export function fixedZip(bytes: Uint8Array, issuedOn: string, rewrite?: EntryRewrite): Uint8Array {
  const entries = unzipSync(bytes);
  // Zip dates are local DOS times: the issue day at noon stays the same day in every time zone.
  const mtime = new Date(`${issuedOn}T12:00:00`);
  // [Content_Types].xml first, as Office writes it; the rest in the order the library wrote them.
  const names = Object.keys(entries).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0,
  );
  const zippable: Zippable = {};
  for (const name of names) {
    let data = entries[name] as Uint8Array;
    if (rewrite !== undefined && name.endsWith(".xml")) {
      const text = strFromU8(data);
      const rewritten = rewrite(name, text);
      if (rewritten !== text) data = strToU8(rewritten);
    }
    zippable[name] = [data, { mtime, level: 6 }];
  }
  return zipSync(zippable);
}
