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

/** A hyphen ending a line (the words on either side are checked by rejoinHyphenatedWords). */
const LINE_END_HYPHEN = /-[ \t]*\n(?:[ \t]*\n)?[ \t]*/g;

/**
 * Returns the canonical form of extracted text: "\n" line endings (page breaks become paragraph
 * breaks), Unicode NFC, ligatures spelled out, invisible and control characters removed, every kind of
 * space turned into a plain space and runs of spaces collapsed, lines trimmed, words split by
 * end-of-line hyphenation rejoined (real compound hyphens kept), and at most one blank line between
 * paragraphs. Tabs are kept: they separate table cells.
 */
export function normalizeText(raw: string): string {
  let text = canonicalCharacters(raw).normalize("NFC");
  text = singleSpaceLines(text).replace(/\n{3,}/g, "\n\n");
  text = rejoinHyphenatedWords(text);
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x0a) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x0a) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Spaces of every width, non-breaking ones included: each run becomes one plain space. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Characters that end a line, once canonical. */
function endsLine(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0b ||
    code === 0x0c ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

/** Control characters other than tab and line feed (C0, DEL, C1), and invisible ones (soft hyphen, ZWSP…). */
function isDropped(code: number): boolean {
  return (
    code <= 0x08 ||
    (code >= 0x0e && code <= 0x1f) ||
    (code >= 0x7f && code <= 0x9f && code !== 0x85) ||
    code === 0xad ||
    code === 0x180e ||
    code === 0x200b ||
    code === 0x2060 ||
    code === 0xfeff
  );
}

/**
 * One pass over the characters: line endings to "\n" (form feeds, vertical tabs and paragraph
 * separators to a paragraph break), ligatures spelled out, control and invisible characters dropped,
 * runs of spaces to one plain space, and no space at either end of a line. Ordinary text is copied in
 * slices, so the pass allocates only where it changes something.
 */
function canonicalCharacters(raw: string): string {
  const out: string[] = [];
  let copied = 0;
  // The last character written; the text starts as if after a line break.
  let last = 0x0a;
  const copyUpTo = (index: number) => {
    if (index > copied) {
      out.push(raw.slice(copied, index));
      last = raw.charCodeAt(index - 1);
    }
  };
  const write = (value: string) => {
    out.push(value);
    last = value.charCodeAt(value.length - 1);
  };
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if ((code > 0x20 && code < 0x7f) || code === 0x0a || code === 0x09) continue;
    // Latin letters and most scripts up to U+167F need nothing (but for the IJ digraph ligatures).
    if (code >= 0xc0 && code < 0x1680 && code !== 0x132 && code !== 0x133) continue;
    if (code === 0x20) {
      // The common case: one space between two printable characters.
      const following = raw.charCodeAt(i + 1);
      const before = i > copied ? raw.charCodeAt(i - 1) : last;
      if (following > 0x20 && following < 0x7f && before !== 0x0a && before !== 0x20) continue;
    }
    if (isSpace(code)) {
      let next = i + 1;
      while (next < raw.length && isSpace(raw.charCodeAt(next))) next++;
      const before = i > copied ? raw.charCodeAt(i - 1) : last;
      // What follows once dropped characters and further spaces are gone decides whether the space ends a line.
      let after = next;
      while (after < raw.length && (isDropped(raw.charCodeAt(after)) || isSpace(raw.charCodeAt(after))))
        after++;
      const atLineEdge =
        before === 0x0a || before === 0x20 || after === raw.length || endsLine(raw.charCodeAt(after));
      if (code === 0x20 && next === i + 1 && !atLineEdge) continue;
      copyUpTo(i);
      if (!atLineEdge) write(" ");
      copied = next;
      i = next - 1;
      continue;
    }
    if (code === 0x0d || code === 0x85 || code === 0x2028) {
      copyUpTo(i);
      write("\n");
      copied = code === 0x0d && raw.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      i = copied - 1;
      continue;
    }
    if (code === 0x0c || code === 0x0b || code === 0x2029) {
      copyUpTo(i);
      write("\n\n");
      copied = i + 1;
      continue;
    }
    if (isDropped(code)) {
      copyUpTo(i);
      copied = i + 1;
      continue;
    }
    const ligature =
      (code >= 0xfb00 && code <= 0xfb06) || code === 0x132 || code === 0x133
        ? LIGATURES[raw[i] as string]
        : undefined;
    if (ligature !== undefined) {
      copyUpTo(i);
      write(ligature);
      copied = i + 1;
    }
  }
  if (copied === 0) return raw;
  copyUpTo(raw.length);
  return out.join("");
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
  // Paragraphs written one to a line (a PDF's wrapped lines rejoined, DOCX, HTML) are not double-spaced
  // lines: their blank lines are real paragraph breaks.
  if (medianLineLength(text) > 120) return text;
  return text.replace(/\n+/g, (run) => "\n".repeat(Math.max(1, Math.floor(run.length / 2))));
}

function medianLineLength(text: string): number {
  const lengths: number[] = [];
  for (const line of text.split("\n")) if (line !== "") lengths.push(line.length);
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
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
  const out: string[] = [];
  let copied = 0;
  // The pattern can only start at a hyphen, so the scan stays linear; letters are checked by hand.
  for (const found of text.matchAll(LINE_END_HYPHEN)) {
    const hyphen = found.index;
    const after = hyphen + found[0].length;
    let headStart = hyphen;
    while (headStart > 0 && isLetter(text, headStart - 1)) headStart--;
    let tailEnd = after;
    while (tailEnd < text.length && tailEnd - after < 64 && isLetter(text, tailEnd)) tailEnd++;
    if (headStart === hyphen || tailEnd === after) continue;
    const head = text.slice(headStart, hyphen).toLowerCase();
    const tail = text.slice(after, tailEnd);
    words ??= wordsOf(text);
    const compound = words.has(`${head}-${tail.toLowerCase()}`) || COMPOUND_PREFIXES.has(head);
    let joint: string;
    // A capital after the hyphen starts a compound's second part ("Sous-\nTraitant") or a new word.
    if (/^\p{Lu}/u.test(tail)) joint = compound ? "-" : found[0];
    else if (words.has(`${head}${tail.toLowerCase()}`)) joint = "";
    else joint = compound ? "-" : "";
    out.push(text.slice(copied, hyphen), joint);
    copied = after;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join("");
}

const LETTER = /\p{L}/u;

function isLetter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return LETTER.test(text[index] as string);
}

/** Every word and hyphenated compound written on one line (and each part of those), lower-cased. */
function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  const lower = text.toLowerCase();
  let start = -1;
  let hyphenated = false;
  for (let i = 0; i <= lower.length; i++) {
    const letter = i < lower.length && isLetter(lower, i);
    if (letter) {
      if (start === -1) {
        start = i;
        hyphenated = false;
      }
      continue;
    }
    if (start === -1) continue;
    // A hyphen between two letters joins a compound; anything else ends the word.
    if (i < lower.length && lower[i] === "-" && i + 1 < lower.length && isLetter(lower, i + 1)) {
      hyphenated = true;
      continue;
    }
    const word = lower.slice(start, i);
    words.add(word);
    if (hyphenated) for (const part of word.split("-")) words.add(part);
    start = -1;
  }
  return words;
}
