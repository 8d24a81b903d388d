// The readers on the shared seed agreements (read from ../shared/seeds; skipped, visibly, when absent).

import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/analyzer/read-document.js";
import { structureOf } from "../../src/analyzer/structure.js";
import { allSeedPaths, SEEDS_PRESENT, seedPath } from "../fixtures/analyzer/seeds.js";

describe.skipIf(!SEEDS_PRESENT)("reading the shared seeds (../shared/seeds)", () => {
  it("reads every seed without error, into text whose sentences, items and cells sit at their offsets", async () => {
    const paths = allSeedPaths();
    expect(paths.length).toBeGreaterThanOrEqual(3);
    for (const path of paths) {
      const { text } = await readDocument(path);
      const structure = structureOf(text);
      expect(structure.sentences.length).toBeGreaterThan(50);
      for (const sentence of structure.sentences) {
        expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        expect(sentence.text).toBe(sentence.text.trim());
      }
      for (const item of structure.lists) expect(text.slice(item.start, item.end)).toBe(item.text);
      for (const table of structure.tables) {
        for (const cell of [...(table.header ?? []), ...table.rows.flat()]) {
          expect(text.slice(cell.start, cell.end)).toBe(cell.text);
        }
      }
      for (const heading of structure.headings) expect(heading.end).toBeGreaterThan(heading.start);
    }
  });

  it("repairs seed 001, UTF-8 read as Mac Roman, into clean text", async () => {
    const extracted = await readDocument(seedPath("001") as string);
    expect(extracted.encodingRepaired).toBe(true);
    expect(extracted.text).toContain("Données");
    expect(extracted.text).not.toMatch(/√©|√†|√®|Ã©|\uF8FF|\uFFFD/);
  });

  it("leaves seeds 000 and 002, correct UTF-8, unrepaired", async () => {
    for (const prefix of ["000", "002"]) {
      const extracted = await readDocument(seedPath(prefix) as string);
      expect(extracted.encodingRepaired).toBe(false);
    }
  });

  it("finds the articles of seed 000 and the tables of seed 001", async () => {
    const first = structureOf((await readDocument(seedPath("000") as string)).text);
    expect(first.headings.filter((heading) => heading.number === "4.2")).toHaveLength(1);
    const second = structureOf((await readDocument(seedPath("001") as string)).text);
    expect(second.tables.length).toBeGreaterThanOrEqual(3);
    expect(second.tables.every((table) => table.header !== null)).toBe(true);
  });

  it("rejoins seed 000's hyphenated compound split across lines", async () => {
    const { text } = await readDocument(seedPath("000") as string);
    expect(text).not.toMatch(/Sous-\n/);
    expect(text).not.toMatch(/Soustraitant/);
  });
});
