// Normalises extracted text (line endings, Unicode form, ligatures, invisible characters, hyphenation,
// spaces) so that later offsets, quotes and patterns all work on one canonical text.

const LIGATURES: Readonly<Record<string, string>> = {
  "\uFB00": "ff",
  "\uFB01": "fi",
  "\uFB02": "fl",
  "\uFB03": "ffi",
  "\uFB04": "ffl",
  "\uFB05": "st",
  "\uFB06": "st",
  "\u0132": "IJ",
  "\u0133": "ij",
};

/**
 * Prefixes that form hyphenated compounds in French and English: a line that ends with one of them
 * and a hyphen ends inside a compound ("sous-\ntraitant"), not inside a word split for layout.
 */
const COMPOUND_PREFIXES = new Set([
  "sous",
  "non",
  "demi",
  "semi",
  "mi",
  "ex",
  "vice",
  "co",
  "anti",
  "auto",
  "contre",
  "avant",
  "après",
  "arrière",
  "hors",
  "sans",
  "pseudo",
  "quasi",
  "pré",
  "post",
  "extra",
  "inter",
  "intra",
  "multi",
  "self",
  "well",
  "cyber",
  "ci",
  "celle",
  "celui",
  "ceux",
  "celles",
  "elle",
  "lui",
  "eux",
  "nous",
  "vous",
  "soi",
  "opt",
  "follow",
  "third",
  "sub",
  "pre",
  "cross",
]);

/** Invisible characters that carry no text: soft hyphens, zero-width spaces and joiners, stray BOMs. */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF\u180E]/g;
/** Control characters other than tab and line feed (C0, DEL, C1). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
/** Form feeds (PDF page breaks), vertical tabs and paragraph separators end a paragraph. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const PAGE_BREAKS = /[\f\u000B\u2029]/g;
/** Spaces of every width, non-breaking ones included, become a plain space. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** A word, a hyphen at the end of a line, and a letter starting the next one. */
const LINE_END_HYPHEN = /(\p{L}+)-[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=\p{L})/gu;

/**
 * Returns the canonical form of extracted text: "\n" line endings (page breaks become paragraph
 * breaks), Unicode NFC, ligatures spelled out, invisible and control characters removed, every kind of
 * space turned into a plain space and runs of spaces collapsed, lines trimmed, words split by
 * end-of-line hyphenation rejoined (real compound hyphens kept), and at most one blank line between
 * paragraphs. Tabs are kept: they separate table cells.
 */
export function normalizeText(raw: string): string {
  let text = raw
    .replace(/\r\n?|[\u0085\u2028]/g, "\n")
    .replace(PAGE_BREAKS, "\n\n")
    .normalize("NFC")
    .replace(/[\uFB00-\uFB06\u0132\u0133]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .replace(SPACES, " ")
    .replace(/ {2,}/g, " ")
    .replace(/^ +| +$/gm, "");
  text = singleSpaceLines(text);
  text = rejoinHyphenatedWords(text);
  return text.replace(/\n{3,}/g, "\n\n").replace(/^\n+|\n+$/g, "");
}

/**
 * Some extractors write every line followed by a blank line ("double-spaced" text), so that blank
 * lines no longer mark paragraphs: when nearly every line break is doubled, each run of line breaks
 * is halved (a paragraph break then shows as one blank line again).
 */
function singleSpaceLines(text: string): string {
  let doubled = 0;
  let other = 0;
  for (const run of text.matchAll(/\n+/g)) {
    if (run[0].length === 2) doubled++;
    else other++;
  }
  if (doubled < 10 || doubled < (doubled + other) * 0.8) return text;
  return text.replace(/\n+/g, (run) => "\n".repeat(Math.max(1, Math.floor(run.length / 2))));
}

/**
 * Rejoins words that layout split across lines with a hyphen ("sous-trai-\ntant" → "sous-traitant").
 * The hyphen is kept when it is a real compound hyphen: when the document writes the hyphenated form
 * elsewhere on one line, or when the first part is a prefix that forms compounds ("Sous-\ntraitant"),
 * unless the document writes the joined word elsewhere.
 */
function rejoinHyphenatedWords(text: string): string {
  if (!text.includes("-\n")) return text;
  let words: Set<string> | null = null;
  return text.replace(LINE_END_HYPHEN, (match, head: string, offset: number) => {
    const tailMatch = /^\p{L}+/u.exec(text.slice(offset + match.length, offset + match.length + 64));
    const tail = tailMatch?.[0] ?? "";
    words ??= wordsOf(text);
    const before = head.toLowerCase();
    const joined = `${before}${tail.toLowerCase()}`;
    const hyphenated = `${before}-${tail.toLowerCase()}`;
    const compound = words.has(hyphenated) || COMPOUND_PREFIXES.has(before);
    // A capital after the hyphen starts a compound's second part ("Sous-\nTraitant") or a new word.
    if (/^\p{Lu}/u.test(tail)) return compound ? `${head}-` : match;
    if (words.has(joined)) return head;
    return compound ? `${head}-` : head;
  });
}

/** Every word and hyphenated compound written on one line, lower-cased. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const word = match[0].toLowerCase();
    words.add(word);
    if (word.includes("-")) for (const part of word.split("-")) words.add(part);
  }
  return words;
}
