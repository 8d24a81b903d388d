// Cardinal numbers written in French or English words ("soixante-douze", "seventy-two"), as contracts spell them.

const FRENCH: Record<string, number> = {
  zéro: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
  cent: 100,
  cents: 100,
  mille: 1000,
};

const ENGLISH: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
};

const MULTIPLIERS = new Set(["cent", "cents", "mille", "hundred", "thousand"]);
const JOINERS = new Set(["et", "and"]);

function alternation(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join("|");
}

const WORD = `(?:${alternation([...Object.keys(FRENCH), ...Object.keys(ENGLISH)].filter((w) => w.length > 2 || w === "un" || w === "an" || w === "a"))})`;

// The longest number a contract spells, "quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf", is 12 words.
// Bounding the run keeps a search linear: a long run of words that ends in no unit ("un un un …") is otherwise
// tried from each of its words to its end.
const MAX_WORDS = 12;

/** A regular-expression source matching a number written in words, of at most 12 words (no capture groups). */
export const NUMBER_WORDS_PATTERN = `${WORD}(?:[\\s\\u00a0-]+(?:(?:et|and)[\\s\\u00a0-]+)?${WORD}){0,${MAX_WORDS - 1}}`;

/** The value of a number written in words, or undefined when the words are not a number. */
export function numberFromWords(text: string): number | undefined {
  const tokens = text
    .toLowerCase()
    .split(/[\s\u00a0-]+/)
    .filter((t) => t.length > 0 && !JOINERS.has(t));
  if (tokens.length === 0) return undefined;
  let total = 0;
  let group = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const value = FRENCH[token] ?? ENGLISH[token];
    if (value === undefined) return undefined;
    // "quatre-vingt(s)" is 4 × 20 in French.
    if ((token === "vingt" || token === "vingts") && tokens[i - 1] === "quatre") {
      group = group - 4 + 80;
      continue;
    }
    if (MULTIPLIERS.has(token)) {
      if (value === 1000) {
        total += (group || 1) * 1000;
        group = 0;
      } else {
        group = (group || 1) * value;
      }
      continue;
    }
    group += value;
  }
  return total + group;
}
