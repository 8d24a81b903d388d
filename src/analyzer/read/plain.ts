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
  // Every pattern that spans text is bounded, so that unclosed markup costs linear time, not quadratic.
  return withoutHtmlComments(markdown)
    .replace(/!\[([^[\]\n]{0,300})\]\([^()\n]{0,1000}\)/g, "$1")
    .replace(/\[([^[\]\n]{1,300})\]\([^()\n]{0,1000}\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)([^\n]{0,200}?\S)\1/g, "$2")
    .replace(/(^|[\s(])\*(?=[^\s*])([^*\n]{0,200}?[^\s*])\*(?=[\s).,;:!?]|$)/gm, "$1$2")
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, "")
    .replace(/^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/gm, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}

/** Removes HTML comments; an unclosed one is left as text. */
function withoutHtmlComments(markdown: string): string {
  if (!markdown.includes("<!--")) return markdown;
  const parts: string[] = [];
  let from = 0;
  for (let open = markdown.indexOf("<!--"); open !== -1; open = markdown.indexOf("<!--", from)) {
    const close = markdown.indexOf("-->", open + 4);
    if (close === -1) break;
    parts.push(markdown.slice(from, open));
    from = close + 3;
  }
  parts.push(markdown.slice(from));
  return parts.join("");
}
