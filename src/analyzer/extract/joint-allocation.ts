// GDPR Art. 26(1): who among joint controllers holds each duty, as a French ENT convention writes it — the
// contact point, the information of people, requests, breach notices to the CNIL and to people, the essence made
// available and the alerts between parties — with the perimeter a duty depends on (one school, several).

import type { JointDuty } from "../../domain/joint-allocation.js";
import type { DocumentView, SentenceView } from "./document-view.js";

/** The party as a convention names it: the académie, a collectivité, the school, or each party. */
export type FoundHolder = "academie" | "collectivite" | "school" | "each_party";

/** The perimeter a duty is held for; `own_share` is a party's own modules or perimeter of intervention. */
export type FoundPerimeter = "any" | "one_school" | "several_schools" | "own_share";

export interface FoundAllocationEntry {
  readonly duty: JointDuty;
  readonly perimeter: FoundPerimeter;
  readonly holder: FoundHolder;
  /** The title of the convention the entry belongs to, when the document holds several (a kit); else null. */
  readonly convention: string | null;
  readonly quote: string;
  readonly offset: number;
}

const ACADEMIE = /\b(?:autorites? academiques?|academies?|rectorats?|recteurs?)\b/;
const COLLECTIVITE =
  /\b(?:collectivites?(?: territoriales?)?|regions?|departements?|communes?|intercommunalites?)\b/;
const SCHOOL = /\b(?:chefs? d'etablissements?|etablissements?|ecoles?|eple|colleges?|lycees?)\b/;
const EACH = /\b(?:les parties|chaque partie|chacune des parties)\b/;

/** The party a short text names first; two kinds named side by side ("établissements/collectivités") are each. */
function holderIn(text: string): FoundHolder | null {
  if (EACH.test(text)) return "each_party";
  const found: { holder: FoundHolder; at: number; end: number }[] = [];
  for (const [holder, pattern] of [
    ["academie", ACADEMIE],
    ["collectivite", COLLECTIVITE],
    ["school", SCHOOL],
  ] as const) {
    const match = pattern.exec(text);
    if (match) found.push({ holder, at: match.index, end: match.index + match[0].length });
  }
  found.sort((a, b) => a.at - b.at);
  const first = found[0];
  if (!first) return null;
  const second = found[1];
  if (second && /^\s*(?:\/|et|ou)\s*$/.test(text.slice(first.end, second.at))) return "each_party";
  return first.holder;
}

/** "4.2 – Obligations de l'académie": the party whose list of duties a sentence belongs to. */
const OBLIGATIONS_OF = /\bobligations (?:de la |de l'|du |des |de )(.{0,60})$/;

function listOwner(view: SentenceView): FoundHolder | null {
  const match = OBLIGATIONS_OF.exec(view.heading.trim()) ?? OBLIGATIONS_OF.exec(view.leadIn.trim());
  return match ? holderIn(match[1] ?? "") : null;
}

const SEVERAL = /\bplusieurs (?:etablissements|ecoles|eple|colleges|lycees)\b|\bexced\w*|\bdepass\w*/;
const ONE = /\bseul etablissement\b|\bson etablissement\b|\bseule ecole\b|\bd'une ecole\b/;
const OWN = /\bmodules? (?:lui|leur) etant propres?\b|\bmodules? propres?\b|\b(?:son|leurs?) perimetres?\b/;

function perimeterOf(text: string, holder: FoundHolder): FoundPerimeter {
  if (SEVERAL.test(text)) return "several_schools";
  if (ONE.test(text)) return "one_school";
  if (OWN.test(text)) return holder === "school" ? "one_school" : "own_share";
  return "any";
}

const NOTIFY_AUTHORITY = /\b(?:notifi\w*|signal\w*)\b.{0,40}\b(?:cnil|autorite de controle)\b/;
const TO_PEOPLE = /\bpersonnes concernees\b/;
const ALERT = /\balert\w*\b.{0,80}\bincidents?\b/;
const HANDLES_REQUEST =
  /\btrai\w*\b(?: \w+){0,3} demandes?\b|\bdemandes?\b.{0,40}\btraitees?\b.{0,60}\bpar (?:l'|la |le |les )/;
const HANDLED_BY = /\btraitees?\b.{0,60}\bpar (.{0,40})/;
const CONTACT_POINT = /\b(?:est|sont|sera|seront) designee?s? comme (?:le |la )?point de contact\b/;
const DPO_OF =
  /\b(?:delegue\w* a la protection des donnees|dpd|dpo)\s+(?:de la |de l'|du |des |de )(.{0,40})/;
const ROLE_PREFIX = /^(?:\[[^\]]*\]\s*)?role (?:particulier )?(?:de la |de l'|du |des |de )[^:]{0,40}:\s*/;
const APPROVES_NOTICES = /^(?:la |l'|le |les )?([^,;:]{0,40}?)\b(?:valide(?:nt)?|diffuse(?:nt)?)\b/;
const NOTICES = /\bmentions d'information\b|\binformations? a delivrer\b/;
const ESSENCE = /\bgrandes lignes\b|\bessentiel de l'accord\b/;
const PUBLISHED_ON = /\bsite (?:web|internet) (?:de |des |du |de la |de l')(.{0,60})/;
const CONVENTION_START = /^(?:\[[^\]]*\]\s*)?modele (?:n°\s*)?\d+\s*[-–—]\s*(.*)$/;

/** Where each convention of a kit starts (a "Modèle n – …" title), or the whole document as one. */
function conventionsOf(view: DocumentView): { title: string | null; from: number }[] {
  const starts: { title: string | null; from: number }[] = [];
  for (const sentence of view.sentences) {
    if (!CONVENTION_START.test(sentence.folded.trim())) continue;
    const title = sentence.sentence.text.trim().replace(/^\[[^\]]*\]\s*/, "");
    starts.push({ title: title.length > 140 ? `${title.slice(0, 139)}…` : title, from: sentence.index });
  }
  return starts.length === 0 ? [{ title: null, from: 0 }] : starts;
}

/** A clause of a sentence: list items and ";"-separated duties read one by one, with where they stand. */
interface Clause {
  readonly folded: string;
  readonly text: string;
  readonly start: number;
  /** The clause announces a list (it ended with a colon). */
  readonly leadIn: boolean;
}

const CLAUSE_END = /\s*(?:;|:(?!\S))\s*|\s+[-·•*–](?=\s)\s*|\n+/g;

function clausesOf(view: SentenceView): Clause[] {
  const folded = view.folded;
  const text = view.sentence.text;
  const clauses: Clause[] = [];
  let from = 0;
  const push = (to: number, leadIn: boolean) => {
    const raw = folded.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) {
      const at = from + lead;
      clauses.push({
        folded: body,
        text: text.slice(at, at + body.length),
        start: view.sentence.start + at,
        leadIn,
      });
    }
  };
  for (const match of folded.matchAll(CLAUSE_END)) {
    push(match.index, match[0].includes(":"));
    from = match.index + match[0].length;
  }
  push(folded.length, false);
  return clauses;
}

function entryOf(
  clause: Clause,
  duty: JointDuty,
  holder: FoundHolder,
  perimeter: FoundPerimeter,
  convention: string | null,
): FoundAllocationEntry {
  return { duty, perimeter, holder, convention, quote: clause.text, offset: clause.start };
}

/** The duties one sentence allocates, clause by clause. */
function entriesIn(view: SentenceView, convention: string | null): FoundAllocationEntry[] {
  if (view.quotesLaw) return [];
  const found: FoundAllocationEntry[] = [];
  const owner = listOwner(view);
  const clauses = clausesOf(view);
  for (const [i, clause] of clauses.entries()) {
    const text = clause.folded;
    if (owner !== null && NOTIFY_AUTHORITY.test(text)) {
      const perimeter = perimeterOf(text, owner);
      found.push(entryOf(clause, "notify_authority", owner, perimeter, convention));
      if (TO_PEOPLE.test(text))
        found.push(entryOf(clause, "inform_people_of_breach", owner, perimeter, convention));
    }
    if (owner !== null && ALERT.test(text))
      found.push(entryOf(clause, "alert_controllers", owner, "any", convention));
    // A lead-in ("… selon la répartition suivante :") announces the allocation without making it.
    if (HANDLES_REQUEST.test(text) && !NOTIFY_AUTHORITY.test(text) && !clause.leadIn) {
      const by = HANDLED_BY.exec(text);
      const subject = text.replace(/^(?:\[[^\]]*\]\s*)?(?:[-·•*]\s*)?/, "").slice(0, 40);
      const holder = by ? holderIn(by[1] ?? "") : holderIn(subject.split(/\btrai/)[0] ?? "");
      if (holder !== null)
        found.push(entryOf(clause, "answer_requests", holder, perimeterOf(text, holder), convention));
    }
    if (CONTACT_POINT.test(text)) {
      const dpo = DPO_OF.exec(text);
      const holder = holderIn(dpo ? (dpo[1] ?? "") : text.slice(0, text.search(CONTACT_POINT)));
      if (holder !== null) found.push(entryOf(clause, "contact_point", holder, "any", convention));
    }
    if (NOTICES.test(text)) {
      // "Rôle de l'académie : l'académie valide …" reads as two clauses; the role names who speaks.
      const previous = clauses[i - 1];
      const role = previous?.leadIn === true && /^(?:\[[^\]]*\]\s*)?role\b/.test(previous.folded);
      const clauseText = role ? text : text.replace(ROLE_PREFIX, "");
      const subject = APPROVES_NOTICES.exec(clauseText);
      const holder = subject ? holderIn(subject[0]) : null;
      if (holder !== null) found.push(entryOf(clause, "inform_people", holder, "any", convention));
    }
    if (ESSENCE.test(view.leadIn) || ESSENCE.test(view.heading) || ESSENCE.test(clauses[0]?.folded ?? "")) {
      const site = PUBLISHED_ON.exec(text);
      const holder = site ? holderIn(site[1] ?? "") : null;
      if (holder !== null) found.push(entryOf(clause, "publish_essence", holder, "any", convention));
    }
  }
  return found;
}

/**
 * The allocation of duties each joint-controller convention of the document writes, in document order; empty when
 * the document allocates none (a processor agreement).
 */
export function jointAllocationOf(view: DocumentView): FoundAllocationEntry[] {
  const conventions = conventionsOf(view);
  const found: FoundAllocationEntry[] = [];
  for (const [i, convention] of conventions.entries()) {
    const until = conventions[i + 1]?.from ?? view.sentences.length;
    const title = conventions.length > 1 ? convention.title : null;
    for (const sentence of view.sentences.slice(convention.from, until))
      found.push(...entriesIn(sentence, title));
  }
  return found;
}
