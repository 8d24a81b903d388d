// The same data gives the same document: hashes of the PDF's bytes, of the DOCX's unzipped parts and of the
// HTML, pinned. A change of template text or layout changes them on purpose: update the pins with it.

import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { DocumentModel } from "../../src/documents/model/document-model.js";
import { renderDocx } from "../../src/documents/render/render-docx.js";
import { renderHtml } from "../../src/documents/render/render-html.js";
import { renderPdf } from "../../src/documents/render/render-pdf.js";
import { TEMPLATES } from "../../src/documents/template-catalogue.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** One hash over the parts of a zip, by name: zip entries carry dates, the parts do not. */
function partsHash(zip: Uint8Array): string {
  const parts = unzipSync(zip);
  const lines = Object.keys(parts)
    .sort()
    .map((name) => `${name} ${sha256(parts[name] as Uint8Array)}`);
  return sha256(new TextEncoder().encode(lines.join("\n")));
}

async function hashes(model: DocumentModel, formats: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (formats.includes("html")) out.html = sha256(renderHtml(model));
  if (formats.includes("pdf")) out.pdf = sha256(await renderPdf(model));
  if (formats.includes("docx")) out.docxParts = partsHash(await renderDocx(model));
  return out;
}

const PINNED: Record<string, Record<string, string>> = {
  "dpa.fr": {
    html: "efeb2c612be712620b6ede2db3f1fc0e198f4f0173422b4db32fca42eb8505c8",
    pdf: "d867347fde1a8dcc1e43e1f6e1f60935d0a3e892dc5106b55d7d07d5c319081c",
    docxParts: "5ba1180bdb9f55222d778e8d307b8a0e8d5daf2accecd7d9c67a6116b70223a3",
  },
  "dpa.en": {
    html: "f6d0e8433770d01c9e217587297296a6db8990279d0c9e2ed748e46d906df7ff",
    pdf: "42a980dc714e4ba79a3b2b3caf527450322d03e42ba0bc846b445a5ed1914fa5",
    docxParts: "bf33bb29e7384924f851ad7f64f951e9a539c90d9602d3cce97312be6377a90c",
  },
};

describe("documents written from the example data", () => {
  for (const template of TEMPLATES) {
    for (const lang of ["fr", "en"] as const) {
      it(`${template.id} (${lang}) has pinned hashes and the same bytes when written twice`, async () => {
        const first = await hashes(template.write(template.example, lang), template.formats);
        const second = await hashes(template.write(template.example, lang), template.formats);
        expect(second).toEqual(first);
        expect(first).toEqual(PINNED[`${template.id}.${lang}`]);
      });
    }
  }
});
