// Reads an agreement file and analyses it in a worker thread bounded in memory and in time: the analyzer's entry
// point for a path on disk. Whatever the file holds, the caller gets the analysis or a one-line refusal.

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { Art28Error } from "../domain/error.js";
import type { Analysis } from "./analysis.js";
import type { AnalyzeOptions } from "./analyze-text.js";
import type { AnalyzeWorkerData, AnalyzeWorkerMessage } from "./analyze-worker.js";
import type { ExtractedText } from "./read-document.js";

/** Heap an analysis may use (V8's old generation, in MB): the whole process then stays under 1 GB. */
export const ANALYSIS_MEMORY_MB = 512;
/** Time an analysis may take, reading included. */
export const ANALYSIS_DEADLINE_MS = 60_000;

export interface AnalyzeFileOptions extends AnalyzeOptions {
  /** Heap limit of the worker, in MB (default 512). */
  readonly memoryMb?: number;
  /** Deadline of the whole read and analysis, in ms (default 60 s). */
  readonly deadlineMs?: number;
}

const FROM_SOURCE = import.meta.url.endsWith(".ts");

export async function analyzeFile(
  path: string,
  options: AnalyzeFileOptions = {},
): Promise<{ analysis: Analysis; extracted: ExtractedText }> {
  const { memoryMb = ANALYSIS_MEMORY_MB, deadlineMs = ANALYSIS_DEADLINE_MS, ...analyze } = options;
  const worker = startWorker(
    { path, options: analyze },
    { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.min(32, memoryMb / 8)) },
  );
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(tooLong(path, deadlineMs))), deadlineMs);
    worker.once("message", (message: AnalyzeWorkerMessage) =>
      settle(() => {
        if (message.ok) resolve({ analysis: message.analysis, extracted: message.extracted });
        else if (message.refusal) {
          reject(new Art28Error(message.refusal.code, message.refusal.text, message.refusal.details));
        } else reject(Object.assign(new Error(message.message), { stack: message.stack }));
      }),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooHeavy(path, memoryMb) : error)),
    );
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`the analysis worker ended (exit code ${code}) without an answer`))),
    );
  });
}

function tooHeavy(path: string, memoryMb: number): Art28Error {
  return new Art28Error(
    "unreadable_input",
    {
      fr: `document trop lourd à analyser : son analyse dépasse la mémoire allouée (${memoryMb} Mo)`,
      en: `document too heavy to analyse: its analysis exceeds the memory allowed (${memoryMb} MB)`,
    },
    { argument: path },
  );
}

function tooLong(path: string, deadlineMs: number): Art28Error {
  const seconds = deadlineMs / 1000;
  return new Art28Error(
    "unreadable_input",
    {
      fr: `document trop long à analyser : analyse interrompue au bout de ${seconds} s`,
      en: `document too long to analyse: analysis stopped after ${seconds} s`,
    },
    { argument: path },
  );
}

/**
 * Starts the worker on the module beside this one: compiled JavaScript in dist/. From source (tsx, vitest) it is
 * TypeScript, and Node 20 gives workers none of the main thread's module hooks, so the worker first registers tsx's
 * CommonJS hook (as the journal's slice workers do, src/store/journal-slices.ts).
 */
function startWorker(workerData: AnalyzeWorkerData, resourceLimits: Worker["resourceLimits"]): Worker {
  const here = import.meta.url;
  if (!FROM_SOURCE) return new Worker(new URL("./analyze-worker.js", here), { workerData, resourceLimits });
  const tsx = JSON.stringify(createRequire(here).resolve("tsx/cjs/api"));
  const entry = JSON.stringify(fileURLToPath(new URL("./analyze-worker.ts", here)));
  return new Worker(`require(${tsx}).register(); require(${entry});`, {
    eval: true,
    workerData,
    resourceLimits,
  });
}
