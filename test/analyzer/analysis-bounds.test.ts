// Whatever a file holds, its analysis ends within the product's bounds: an analysis, or a one-line refusal.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeFile } from "../../src/analyzer/analyze-file.js";
import { Art28Error } from "../../src/domain/error.js";
import { type Block, docx, odt } from "../fixtures/analyzer/documents.js";

const dir = mkdtempSync(join(tmpdir(), "art28-bounds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<Art28Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Art28Error);
  const refused = error as Art28Error;
  expect(refused.text.fr).not.toMatch(/\n/);
  expect(refused.text.en).not.toMatch(/\n/);
  return refused;
}

/** Honest paragraphs, each a little different, so the archive compresses as a real long document does. */
function paragraphs(count: number): Block[] {
  return Array.from({ length: count }, (_, i) => ({
    paragraph: `Article ${i + 1}. Le sous-traitant conserve le registre n° ${i * 7919} des traitements effectués pour le compte du responsable.`,
  }));
}

describe("analysing any file within bounds", () => {
  it("analyses an ordinary agreement in its worker", async () => {
    const path = file(
      "court.txt",
      "Article 1. Le sous-traitant notifie toute violation dans un délai de 48 heures.\n",
    );
    const { analysis } = await analyzeFile(path);
    expect(analysis.terms.breach_notification_to_controller).toMatchObject({ amount: 48, unit: "hours" });
  });

  it("refuses a DOCX of a few MB whose XML expands past 64 MB, before converting it", async () => {
    const bytes = docx(paragraphs(450_000));
    expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
    const error = await refusal(analyzeFile(file("enorme.docx", bytes)));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.fr).toMatch(/archive refusée .* plus de 64 Mo/);
  });

  it("refuses a 49 MB text on one line as too long, in French and English", async () => {
    const error = await refusal(analyzeFile(file("ligne.txt", "un ".repeat(49 * 350_000))));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.fr).toMatch(/^document trop long : .* millions de caractères/);
    expect(error.text.en).toMatch(/^document too long/);
  });

  it("reads an ODT of honest XML under the archive limit, then refuses its text as too long", async () => {
    const error = await refusal(analyzeFile(file("long.odt", odt(paragraphs(50_000)))));
    expect(error.text.en).toMatch(/^document too long/);
  });

  it("stops an analysis past its deadline and says so", async () => {
    const path = file("delai.txt", "Le sous-traitant notifie toute violation sous 48 heures.\n");
    const error = await refusal(analyzeFile(path, { deadlineMs: 1 }));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.fr).toMatch(/^document trop long à analyser : analyse interrompue/);
  });

  it("stops an analysis past its memory and says so", async () => {
    const text = "Le sous-traitant notifie toute violation sous 48 heures. ".repeat(80_000);
    const error = await refusal(analyzeFile(file("lourd.txt", text), { memoryMb: 8 }));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.fr).toMatch(/^document trop lourd à analyser : .* mémoire allouée \(8 Mo\)/);
  });
});
