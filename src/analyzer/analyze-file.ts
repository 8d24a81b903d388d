// Reads an agreement file and analyses it: the analyzer's entry point for a path on disk.

import type { Analysis } from "./analysis.js";
import { type AnalyzeOptions, analyzeText } from "./analyze-text.js";
import { type ExtractedText, readDocument } from "./read-document.js";

export async function analyzeFile(
  path: string,
  options: AnalyzeOptions = {},
): Promise<{ analysis: Analysis; extracted: ExtractedText }> {
  const extracted = await readDocument(path);
  return { analysis: analyzeText(extracted, options), extracted };
}
