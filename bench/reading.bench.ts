// Reading throughput: extraction (decoding, repair, normalisation) plus structure, in MB/s, on the shared
// seeds (skipped when ../shared/seeds is absent) and on generated text, DOCX, ODT and PDF.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDocumentBytes } from "../src/analyzer/read-document.js";
import { structureOf } from "../src/analyzer/structure.js";
import { type Block, docx, odt, pdf } from "../test/fixtures/analyzer/documents.js";
import type { Emit } from "./run.js";

const SEEDS = fileURLToPath(new URL("../../shared/seeds", import.meta.url));
const MEGABYTE = 1024 * 1024;

/** Reads and structures the document `rounds` times after a warm-up; returns milliseconds per read. */
async function timeReading(bytes: Uint8Array, name: string, minimumMs = 1000): Promise<number> {
  for (let i = 0; i < 3; i++) structureOf((await readDocumentBytes(bytes, name)).text);
  let rounds = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minimumMs || rounds < 5) {
    structureOf((await readDocumentBytes(bytes, name)).text);
    rounds++;
    elapsed = performance.now() - started;
  }
  return elapsed / rounds;
}

function generatedAgreement(targetBytes: number): string {
  const clauses = [
    "Article {n} – Obligations du sous-traitant",
    "Le sous-traitant notifie au responsable de traitement toute violation de données à caractère personnel dans un délai maximal de 48 heures après en avoir pris connaissance, conformément à l'art. 33 du RGPD.",
    "a) il tient un registre des activités de traitement ;",
    "b) il aide le responsable à répondre aux demandes des personnes concernées dans un délai de 10 jours ouvrés ;",
    "Nom\tActivité\tPays",
    "Hébergeur Alpha\tHébergement\tFrance",
    "À la fin du contrat, les données sont supprimées dans un délai de 30 jours, p. ex. par effacement sécurisé.",
  ];
  const parts: string[] = [];
  let size = 0;
  for (let n = 1; size < targetBytes; n++) {
    const block = clauses.map((clause) => clause.replace("{n}", String(n))).join("\n");
    parts.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return parts.join("\n\n");
}

export default async function bench(emit: Emit): Promise<void> {
  if (existsSync(SEEDS)) {
    let totalBytes = 0;
    let totalMs = 0;
    for (const file of readdirSync(SEEDS)
      .filter((name) => /^\d{3}_/.test(name))
      .sort()) {
      const bytes = new Uint8Array(readFileSync(join(SEEDS, file)));
      const ms = await timeReading(bytes, file);
      const prefix = file.slice(0, 3);
      emit(`reading.seed_${prefix}.ms_per_document`, ms, "ms");
      emit(`reading.seed_${prefix}.throughput`, bytes.length / MEGABYTE / (ms / 1000), "MB/s");
      totalBytes += bytes.length;
      totalMs += ms;
    }
    emit("reading.seeds.throughput", totalBytes / MEGABYTE / (totalMs / 1000), "MB/s");
  } else {
    process.stderr.write(`reading bench: ${SEEDS} is absent, seed figures skipped\n`);
  }

  const text = new Uint8Array(Buffer.from(generatedAgreement(4 * MEGABYTE)));
  const textMs = await timeReading(text, "genere.txt", 2000);
  emit("reading.generated_text_4mb.throughput", text.length / MEGABYTE / (textMs / 1000), "MB/s");

  const mojibake = new Uint8Array(
    Buffer.from(Buffer.from(generatedAgreement(2 * MEGABYTE), "utf8").toString("latin1"), "utf8"),
  );
  const mojibakeMs = await timeReading(mojibake, "mojibake.txt", 2000);
  emit("reading.mojibake_text_2mb.throughput", mojibake.length / MEGABYTE / (mojibakeMs / 1000), "MB/s");

  const blocks: Block[] = [];
  for (let n = 1; n <= 200; n++) {
    blocks.push(
      { heading: `Article ${n} – Obligations` },
      {
        paragraph:
          "Le sous-traitant notifie toute violation dans un délai de 48 heures, conformément au RGPD.",
      },
      { list: ["il tient un registre ;", "il aide le responsable."] },
      {
        table: [
          ["Nom", "Pays"],
          [`Prestataire ${n}`, "France"],
        ],
        header: true,
      },
    );
  }
  for (const [name, bytes] of [
    ["docx", docx(blocks)],
    ["odt", odt(blocks)],
  ] as const) {
    const ms = await timeReading(bytes, `genere.${name}`);
    emit(`reading.generated_${name}_200_articles.ms_per_document`, ms, "ms");
  }
  const pages = Array.from({ length: 20 }, (_, page) =>
    Array.from(
      { length: 40 },
      (_, line) => `Page ${page + 1}, ligne ${line + 1} : le sous-traitant notifie sans délai.`,
    ),
  );
  const pdfMs = await timeReading(pdf(pages), "genere.pdf");
  emit("reading.generated_pdf_20_pages.ms_per_document", pdfMs, "ms");
}
