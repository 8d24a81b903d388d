// Finds the law that governs the agreement ("régi par le droit belge", "governed by the laws of France")
// and names its country with an ISO 3166-1 alpha-2 code.

import type { SentenceView } from "./document-view.js";

const COUNTRIES: ReadonlyArray<readonly [string, RegExp]> = [
  ["BE", /\bbelg\w*/],
  ["FR", /\bfrancais\w*|\bfrance\b|\bfrench\b/],
  ["LU", /\bluxembourg\w*/],
  ["CH", /\bsuisse\b|\bswitzerland\b|\bswiss\b/],
  ["DE", /\ballemand\w*|\ballemagne\b|\bgerman\w*/],
  ["IE", /\birland\w*|\bireland\b|\birish\b/],
  ["NL", /\bneerlandais\w*|\bpays-bas\b|\bnetherlands\b|\bdutch\b/],
  ["GB", /\banglais\w*|\bangleterre\b|\bengland\b|\benglish\b|\broyaume-uni\b|\bunited kingdom\b/],
  ["ES", /\bespagnol\w*|\bespagne\b|\bspain\b|\bspanish\b/],
  ["IT", /\bitalien\w*|\bitalie\b|\bitaly\b|\bitalian\b/],
  ["US", /\betats-unis\b|\bunited states\b|\bamerican\b|\bnew york\b|\bcalifornia\b|\bdelaware\b/],
];

const COUNTRY_WORD =
  "(?:belg\\w*|francais\\w*|france|french|luxembourg\\w*|suisse|switzerland|swiss|allemand\\w*|allemagne|german\\w*|irland\\w*|ireland|irish|neerlandais\\w*|pays-bas|netherlands|dutch|anglais\\w*|angleterre|england|english|royaume-uni|united kingdom|espagnol\\w*|espagne|spain|spanish|italien\\w*|italie|italy|italian|etats-unis|united states|american|new york|california|delaware)";

const GOVERNED = new RegExp(
  [
    // "régi par le droit belge", "soumis à la loi française", "régies par la loi de la Belgique"
    `\\b(?:regie?s?|gouvernee?s?|soumise?s?|interpretee?s?|executee?s?)\\s+(?:exclusivement\\s+)?(?:par|a|au|selon)\\s+(?:la|le|les)?\\s*(?:loi|lois|droit|legislation)\\s+(?:de\\s+(?:la\\s+|l')?)?${COUNTRY_WORD}`,
    // "Droit applicable : droit français", "le droit applicable est le droit belge"
    `\\b(?:droit|loi) applicable\\b[^.]{0,60}?\\b(?:droit|loi)\\s+(?:de\\s+(?:la\\s+|l')?)?${COUNTRY_WORD}`,
    // "governed by the laws of Belgium", "governed by English law"
    `\\b(?:governed|construed|interpreted)\\b[^.]{0,40}?\\b(?:laws?\\s+of\\s+(?:the\\s+)?(?:kingdom\\s+of\\s+|republic\\s+of\\s+|state\\s+of\\s+)?${COUNTRY_WORD}|${COUNTRY_WORD}\\s+laws?)`,
    // "The law of the Federal Republic of Germany applies"
    `\\bthe laws?\\s+of\\s+(?:the\\s+)?(?:federal republic of |kingdom of |republic of )?${COUNTRY_WORD}\\s+(?:shall\\s+)?appl(?:y|ies)\\b`,
    `\\b(?:governing|applicable)\\s+law\\b[^.]{0,60}?\\b(?:laws?\\s+of\\s+(?:the\\s+)?(?:kingdom\\s+of\\s+|republic\\s+of\\s+)?${COUNTRY_WORD}|${COUNTRY_WORD}\\s+laws?)`,
  ].join("|"),
);

const LAW_CUE =
  /\bappl(?:y|ies)\b|\bregi|\bgouvern|\bsoumis|\binterpret|\bexecute|applicable\b|\bgovern|\bconstrued/;

/** The ISO code of the governing law, from the first sentence that chooses one, or null. */
export function governingLawOf(sentences: readonly SentenceView[]): string | null {
  for (const view of sentences) {
    if (!LAW_CUE.test(view.folded)) continue;
    const match = GOVERNED.exec(view.folded);
    if (match === null) continue;
    const phrase = match[0];
    // The country is the last one the phrase names ("loi de la Belgique", "droit français").
    let best: { code: string; at: number } | null = null;
    for (const [code, pattern] of COUNTRIES) {
      const global = new RegExp(pattern.source, "g");
      for (let m = global.exec(phrase); m !== null; m = global.exec(phrase)) {
        if (best === null || m.index > best.at) best = { code, at: m.index };
      }
    }
    if (best !== null) return best.code;
  }
  return null;
}
