// French (and English) typography for every sentence a template writes, applied by typograf: guillemets,
// apostrophes, ellipses, non-breaking spaces, plus the narrow no-break space before ; : ! ? in French.

import typografModule from "typograf";
import type { DocumentLanguage } from "./document-model.js";

// typograf's types describe its CommonJS build (an object whose `default` is the class); Node loads its ES
// build, whose default export is the class itself. Either way, this is the class.
const Typograf = ((typografModule as { default?: unknown }).default ??
  typografModule) as typeof typografModule.default;

const NARROW_NBSP = "\u202f";

// French rule (Imprimerie nationale): a narrow no-break space before the high punctuation marks. Typograf's
// French locale has no such rule and its common rules delete the space, so the deletion is switched off and
// this rule added. A colon or question mark inside a word (a URL, a time) is left alone.
Typograf.addRule({
  name: "fr/punctuation/nnbspBeforeHighMarks",
  queue: "end",
  handler: (text: string) =>
    text.replace(/(\S)[ \u00a0\u202f]*([;:!?])(?=\s|$|[»)\]])/g, `$1${NARROW_NBSP}$2`),
});

// Tying short words to the next one leaves justified lines with uneven gaps (Word and LibreOffice do not
// stretch a no-break space): those rules are off.
// A space before an opening bracket would also split "28(3)" and "SUM(A1)": that rule is off too.
const SHORT_WORD_RULES = [
  "common/space/beforeBracket",
  "common/nbsp/afterShortWord",
  "common/nbsp/afterShortWordByList",
  "common/nbsp/beforeShortLastWord",
  "common/nbsp/beforeShortLastNumber",
];
const french = new Typograf({
  locale: ["fr"],
  disableRule: ["common/space/delBeforePunctuation", ...SHORT_WORD_RULES],
});
const english = new Typograf({ locale: ["en-US"], disableRule: SHORT_WORD_RULES });

const cache = new Map<string, string>();

/** The text as a typesetter would print it in `lang`. */
export function typeset(text: string, lang: DocumentLanguage): string {
  const key = `${lang}\u0000${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const result = (lang === "fr" ? french : english).execute(text);
  if (cache.size > 20_000) cache.clear();
  cache.set(key, result);
  return result;
}
