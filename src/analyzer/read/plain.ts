// Reads plain text and Markdown files: decodes their bytes, repairs mojibake, and strips Markdown's
// inline markup so that quotes read as prose (headings, lists and pipe tables are kept for structureOf).

import { decodeBytes, repairMojibake } from "../encoding-repair.js";

export interface ReadText {
  /** The text before normalisation. */
  readonly text: string;
  readonly encodingRepaired: boolean;
}

export function readPlainText(bytes: Uint8Array): ReadText {
  const decoded = decodeBytes(bytes);
  const repair = repairMojibake(decoded.text);
  return { text: repair.text, encodingRepaired: repair.repaired };
}

export function readMarkdown(bytes: Uint8Array): ReadText {
  const plain = readPlainText(bytes);
  return { text: stripInlineMarkdown(plain.text), encodingRepaired: plain.encodingRepaired };
}

/**
 * Removes the Markdown that is not structure: emphasis markers, link and image syntax (their text is
 * kept), HTML comments, block-quote markers and thematic breaks. Heading markers, list markers and
 * pipe tables stay, since structureOf reads them.
 */
export function stripInlineMarkdown(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, "$2")
    .replace(/(^|[\s(])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?=[\s).,;:!?]|$)/gm, "$1$2")
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, "")
    .replace(/^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/gm, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}
