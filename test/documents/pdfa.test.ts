// The PDFs art28 writes hold what PDF/A-2b requires that can be checked here: XMP metadata naming PDF/A-2b,
// an sRGB output intent, every font embedded, no encryption nor JavaScript; and qpdf finds no damage.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderPdf } from "../../src/documents/render/render-pdf.js";
import { dpaTemplate } from "../../src/documents/templates/dpa.js";
import { readPdfStructure, referenced } from "./pdf-structure.js";

const pdf = await renderPdf(dpaTemplate.write(dpaTemplate.example, "fr"));
const structure = readPdfStructure(pdf);
const catalog = [...structure.objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dictionary));

describe("a PDF written by art28", () => {
  it("is a PDF 1.7 file whose catalog names its language", () => {
    expect(structure.header).toBe("%PDF-1.7");
    expect(catalog?.dictionary).toMatch(/\/Lang \(fr-FR\)/);
  });

  it("carries uncompressed XMP metadata identifying PDF/A-2b, with the title and the issue date", () => {
    const metadata = referenced(structure, catalog?.dictionary ?? "", "Metadata");
    expect(metadata?.dictionary).toMatch(/\/Subtype \/XML/);
    expect(metadata?.dictionary).not.toMatch(/\/Filter/);
    const xmp = Buffer.from(metadata?.stream ?? "", "latin1").toString("utf8");
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain("Accord de sous-traitance de données à caractère personnel");
    expect(xmp).toContain("<xmp:CreateDate>2026-09-01T00:00:00Z</xmp:CreateDate>");
  });

  it("has an sRGB output intent with its ICC profile", () => {
    const intents = /\/OutputIntents \[(\d+) 0 R\]/.exec(catalog?.dictionary ?? "");
    const intent = structure.objects.get(Number(intents?.[1]));
    expect(intent?.dictionary).toMatch(/\/S \/GTS_PDFA1/);
    expect(intent?.dictionary).toMatch(/sRGB IEC61966-2\.1/);
    const profile = referenced(structure, intent?.dictionary ?? "", "DestOutputProfile");
    expect(profile?.dictionary).toMatch(/\/N 3\b/);
    expect(profile?.stream?.length ?? 0).toBeGreaterThan(1000);
  });

  it("embeds every font it uses", () => {
    const fonts = [...structure.objects.values()].filter((o) => /\/Type\s*\/Font\b/.test(o.dictionary));
    expect(fonts.length).toBeGreaterThan(0);
    const descriptors = [...structure.objects.values()].filter((o) =>
      /\/Type\s*\/FontDescriptor\b/.test(o.dictionary),
    );
    for (const font of fonts)
      expect(font.dictionary).not.toMatch(/\/BaseFont \/(?:Helvetica|Times|Courier|Symbol)/);
    expect(descriptors.length).toBeGreaterThan(0);
    for (const descriptor of descriptors) {
      const file = referenced(structure, descriptor.dictionary, "FontFile2");
      expect(file?.stream?.length ?? 0, descriptor.dictionary).toBeGreaterThan(1000);
    }
  });

  it("is neither encrypted nor scripted, and has a file identifier", () => {
    expect(structure.trailer).not.toMatch(/\/Encrypt/);
    expect(structure.trailer).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    for (const object of structure.objects.values()) {
      expect(object.dictionary).not.toMatch(/\/(?:JavaScript|JS|Launch|AA)\b/);
    }
  });

  // .ci/run installs qpdf; elsewhere the check says it was skipped.
  const qpdf = spawnSync("qpdf", ["--version"]).status === 0;
  it.skipIf(!qpdf)("passes qpdf --check (skipped when qpdf is not installed)", () => {
    const path = join(mkdtempSync(join(tmpdir(), "art28-pdf-")), "dpa.pdf");
    writeFileSync(path, pdf);
    const check = spawnSync("qpdf", ["--check", path], { encoding: "utf8" });
    expect(check.stdout).toContain("No syntax or stream encoding errors found");
    expect(check.status).toBe(0);
  });
});
