// The same data gives the same document: hashes of the PDF's and CSV's bytes, of the DOCX's and XLSX's unzipped
// parts and of the HTML, pinned. A change of template text or layout changes them on purpose: update the pins with it.

import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { DocumentModel } from "../../src/documents/model/document-model.js";
import { renderCsv } from "../../src/documents/render/render-csv.js";
import { renderDocx } from "../../src/documents/render/render-docx.js";
import { renderHtml } from "../../src/documents/render/render-html.js";
import { renderPdf } from "../../src/documents/render/render-pdf.js";
import { renderXlsx } from "../../src/documents/render/render-xlsx.js";
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
  if (formats.includes("xlsx")) out.xlsxParts = partsHash(await renderXlsx(model));
  if (formats.includes("csv")) out.csv = sha256(renderCsv(model));
  return out;
}

const PINNED: Record<string, Record<string, string>> = {
  "dpa.fr": {
    html: "3e92f2afad6e6c11c38c70b26ecf7f77c3af623518ef6a4ad115c3e33a404244",
    pdf: "4d9790f17d96265c71b02d9249b3a460ccb7d413f2b6e3f4615eb2c3d6c66711",
    docxParts: "f80a601459b4695bfe1bb1e3f1d649142db69761281d09f430160365a8f73c0a",
  },
  "dpa.en": {
    html: "11e07da7a4e0d7e06fb95bd58d59b6f378c07521c94bee2fd1b19ffb257b0af4",
    pdf: "d7647ca81f5b2b87128972c59e5d61051903c6af575846ac2905118fa0874418",
    docxParts: "24c91143ee8b5f840f41b307912992fe527cbf980b0c1c028e54b949cf1e9893",
  },
  "register-controller.fr": {
    html: "20e44f58fd2829f9efebd08e2db55eea5cb968288072cb5e70c2085c448d9d40",
    pdf: "21f22709e61b5abb0f7157f9b69b449a9eff475d352410085509b08ab387a616",
    docxParts: "a3d2409be2b650903985520040508aae429dc9318d0ddcedc616046ffae7c650",
    xlsxParts: "b60cacc8f6cdb29797c2e2c2d84ead38e69b3312b265b1577f1de506e75a8e53",
    csv: "36ebe5a50c5c6d1cd66a801cb9296f89a19da82c9ff4ceaccd36d75e870ada90",
  },
  "register-controller.en": {
    html: "54228804a954f6cb38d832b38648903c9497fac89c2aa4441bd3784c4db1feaa",
    pdf: "1fc72a0bfea93221f1fba016591ebbeb03d28184d7b1eccb2c4041af016dd38e",
    docxParts: "c20bc2afdf02120de781765129a12eed39c9f12f778225c00f6cc983432913e6",
    xlsxParts: "6964e14e60e769e99e3698fe7a12c40139be12a5948fd20845316425483d7b43",
    csv: "b9422e67c8fc0804f43fb50ebd2cf9382df0a2297bc0f8135fc40de392860aa8",
  },
  "register-processor.fr": {
    html: "8b7842c6c0e1317f1f782b3b014ea73ec1b34a7b34a0f92db457ec25a153e458",
    pdf: "c49d0184fa8503154c3b5d8409a35f7cd053bd99bd60905f87a0a0a6a92ad606",
    docxParts: "3177e5c02590a654ade1e59764e4493c586a76b71516708db9242c95a61966d5",
    xlsxParts: "562abbf58b65ed016662b3b316ca4da008942ff7232feeab25c5eb00f2c955ec",
    csv: "8594a64ffc1796094d9ecf81af1067684e86144cf44be98f2219a3ce1585aa08",
  },
  "register-processor.en": {
    html: "3c92ea9bc270ca479966af483bb48a238c364c32b652e680dd990027b74db365",
    pdf: "d75491d1e9aefd6c2597730dbeec8aa97b908e3498e83e709195c3d4252471a7",
    docxParts: "86e1f462f6a4538ffd3c6f9d56f369097af1cbddf4836a0fa215b7cea66689f0",
    xlsxParts: "4161e81696829f0710a2ef6f30409c30689fe2f257cb21067e72ebef7fe1595e",
    csv: "5c436518621b8e8aaf21069f589a2324cce43e9af436385ad0e8c8902f7e4f7b",
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
