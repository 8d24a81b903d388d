// A lower-cased, accent-free copy of a text, one character for one, so that rules match "Délai" and
// "delai" alike while every position still points into the original text.

const PUNCTUATION: Readonly<Record<string, string>> = {
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "\u00b4": "'",
  "\u00ab": '"',
  "\u00bb": '"',
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u00a0": " ",
  "\u202f": " ",
  "\u00b7": "-",
  "\u2022": "-",
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Markdown emphasis ("**30 jours**") and line breaks inside a sentence say nothing the rules need. */
const LAYOUT = new Set(["*", "\n", "\r", "\t"]);

function foldCharacter(character: string): string {
  if (LAYOUT.has(character)) return " ";
  let folded =
    PUNCTUATION[character] ?? character.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
  // Keep the text's length: a character that does not fold to exactly one stays as it is when its
  // lower case is one character, and becomes a space otherwise ("İ").
  if (folded.length !== 1) folded = character.toLowerCase().length === 1 ? character.toLowerCase() : " ";
  return folded;
}

/** The fold of each UTF-16 code unit, filled in as characters are met (0 = not yet known). */
const FOLDS = new Uint16Array(0x10000);
const decoder = new TextDecoder("utf-16le");

/** The folded copy of `text`: same length, lower case, no diacritics, straight quotes and hyphens. */
export function foldText(text: string): string {
  const folded = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let fold = FOLDS[code] as number;
    if (fold === 0) {
      // Surrogate halves stay as they are: a pair keeps its length and its meaning.
      fold = code >= 0xd800 && code <= 0xdfff ? code : foldCharacter(String.fromCharCode(code)).charCodeAt(0);
      FOLDS[code] = fold;
    }
    folded[i] = fold;
  }
  return decoder.decode(folded);
}

/**
 * The same pattern with each space written in it standing for any run of white space, so that phrases
 * match across the wider gaps that emphasis and line breaks leave in folded text ("à\nl'avance").
 * Spaces inside character classes are kept; a space before a quantifier becomes one white-space class.
 */
export function spaced(pattern: RegExp): RegExp {
  const source = pattern.source;
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const character = source[i] as string;
    if (character === "\\") {
      out += character + (source[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) {
      if (character === "]") inClass = false;
      out += character;
      continue;
    }
    if (character === "[") {
      inClass = true;
      out += character;
      continue;
    }
    if (character === " ") {
      out += /[?*+{]/.test(source[i + 1] ?? "") ? "\\s" : "\\s+";
      continue;
    }
    out += character;
  }
  return new RegExp(out, pattern.flags);
}
