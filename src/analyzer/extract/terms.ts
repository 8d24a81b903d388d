// Attributes every period an agreement states to the term it bounds, by the words around it (its
// clause, its sentence, the lead-in of its list, its headings), and keeps the binding one per term.

import { type Duration, isFixed } from "../../domain/duration.js";
import { hourRange } from "../../domain/duration-comparison.js";
import { findDurations } from "../../domain/duration-parser.js";
import type { TermId } from "../../domain/terms.js";
import type { DocumentKind, FoundTerm } from "../analysis.js";
import { type DocumentView, type SentenceView, sentenceAt } from "./document-view.js";
import { spaced } from "./folded-text.js";
import {
  ANNEX,
  ASSIST,
  AUDIT,
  AUTHORITY,
  BACKUP,
  BILLING,
  BREACH,
  CHANGE,
  CONFIDENTIALITY,
  CONTROLLER,
  CONTROLLER_ACTS,
  CORRECTIVE,
  DATA_SUBJECT_REQUEST,
  DATA_SUBJECTS,
  DELETE,
  END_OF_CONTRACT,
  FORWARD,
  INCIDENT,
  JOINT_CONTROLLERS,
  LOGS,
  NON_COMPLIANCE,
  NOTIFY,
  OBJECTION,
  ON_REQUEST,
  PRIOR_NOTICE,
  RECEIVED,
  RECTIFY,
  RETENTION,
  RETURN,
  STATUTE_WORDING,
  SUBPROCESSOR,
  SURVIVAL,
  TERMINATION,
  TERMINATION_FOR_CAUSE,
} from "./legal-vocabulary.js";

/** What the term rules know about the whole document. */
export interface TermContext {
  readonly kind: DocumentKind;
  /** The processor's role words, plus its name when the agreement gives one. */
  readonly processor: RegExp;
}

/**
 * Where a word was found, from the period's own clause outwards. The clause changes with each period;
 * the rest is the same for every period of a sentence, so its answers are kept per sentence.
 */
class Places {
  private memo = new Map<RegExp, Level>();
  constructor(
    readonly local: string,
    private readonly view: SentenceView,
    /** The list items a sentence ending in a colon introduces: "within 72 hours …: (a) notify …". */
    private readonly continuation: string = "",
  ) {}

  /** For a clause of the same sentence, sharing what was learnt about the sentence. */
  withLocal(local: string): Places {
    const places = new Places(local, this.view, this.continuation);
    places.memo = this.memo;
    return places;
  }

  get heading(): string {
    return this.view.heading;
  }

  /** The nearest place, from the sentence outwards, where `pattern` appears. */
  around(pattern: RegExp): Level {
    let level = this.memo.get(pattern);
    if (level === undefined) {
      if (pattern.test(this.view.folded)) level = SENTENCE;
      else if (this.continuation !== "" && pattern.test(this.continuation)) level = SENTENCE;
      else if (pattern.test(this.view.leadIn)) level = LEAD_IN;
      else if (pattern.test(this.view.heading)) level = HEADING;
      else if (pattern.test(this.view.outerHeadings)) level = OUTER_HEADING;
      else level = ABSENT;
      this.memo.set(pattern, level);
    }
    return level;
  }

  /** Whether `pattern` matches the period's clause; free when the clause is the whole sentence. */
  inClause(pattern: RegExp): boolean {
    if (this.around(pattern) !== SENTENCE) return false;
    if (this.local.length === this.view.folded.length || pattern.test(this.local)) return true;
    // A clause that runs to the colon goes on in the items it introduces.
    return (
      this.continuation !== "" && this.view.folded.endsWith(this.local) && pattern.test(this.continuation)
    );
  }
}

/** Where a word appears around a period, from farthest to nearest. */
type Level = 0 | 1 | 2 | 3 | 4;
const ABSENT: Level = 0;
const OUTER_HEADING: Level = 1;
const HEADING: Level = 2;
const LEAD_IN: Level = 3;
const SENTENCE: Level = 4;

/**
 * What a word weighs by where it is: the period's clause 4, its list's lead-in 3, its heading 2, an outer
 * heading 1, and another clause of its sentence 2 — "(a) notify … within 24 hours; (b) forward … within
 * two days": each period belongs to its own clause first.
 */
const IN_CLAUSE = 4;
const IN_SENTENCE = 2;
const WEIGHT: Readonly<Record<Level, number>> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: IN_SENTENCE };

/** How strongly `pattern` ties to the period: 4 in its clause … 1 in an outer heading, 0 absent. */
function anywhere(pattern: RegExp, places: Places): number {
  const level = places.around(pattern);
  if (level === SENTENCE) return places.inClause(pattern) ? IN_CLAUSE : IN_SENTENCE;
  return WEIGHT[level];
}

/** Like `anywhere`, but only the period's clause, its sentence and its list's lead-in count. */
function nearby(pattern: RegExp, places: Places): number {
  return places.around(pattern) >= LEAD_IN ? anywhere(pattern, places) : 0;
}

/** Only the period's clause and its sentence. */
function inSentence(pattern: RegExp, places: Places): number {
  if (places.around(pattern) !== SENTENCE) return 0;
  return places.inClause(pattern) ? IN_CLAUSE : IN_SENTENCE;
}

type Scorer = (places: Places, context: TermContext) => number;

/** Which of several stated periods binds when they score alike: the shortest deadline, the longest notice. */
type Binding = "shortest" | "longest";

interface TermRule {
  readonly id: TermId;
  readonly binding: Binding;
  readonly score: Scorer;
}

const OTHER_PARTY = spaced(
  /\bl'autre partie\b|\bles autres parties\b|\bother part(?:y|ies)\b|\beach other\b|\bmutuellement\b/,
);
const CERTIFICATE = spaced(/\battestation\b|\bcertifica\w*/);
const OVERWRITE = spaced(/\becras\w*|\boverwrit\w*|\brotation\b|\bcycle\b/);
const BEFORE = spaced(/\bavant\b|\bbefore\b/);

function processorFound(places: Places, context: TermContext): number {
  return anywhere(context.processor, places);
}

/** The controller answers or informs the data subjects, and the processor has no part in the sentence. */
function controllerAddressesDataSubjects(places: Places, context: TermContext): boolean {
  if (!places.inClause(CONTROLLER_ACTS) || !places.inClause(DATA_SUBJECTS)) return false;
  return places.around(context.processor) < LEAD_IN;
}

/** Passing a request on: forwarding it, or telling the controller of one received ("promptly notify … if it receives a request"). */
function passesOn(places: Places): boolean {
  if (inSentence(FORWARD, places) > 0) return true;
  return inSentence(NOTIFY, places) > 0 && inSentence(RECEIVED, places) > 0;
}

function isJointSetting(context: TermContext): boolean {
  return context.kind === "joint_controller_agreement" || context.kind === "contracting_kit";
}

const RULES: readonly TermRule[] = [
  {
    // GDPR Art. 33(2): the processor notifies the controller of a breach.
    id: "breach_notification_to_controller",
    binding: "shortest",
    score: (places, context) => {
      // A sentence that names the breach itself is the operative one; a heading alone only hints.
      const named = nearby(BREACH, places);
      const breach = named > 0 ? named + 2 : anywhere(BREACH, places);
      if (breach === 0 || inSentence(NOTIFY, places) === 0) return 0;
      if (places.inClause(AUTHORITY)) return 0;
      const processor = processorFound(places, context);
      // GDPR Art. 34: the controller telling the data subjects is no notice to the controller.
      if (controllerAddressesDataSubjects(places, context)) return 0;
      // In a joint-controller setting only the processor's clause speaks of the processor's notice.
      if (processor === 0 && context.kind !== "dpa" && context.kind !== "unknown") return 0;
      return 2 + breach + (processor > 0 ? 1 : 0) + (inSentence(CONTROLLER, places) > 0 ? 1 : 0);
    },
  },
  {
    // GDPR Art. 33(1): the controller notifies the supervisory authority.
    id: "breach_notification_to_authority",
    binding: "shortest",
    score: (places) => {
      if (!places.inClause(AUTHORITY) || inSentence(NOTIFY, places) === 0) return 0;
      const breach = anywhere(BREACH, places);
      return breach === 0 ? 0 : 6 + breach;
    },
  },
  {
    // GDPR Art. 26: joint controllers agree how they alert one another.
    id: "incident_alert_between_controllers",
    binding: "shortest",
    score: (places, context) => {
      if (!isJointSetting(context)) return 0;
      const incident = Math.max(nearby(BREACH, places), nearby(INCIDENT, places));
      if (incident === 0 || inSentence(NOTIFY, places) === 0 || places.inClause(AUTHORITY)) return 0;
      if (nearby(context.processor, places) > 0 || context.processor.test(places.heading)) return 0;
      const between = nearby(OTHER_PARTY, places) > 0 || anywhere(JOINT_CONTROLLERS, places) > 0 ? 1 : 0;
      return 2 + incident + between;
    },
  },
  {
    // GDPR Art. 28(3)(e): a request the processor receives goes to the controller.
    id: "dsr_forwarding_to_controller",
    binding: "shortest",
    score: (places, context) => {
      const request = anywhere(DATA_SUBJECT_REQUEST, places);
      if (request === 0 || !passesOn(places)) return 0;
      const processor = processorFound(places, context);
      if (processor === 0 && context.kind !== "dpa" && context.kind !== "unknown") return 0;
      return 2 + request + (inSentence(RECEIVED, places) > 0 ? 2 : 0) + (processor > 0 ? 1 : 0);
    },
  },
  {
    // GDPR Art. 28(3)(e): the processor helps the controller answer a request.
    id: "dsr_assistance",
    binding: "shortest",
    score: (places, context) => {
      const request = anywhere(DATA_SUBJECT_REQUEST, places);
      if (request === 0 || inSentence(ASSIST, places) === 0) return 0;
      if (passesOn(places) && inSentence(RECEIVED, places) > 0) return 0;
      // GDPR Art. 12(3): the controller's own month to answer the person is not the processor's help.
      if (controllerAddressesDataSubjects(places, context)) return 0;
      const processor = processorFound(places, context);
      if (processor === 0) return 0;
      return 2 + request + 1;
    },
  },
  {
    // GDPR Art. 16, 17 and 28(3)(a): deleting or correcting data on the controller's instruction.
    id: "data_deletion_on_request",
    binding: "shortest",
    score: (places) => {
      const act = Math.max(inSentence(DELETE, places), inSentence(RECTIFY, places));
      if (act === 0 || inSentence(ON_REQUEST, places) === 0) return 0;
      if (places.inClause(END_OF_CONTRACT) || places.inClause(BACKUP)) return 0;
      return 2 + act;
    },
  },
  {
    // GDPR Art. 28(3)(g): delete or return everything at the end of the service.
    id: "deletion_after_termination",
    binding: "shortest",
    score: (places) => {
      const act = Math.max(anywhere(DELETE, places), anywhere(RETURN, places));
      const end = Math.max(nearby(END_OF_CONTRACT, places), anywhere(END_OF_CONTRACT, places) > 0 ? 1 : 0);
      if (act === 0 || end === 0 || places.inClause(BACKUP)) return 0;
      if (places.inClause(ON_REQUEST) && !places.inClause(END_OF_CONTRACT)) return 0;
      return 2 + act + end - (places.inClause(CERTIFICATE) ? 2 : 0);
    },
  },
  {
    id: "backup_deletion",
    binding: "longest",
    score: (places) => {
      const backup = inSentence(BACKUP, places);
      if (backup === 0) return 0;
      const fate = Math.max(
        inSentence(DELETE, places),
        inSentence(RETENTION, places),
        inSentence(OVERWRITE, places),
      );
      return fate === 0 ? 0 : 2 + backup;
    },
  },
  {
    // GDPR Art. 28(3)(h): audits, with the notice the controller gives.
    id: "audit_notice",
    binding: "longest",
    score: (places) => {
      const audit = anywhere(AUDIT, places);
      if (audit === 0 || inSentence(PRIOR_NOTICE, places) === 0 || places.inClause(CORRECTIVE)) return 0;
      return 2 + audit + 2;
    },
  },
  {
    id: "corrective_action_plan",
    binding: "shortest",
    score: (places) => {
      const corrective = Math.max(nearby(CORRECTIVE, places), CORRECTIVE.test(places.heading) ? 1 : 0);
      if (corrective === 0) return 0;
      const finding = Math.max(anywhere(AUDIT, places), anywhere(NON_COMPLIANCE, places));
      return finding === 0 ? 0 : 2 + corrective + finding;
    },
  },
  {
    id: "termination_notice",
    binding: "longest",
    score: (places) => {
      const termination = nearby(TERMINATION, places);
      if (termination === 0) return 0;
      if (inSentence(PRIOR_NOTICE, places) === 0 && inSentence(BEFORE, places) === 0) return 0;
      if (places.around(TERMINATION_FOR_CAUSE) >= LEAD_IN) return 0;
      return 2 + termination + 1;
    },
  },
  {
    // GDPR Art. 28(2): the controller's window to object to a new or replaced sub-processor.
    id: "subprocessor_objection_period",
    binding: "longest",
    score: (places) => {
      const subprocessor = anywhere(SUBPROCESSOR, places);
      const objection = inSentence(OBJECTION, places);
      return subprocessor === 0 || objection === 0 ? 0 : 2 + subprocessor + objection;
    },
  },
  {
    // Clause 7.7 of the Commission's SCCs (Decision 2021/915): notice before the annexes change.
    id: "annex_update_notice",
    binding: "longest",
    score: (places) => {
      if (inSentence(PRIOR_NOTICE, places) === 0 || places.inClause(OBJECTION)) return 0;
      const change = nearby(CHANGE, places);
      if (change === 0) return 0;
      if (nearby(ANNEX, places) > 0) return 2 + change + 2;
      const subprocessor = nearby(SUBPROCESSOR, places);
      return subprocessor === 0 ? 0 : 1 + change;
    },
  },
  {
    id: "confidentiality_survival",
    binding: "longest",
    score: (places) => {
      const confidentiality = anywhere(CONFIDENTIALITY, places);
      const survival = inSentence(SURVIVAL, places);
      return confidentiality === 0 || survival === 0 ? 0 : 2 + confidentiality + survival;
    },
  },
  {
    id: "log_retention",
    binding: "longest",
    score: (places) => {
      const logs = inSentence(LOGS, places);
      if (logs === 0 || places.inClause(BACKUP)) return 0;
      const kept = Math.max(inSentence(RETENTION, places), inSentence(DELETE, places));
      return kept === 0 ? 0 : 2 + logs;
    },
  },
];

/** The least score that attributes a period to a term. */
const THRESHOLD = 5;
/** A fixed period outranks a qualifier ("sans délai … au plus tard 48 heures") unless clearly weaker. */
const FIXED_BONUS = 2;

// Clause boundaries inside a sentence: a semicolon, a purpose ("afin de", "so that") or a relative
// clause (", lequel dispose de…") handing the period over to someone else, or a new subject naming a party.
const CLAUSE_BREAK = spaced(
  /;|\s(?:afin (?:de|d'|que|qu')|pour (?:lui|leur) permettre|de (?:maniere|facon|sorte) (?:a|que)|so as to|so that|in order to|to enable|to allow|enabling|allowing|(?:lui|leur) permettant|puis|then|tandis que|whereas|while)\b|,\s*(?:lequel|laquelle|lesquels|lesquelles|qui|which|who)\s|\s(?:et|and|,)\s+(?=(?:le|la|l'|les|the|chaque|each)\s?(?:responsables?|controllers?|sous-traitants?|processors?|clients?|customers?|titulaires?|prestataires?|autorites?|authorit)\b)/g,
);

function clauseBreaks(folded: string): number[] {
  const breaks: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(folded); m !== null; m = CLAUSE_BREAK.exec(folded)) breaks.push(m.index);
  return breaks;
}

/** How far a clause reaches on either side of its period: no clause that binds a period runs longer. */
const CLAUSE_REACH = 400;

function clauseAround(folded: string, breaks: readonly number[], from: number, to: number): string {
  let start = Math.max(0, from - CLAUSE_REACH);
  let end = Math.min(folded.length, to + CLAUSE_REACH);
  // Binary search for the last break before the period; the next one at or after its end closes it.
  let low = 0;
  let high = breaks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((breaks[middle] as number) < from) low = middle + 1;
    else high = middle - 1;
  }
  const before = breaks[low - 1];
  if (before !== undefined && before > start) start = before;
  for (let k = low; k < breaks.length; k++) {
    const position = breaks[k] as number;
    if (position >= to) {
      if (position < end) end = position;
      break;
    }
  }
  return folded.slice(start, end);
}

interface Candidate {
  readonly term: TermId;
  readonly rank: number;
  readonly duration: Duration;
  readonly view: SentenceView;
  readonly position: number;
}

/** Beyond this many units a period is absurd for a clause; its length is taken at face value. */
const COUNTED_UNITS = 400;
const HOURS_PER_UNIT = {
  hours: 1,
  days: 24,
  working_days: 24,
  weeks: 168,
  months: 672,
  years: 8760,
} as const;

/**
 * Hours a period lasts at least (0 for a qualifier), to compare periods of different units. The domain
 * counts calendars for that; a typo like "99999 mois" would cost seconds, so it is only estimated.
 */
function leastHours(duration: Duration): number {
  if (!isFixed(duration)) return 0;
  if (duration.amount > COUNTED_UNITS) return duration.amount * HOURS_PER_UNIT[duration.unit];
  return hourRange(duration).min;
}

function sentencePenalty(view: SentenceView): number {
  let penalty = 0;
  if (view.quotesLaw || STATUTE_WORDING.test(view.folded)) penalty += 3;
  if (view.inTable) penalty += 1;
  if (BILLING.test(view.folded)) penalty += 2;
  return penalty;
}

/** How many items of the list a colon introduces are read with it. */
const CONTINUATION_ITEMS = 4;

/** The folded items that follow a sentence ending in a colon and read it as their lead-in, or "". */
function continuationOf(view: DocumentView, index: number): string {
  const own = view.sentences[index] as SentenceView;
  if (!/:[\s*_"')\]]*$/.test(own.folded)) return "";
  const parts: string[] = [];
  for (let k = index + 1; k < view.sentences.length && parts.length < CONTINUATION_ITEMS; k++) {
    const item = view.sentences[k] as SentenceView;
    if (item.leadIn !== own.folded) break;
    parts.push(item.folded);
  }
  return parts.join(" ");
}

/** Every duration term the agreement sets, each with the sentence that sets it. */
export function extractTerms(view: DocumentView, context: TermContext): Partial<Record<TermId, FoundTerm>> {
  const candidates: Candidate[] = [];
  const breaksBySentence = new Map<number, number[]>();
  const placesBySentence = new Map<number, Places>();
  for (const match of findDurations(view.text)) {
    const index = sentenceAt(view, match.index);
    if (index === -1) continue;
    const sentenceView = view.sentences[index] as SentenceView;
    let breaks = breaksBySentence.get(index);
    if (breaks === undefined) {
      breaks = clauseBreaks(sentenceView.folded);
      breaksBySentence.set(index, breaks);
    }
    const from = match.index - sentenceView.sentence.start;
    const local = clauseAround(sentenceView.folded, breaks, from, from + match.text.length);
    let shared = placesBySentence.get(index);
    if (shared === undefined) {
      shared = new Places(local, sentenceView, continuationOf(view, index));
      placesBySentence.set(index, shared);
    }
    const places = shared.withLocal(local);
    let best: { term: TermId; score: number } | null = null;
    for (const rule of RULES) {
      const score = rule.score(places, context);
      if (score > 0 && (best === null || score > best.score)) best = { term: rule.id, score };
    }
    if (best === null) continue;
    const score = best.score - sentencePenalty(sentenceView);
    if (score < THRESHOLD) continue;
    candidates.push({
      term: best.term,
      rank: score + ("amount" in match.duration ? FIXED_BONUS : 0),
      duration: match.duration,
      view: sentenceView,
      position: match.index,
    });
  }
  const found: Partial<Record<TermId, FoundTerm>> = {};
  for (const rule of RULES) {
    const chosen = bindingCandidate(
      candidates.filter((c) => c.term === rule.id),
      rule.binding,
    );
    if (chosen === undefined) continue;
    const duration = chosen.duration;
    found[rule.id] = {
      amount: "amount" in duration ? duration.amount : null,
      unit: "amount" in duration ? duration.unit : null,
      qualifier: "qualifier" in duration ? duration.qualifier : null,
      quote: chosen.view.sentence.text,
      offset: chosen.view.sentence.start,
      trigger: null,
      confidence: "medium",
    };
  }
  return found;
}

function bindingCandidate(candidates: readonly Candidate[], binding: Binding): Candidate | undefined {
  let chosen: Candidate | undefined;
  for (const candidate of candidates) {
    if (chosen === undefined || outranks(candidate, chosen, binding)) chosen = candidate;
  }
  return chosen;
}

function outranks(a: Candidate, b: Candidate, binding: Binding): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  const hoursA = leastHours(a.duration);
  const hoursB = leastHours(b.duration);
  if (hoursA !== hoursB) return binding === "shortest" ? hoursA < hoursB : hoursA > hoursB;
  return a.position < b.position;
}
