// The agreement as the extraction rules read it: each sentence with its folded text, the lead-in of the
// list it belongs to and the headings it stands under, so that a rule can weigh where a word appears.

import type { DocumentStructure, Heading, Sentence } from "../structure.js";
import { foldText } from "./folded-text.js";

export interface SentenceView {
  readonly index: number;
  readonly sentence: Sentence;
  /** Folded text of the sentence (same length as `sentence.text`). */
  readonly folded: string;
  /** Folded text of the sentence that introduces the list this sentence belongs to, or "". */
  readonly leadIn: string;
  /** Folded title of the heading the sentence stands under, or "". */
  readonly heading: string;
  /** Folded titles of the headings above that one, joined, or "". */
  readonly outerHeadings: string;
  readonly inList: boolean;
  readonly inTable: boolean;
  /** Whether the sentence stands under a heading that reproduces a GDPR article ("Article 28 - Sous-traitant"). */
  readonly quotesLaw: boolean;
}

export interface DocumentView {
  readonly text: string;
  readonly folded: string;
  readonly structure: DocumentStructure;
  readonly sentences: readonly SentenceView[];
}

/** How far back a list item looks for the sentence that introduces its list. */
const LEAD_IN_REACH = 40;
const ENDS_WITH_COLON = /:[\s*_"')\]]*$/;

export function documentView(text: string, structure: DocumentStructure): DocumentView {
  const folded = foldText(text);
  const headingTitles = structure.headings.map((heading) => headingText(folded, heading));
  const outer = outerTitlesOf(structure.headings, headingTitles);
  const lawHeadings = structure.headings.map(reproducesGdprArticle);
  const listItems = [...structure.lists].sort((a, b) => a.start - b.start);
  const tables = [...structure.tables].sort((a, b) => a.start - b.start);
  const inList = structure.sentences.map((s) => contains(listItems, s.start));
  const inTable = structure.sentences.map((s) => contains(tables, s.start));
  const foldedSentences = structure.sentences.map((sentence) => folded.slice(sentence.start, sentence.end));
  const sentences: SentenceView[] = structure.sentences.map((sentence, index) => {
    return {
      index,
      sentence,
      folded: foldedSentences[index] ?? "",
      leadIn: leadInOf(structure.sentences, foldedSentences, inList, inTable, index),
      heading: sentence.heading === null ? "" : (headingTitles[sentence.heading] ?? ""),
      outerHeadings: sentence.heading === null ? "" : (outer[sentence.heading] ?? ""),
      inList: inList[index] === true,
      inTable: inTable[index] === true,
      quotesLaw: sentence.heading !== null && lawHeadings[sentence.heading] === true,
    };
  });
  return { text, folded, structure, sentences };
}

/**
 * The official titles of the GDPR articles an agreement most often reproduces, French and English:
 * a heading that gives one of them with its article number introduces the text of the law, not a clause.
 */
const GDPR_ARTICLE_TITLES: ReadonlyMap<string, RegExp> = new Map([
  ["26", /^(?:responsables conjoints du traitement|joint controllers)/],
  ["28", /^(?:sous-traitant|processor)\s*$/],
  ["32", /^(?:securite du traitement|security of processing)/],
  ["33", /^(?:notification a l'autorite de controle|notification of a personal data breach)/],
  ["34", /^(?:communication a la personne concernee|communication of a personal data breach)/],
  ["35", /^(?:analyse d'impact relative|data protection impact assessment)/],
  ["36", /^(?:consultation prealable|prior consultation)\s*$/],
]);

function reproducesGdprArticle(heading: Heading): boolean {
  const title = GDPR_ARTICLE_TITLES.get(heading.number ?? "");
  return title?.test(foldText(heading.title).trim()) === true;
}

function headingText(folded: string, heading: Heading): string {
  return folded.slice(heading.start, heading.end);
}

/**
 * The titles above each heading: those of lower level before it (kept on a stack, in one pass), and for
 * a numbered paragraph read as a heading ("1.", "2." under "4.8 Violation…"), the clause it belongs to.
 */
function outerTitlesOf(headings: readonly Heading[], titles: readonly string[]): string[] {
  const outer: string[] = [];
  const stack: number[] = [];
  let clause = -1;
  headings.forEach((heading, index) => {
    while (
      stack.length > 0 &&
      (headings[stack[stack.length - 1] as number] as Heading).level >= heading.level
    ) {
      stack.pop();
    }
    const parts: string[] = [];
    const paragraph = heading.number !== null && /^\d+$/.test(heading.number);
    if (paragraph && clause !== -1) parts.push(titles[clause] ?? "");
    for (let k = stack.length - 1; k >= 0; k--) parts.push(titles[stack[k] as number] ?? "");
    outer.push(parts.join(" / "));
    stack.push(index);
    if (heading.number?.includes(".") ?? false) clause = index;
    else if (!paragraph) clause = -1;
  });
  return outer;
}

interface Spanned {
  readonly start: number;
  readonly end: number;
}

/** Whether a position falls inside one of the sorted spans (binary search). */
function contains(spans: readonly Spanned[], position: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle] as Spanned;
    if (position < span.start) high = middle - 1;
    else if (position >= span.end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * A list item's lead-in is the nearest sentence before it, under the same heading, that is not itself
 * a list item and ends with a colon ("Le sous-traitant s'engage à :"). A sentence right after such a
 * colon sentence also reads it as its lead-in.
 */
function leadInOf(
  sentences: readonly Sentence[],
  folded: readonly string[],
  inList: readonly boolean[],
  inTable: readonly boolean[],
  index: number,
): string {
  const own = sentences[index] as Sentence;
  const previous = sentences[index - 1];
  if (previous !== undefined && previous.heading === own.heading) {
    const text = folded[index - 1] ?? "";
    if (ENDS_WITH_COLON.test(text)) return text;
  }
  if (inList[index] !== true && inTable[index] !== true) return "";
  for (let k = index - 1; k >= 0 && k >= index - LEAD_IN_REACH; k--) {
    const candidate = sentences[k] as Sentence;
    if (candidate.heading !== own.heading) return "";
    if (inList[k] === true || inTable[k] === true) continue;
    const text = folded[k] ?? "";
    return ENDS_WITH_COLON.test(text) ? text : "";
  }
  return "";
}

/** The index of the sentence holding a position, or -1 (sentences are sorted and do not overlap). */
export function sentenceAt(view: DocumentView, position: number): number {
  const sentences = view.structure.sentences;
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle] as Sentence;
    if (position < sentence.start) high = middle - 1;
    else if (position >= sentence.end) low = middle + 1;
    else return middle;
  }
  return -1;
}
