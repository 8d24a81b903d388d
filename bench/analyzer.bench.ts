// Analyzer speed: text analysed per second (target: at least 2 MB/s) and the 114 KB kit, seed 002 (target: under 100 ms).

import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeFile } from "../src/analyzer/analyze-file.js";
import { analyzeText } from "../src/analyzer/analyze-text.js";
import { type ExtractedText, readDocument } from "../src/analyzer/read-document.js";
import type { Emit } from "./run.js";

// Clauses written for this bench, in the usual phrasing of French and English agreements.
const CLAUSES = [
  "Le sous-traitant notifie au responsable de traitement toute violation de données à caractère personnel dans un délai maximal de {n} heures après en avoir pris connaissance.",
  "Le sous-traitant transmet au responsable de traitement toute demande d'exercice des droits reçue directement, dans un délai de {n} jours ouvrés.",
  "Le responsable de traitement dispose d'un délai de {n} jours pour s'opposer au recrutement d'un nouveau sous-traitant ultérieur ; à défaut d'opposition, le changement est réputé accepté.",
  "Au terme du contrat, le sous-traitant supprime l'ensemble des données à caractère personnel dans un délai de {n} jours et en apporte la preuve écrite.",
  "Le responsable de traitement peut réaliser un audit une fois par an, moyennant un préavis de {n} jours ouvrés.",
  "Le sous-traitant garantit la confidentialité des données traitées et veille à ce que les personnes autorisées s'engagent à la respecter.",
  "Aucun transfert de données en dehors de l'Espace économique européen n'est effectué sans l'autorisation écrite préalable du responsable de traitement.",
  "The Processor shall notify the Controller without undue delay and in any event within {n} hours after becoming aware of a personal data breach.",
  "The Processor shall delete or return all personal data within {n} days after the end of the provision of services and delete existing copies.",
  "The Controller may object to a new sub-processor within {n} days of the notice; silence shall be deemed acceptance.",
  "Sous-traitant ultérieur\tActivité\tLocalisation\nNuage Ouest {n}\tHébergement\tFrance\nMessagerie Nord {n}\tEnvoi de courriels\tBelgique",
];

/** A long agreement of numbered articles, about `bytes` of UTF-8. */
function writtenAgreement(bytes: number): string {
  const parts: string[] = ["Accord de traitement de données à caractère personnel\n"];
  let size = 0;
  for (let article = 1; size < bytes; article++) {
    const clause = (CLAUSES[article % CLAUSES.length] as string).replaceAll(
      "{n}",
      String(1 + (article % 60)),
    );
    const part = `\nArticle ${article} — Clause ${article}\n${clause}\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join("");
}

function extracted(text: string): ExtractedText {
  return {
    text,
    format: "txt",
    encodingRepaired: false,
    sha256: createHash("sha256").update(text).digest("hex"),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function milliseconds(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export default async function bench(emit: Emit): Promise<void> {
  // Throughput: documents of the usual size (100 KB), one after another, as a batch import reads them.
  const documents = Array.from({ length: 10 }, (_, i) => extracted(writtenAgreement(100_000 + i * 1_000)));
  const totalBytes = documents.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0);
  for (const doc of documents.slice(0, 3)) analyzeText(doc); // warm the JIT
  const rounds: number[] = [];
  const analyzeAll = () => {
    for (const doc of documents) analyzeText(doc);
  };
  for (let r = 0; r < 5; r++) rounds.push(milliseconds(analyzeAll));
  // The limit: a plain split of the same texts into lines and sentences, the least any reading of them does.
  const splitRounds: number[] = [];
  const splitAll = () => {
    let pieces = 0;
    for (const doc of documents) {
      for (const line of doc.text.split("\n")) pieces += line.split(/(?<=[.;:!?])\s+/).length;
    }
    return pieces;
  };
  for (let r = 0; r < 5; r++) splitRounds.push(milliseconds(splitAll));
  emit(
    "analyzer.throughput",
    totalBytes / 1e6 / (median(rounds) / 1000),
    "MB/s",
    totalBytes / 1e6 / (median(splitRounds) / 1000),
  );

  // One long document, to show the analysis stays linear in the length.
  const long = extracted(writtenAgreement(2_000_000));
  analyzeText(long);
  const longMs = median([milliseconds(() => analyzeText(long)), milliseconds(() => analyzeText(long))]);
  emit("analyzer.throughput_2mb_document", Buffer.byteLength(long.text) / 1e6 / (longMs / 1000), "MB/s");

  const seeds = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));
  if (!existsSync(seeds)) {
    process.stderr.write(
      `bench analyzer.throughput_seeds and analyzer.kit_002 skipped: ${seeds} is absent\n`,
    );
    return;
  }

  // The same on the shared seeds, real agreements, once read and normalised.
  const real = await Promise.all(
    readdirSync(seeds)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => readDocument(join(seeds, name))),
  );
  const realBytes = real.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0);
  const analyzeReal = () => {
    for (const doc of real) analyzeText(doc);
  };
  analyzeReal();
  const realRounds: number[] = [];
  for (let r = 0; r < 5; r++) realRounds.push(milliseconds(analyzeReal));
  emit("analyzer.throughput_seeds", realBytes / 1e6 / (median(realRounds) / 1000), "MB/s");

  // The 114 KB contracting kit, read from disk and analysed in-process.
  const kit = join(seeds, "002_76f2b8ca78f0c610.txt");
  await analyzeFile(kit);
  const times: number[] = [];
  for (let r = 0; r < 9; r++) {
    const started = process.hrtime.bigint();
    await analyzeFile(kit);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  emit("analyzer.kit_002", median(times), "ms");
}
