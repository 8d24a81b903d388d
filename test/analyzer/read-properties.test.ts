// Robustness of the reading path (GDPR documents arrive in every state): whatever the bytes, reading
// gives a result or an Art28Error, never another exception, and never takes more than 2 s per MB.

import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/analyzer/normalize.js";
import { readDocumentBytes } from "../../src/analyzer/read-document.js";
import { type DocumentStructure, structureOf } from "../../src/analyzer/structure.js";
import { Art28Error } from "../../src/domain/error.js";
import { type Block, docx, odt, pdf } from "../fixtures/analyzer/documents.js";

/** The time budget for reading `bytes`: 2 s per MB, and never less than 2 s (start-up of pdf.js). */
function budgetMs(bytes: number): number {
  return Math.max(2000, (2000 * bytes) / (1024 * 1024));
}

/** Reads the bytes and returns what happened; any exception other than Art28Error fails the test. */
async function readSafely(bytes: Uint8Array, name: string): Promise<"read" | "refused"> {
  const started = performance.now();
  let text: string | null = null;
  let structure: DocumentStructure | null = null;
  let refusal: Art28Error | null = null;
  try {
    text = (await readDocumentBytes(bytes, name)).text;
    structure = structureOf(text);
  } catch (error) {
    if (!(error instanceof Art28Error)) throw error;
    refusal = error;
  }
  expect(performance.now() - started).toBeLessThan(budgetMs(bytes.length));
  if (refusal !== null) {
    expect(["unsupported_format", "unreadable_input"]).toContain(refusal.code);
    expect(refusal.text.fr).not.toBe("");
    expect(refusal.text.en).not.toBe("");
    return "refused";
  }
  expect(misplacedSpans(text ?? "", structure as DocumentStructure)).toEqual([]);
  return "read";
}

/** The spans whose text is not what their offsets point at (checked without one expect per span). */
function misplacedSpans(text: string, structure: DocumentStructure): string[] {
  const misplaced: string[] = [];
  const check = (kind: string, span: { start: number; end: number; text: string }) => {
    if (text.slice(span.start, span.end) !== span.text) misplaced.push(`${kind} ${span.start}-${span.end}`);
  };
  for (const sentence of structure.sentences) {
    check("sentence", sentence);
    if (sentence.end <= sentence.start) misplaced.push(`empty sentence ${sentence.start}`);
  }
  for (const item of structure.lists) check("item", item);
  for (const heading of structure.headings) {
    if (heading.end <= heading.start) misplaced.push(`empty heading ${heading.start}`);
  }
  for (const table of structure.tables) {
    for (const cell of [...(table.header ?? []), ...table.rows.flat()]) check("cell", cell);
  }
  return misplaced;
}

/** Pieces of agreements and of the trouble text extraction meets, to build adversarial texts from. */
const fragment = fc.oneof(
  fc.constantFrom(
    "Article 5 – Durée",
    "ARTICLE V :",
    "## 3.1 Objet",
    "5.2. Sous-traitance",
    "1. ",
    "a) ",
    "- ",
    "• ",
    "| a | b |",
    "|---|---|",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\f",
    ". ",
    "art. 28",
    "p. ex.",
    "M. ",
    "n° 5",
    "sous-trai-\ntant",
    "Sous-\nTraitant",
    "\u00AD",
    "\u00A0",
    "\u202F",
    "\uFB01",
    "\u200B",
    "\uFEFF",
    "√©",
    "Ã©",
    "â€™",
    "\uF8FF",
    "e\u0301",
    "48 heures",
    "DONNÉES PERSONNELLES",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
    maxLength: 10,
  }),
);

const adversarialText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""));

const AGREEMENT: readonly Block[] = [
  { heading: "Article 1 – Objet" },
  { paragraph: "Le sous-traitant notifie toute violation dans un délai de 48 heures." },
  { list: ["premier engagement ;", "second engagement."] },
  {
    table: [
      ["Nom", "Pays"],
      ["Alpha", "France"],
    ],
    header: true,
  },
];

const bomb = zipSync({
  mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
  "META-INF/manifest.xml": strToU8("<manifest/>"),
  "content.xml": [new Uint8Array(6 * 1024 * 1024).fill(0x3c), { level: 6 }],
});

const SAMPLES: readonly (readonly [string, Uint8Array])[] = [
  ["accord.docx", docx(AGREEMENT)],
  ["accord.odt", odt(AGREEMENT)],
  ["accord.pdf", pdf([["Article 1 - Objet", "Le sous-traitant notifie toute violation."]])],
  ["scan.pdf", pdf([[]])],
  ["bombe.odt", bomb],
];

describe("the text path on any text", () => {
  it("normalises and structures any string, with offsets that hold", () => {
    fc.assert(
      fc.property(adversarialText, (raw) => {
        const text = normalizeText(raw);
        expect(normalizeText(text)).toBe(text);
        expect(misplacedSpans(text, structureOf(text))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("reads any string saved under any name, or refuses it cleanly", async () => {
    await fc.assert(
      fc.asyncProperty(
        adversarialText,
        fc.constantFrom("a.txt", "a.md", "a.html", "a.docx", "a.odt", "a.pdf", "a", "a.rtf"),
        fc.constantFrom("utf8", "utf16le", "latin1", "macintosh", "windows-1252"),
        async (text, name, encoding) => {
          await readSafely(new Uint8Array(iconv.encode(text, encoding)), name);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads text that mixes encodings, line by line", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.string({ maxLength: 60 }),
            fc.constantFrom("utf8", "latin1", "macintosh", "windows-1252"),
          ),
          { maxLength: 30 },
        ),
        async (lines) => {
          const bytes = Buffer.concat(lines.map(([line, encoding]) => iconv.encode(`${line}\n`, encoding)));
          await readSafely(new Uint8Array(bytes), "melange.txt");
        },
      ),
      { numRuns: 100 },
    );
  });

  it("reads a huge single line and a huge run of control characters within budget", async () => {
    const line = "Le sous-traitant notifie la violation sans délai, art. 33 du RGPD ".repeat(30_000);
    expect(await readSafely(new Uint8Array(Buffer.from(line)), "ligne.txt")).toBe("read");
    const controls = new Uint8Array(1024 * 1024).map((_, i) => i % 32);
    expect(await readSafely(controls, "controle.txt")).toBe("refused");
    const unpunctuated = "mot ".repeat(500_000);
    expect(await readSafely(new Uint8Array(Buffer.from(unpunctuated)), "mots.md")).toBe("read");
  });

  it("reads lines of unclosed or repeated markup in linear time", async () => {
    const size = 400_000;
    const lines: readonly (readonly [string, string])[] = [
      ["points.txt", `Sommaire ${".".repeat(size)} 3`],
      ["titre.md", `# ${"\t".repeat(size)}x`],
      ["gras.md", `# a\n# b\n${"**a ".repeat(size / 4)}`],
      ["crochets.md", "[a".repeat(size / 2)],
      ["commentaires.md", "<!--".repeat(size / 4)],
      ["ponctuation.txt", "?!…".repeat(size / 3)],
      ["tirets.txt", "mot-\n".repeat(size / 5)],
      ["tableau.txt", "a\tb\n".repeat(size / 4)],
      ["tuyaux.md", "| a ".repeat(size / 4)],
    ];
    for (const [name, text] of lines) {
      expect(await readSafely(new Uint8Array(Buffer.from(text)), name)).toBe("read");
    }
  });
});

describe("the file readers on damaged files", () => {
  it("reads or cleanly refuses truncated DOCX, ODT and PDF files, a zip bomb and a scan", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAMPLES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async ([name, bytes], cut) => {
          await readSafely(bytes.subarray(0, Math.floor(bytes.length * cut)), name);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reads or cleanly refuses the same files with bytes overwritten at random", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAMPLES),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 12,
        }),
        async ([name, bytes], edits) => {
          const damaged = new Uint8Array(bytes);
          for (const [where, value] of edits) damaged[Math.floor(where * (damaged.length - 1))] = value;
          await readSafely(damaged, name);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("always refuses the zip bomb and the scan, whatever they are called", async () => {
    for (const name of ["bombe.odt", "bombe.docx", "bombe.txt", "bombe"]) {
      expect(await readSafely(bomb, name)).toBe("refused");
    }
    expect(await readSafely(pdf([[], []]), "scan.txt")).toBe("refused");
  });
});
