// Worker thread: reads and analyses one agreement file, so that the caller can bound its memory and its time.

import { parentPort, workerData } from "node:worker_threads";
import { Art28Error, type ErrorCode, type ErrorDetails, type LocalizedText } from "../domain/error.js";
import type { Analysis } from "./analysis.js";
import { type AnalyzeOptions, analyzeText } from "./analyze-text.js";
import { type ExtractedText, readDocument } from "./read-document.js";

export interface AnalyzeWorkerData {
  readonly path: string;
  readonly options: AnalyzeOptions;
}

/** The one message a worker sends: the analysis, or the refusal (an Art28Error's parts, rebuilt by the caller). */
export type AnalyzeWorkerMessage =
  | { readonly ok: true; readonly analysis: Analysis; readonly extracted: ExtractedText }
  | {
      readonly ok: false;
      readonly refusal?: { code: ErrorCode; text: LocalizedText; details: ErrorDetails };
      readonly message: string;
      readonly stack?: string;
    };

async function analyse({ path, options }: AnalyzeWorkerData): Promise<AnalyzeWorkerMessage> {
  try {
    const extracted = await readDocument(path);
    return { ok: true, analysis: analyzeText(extracted, options), extracted };
  } catch (error) {
    if (error instanceof Art28Error) {
      return {
        ok: false,
        refusal: { code: error.code, text: error.text, details: error.details },
        message: error.message,
      };
    }
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    };
  }
}

// No top-level await: from source, this module is loaded through tsx's CommonJS hook (see analyze-file.ts).
if (parentPort) {
  const port = parentPort;
  analyse(workerData as AnalyzeWorkerData).then((message) => port.postMessage(message));
}
