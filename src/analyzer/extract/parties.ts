// Finds who the processor and the controller are, from the ways agreements name their parties: a role
// stated of a name ("X, en tant que sous-traitant", "X is the Processor", « le Sous-traitant est X »),
// a name defined by its role ("X SAS (ci-après « le Prestataire »)", `X Ltd ("Processor")`, "le
// sous-traitant (X)"), a cover page ("X GmbH … - hereinafter referred to as the Processor -"), the
// parties an agreement is made between, and, last, the name that most often carries the processor's duties.

import { foldText } from "./folded-text.js";

export type Role = "processor" | "controller";

/** One reading of a party: its name, what it rests on and how strongly. */
export interface PartyReading {
  readonly name: string;
  /** 3 a role stated of the name, 2 a cover page or the parties of the agreement, 1 usage alone. */
  readonly strength: number;
  readonly quote: string;
  readonly offset: number;
  readonly legalForm: string | null;
  /** A company registration number given with the name (French SIREN, Belgian BCE). */
  readonly registration: string | null;
}

export interface PartiesFinding {
  readonly processor: PartyReading | null;
  readonly controller: PartyReading | null;
  /** Names read for a role with evidence as strong as the chosen one's: for a person to settle. */
  readonly conflicts: Readonly<Partial<Record<Role, readonly PartyReading[]>>>;
}

/** A capitalised name of up to seven words ("IDIO Daten Import Export GmbH", "Lycée Jean Moulin"). */
const WORD =
  "[\\p{Lu}\\p{N}](?:[\\p{L}\\p{N}&'’-]|\\.(?=[\\p{L}\\p{N}]))*(?:(?<=\\b(?:Inc|Ltd|Corp|Co|S\\.A|Cie|Bros))\\.)?";
const NAME = `${WORD}(?:[ \\t]+(?:${WORD}|de|du|des|of|&)){0,6}`;
const ARTICLE = "(?:(?:le|la|les|the|The|Le|La)\\s+|[lL]['’])";

const PROCESSOR_ROLE = "sous-?traitants?(?! ulterieur)|(?:data )?(?<!sub-?)processors?";
const CONTROLLER_ROLE = "responsables? (?:du |de |des )?traitements?|(?:data )?controllers?";
/** Words by which an agreement designates a party: a name defined as one of them is that party. */
const PROCESSOR_DESIGNATION = `${PROCESSOR_ROLE}|prestataire|titulaire|fournisseur|supplier|vendor|service provider|provider|contractor`;
const CONTROLLER_DESIGNATION = `${CONTROLLER_ROLE}|client|customer|etablissement|administration|school|ecole`;

/** A role stated of what precedes ("… est sous-traitant", "… acting as processor"), over folded text. */
const ROLE_STATED = new RegExp(
  `\\s*,?\\s*(?:(?:qui|which|who)\\s+)?\\b(?:est|is|will be|shall be|is considered(?: to be)?|est considere(?:e)? comme|acts? as|will act as|shall act as|agit en (?:tant que|qualite de)|agissant en (?:tant que|qualite de)|intervient en (?:tant que|qualite de)|en (?:tant que|qualite de)|acting as|in its capacity as|as)\\s+(?:(?:le|la|the|a|an|its|their|our|notre|leur)\\s+|l')?(${PROCESSOR_ROLE}|${CONTROLLER_ROLE})\\b`,
  "g",
);
/** "le Sous-traitant est la DINUM", "the Processor is X": the role first, the name after. */
const ROLE_IS = new RegExp(
  `\\b(?:le|la|the)\\s+(${PROCESSOR_ROLE}|${CONTROLLER_ROLE})\\s+(?:est|is|sera|will be|designe|means)\\s+`,
  "g",
);
/** "(ci-après « le Sous-traitant »)", `("Processor")`, "(désignée « Hook0 » ou le « Sous-traitant »)". */
const ROLE_DEFINED = new RegExp(
  `\\((?=[^()]*(?:ci-apres|hereinafter|hereafter|"|\\b(?:le|la|the)\\s|l'))\\s*(?:(?:ci-apres|hereinafter|hereafter|together)\\s*)?(?:(?:denommee?s?|designee?s?|referred to as|called)\\s*)?(?:[^()]{0,60}?\\b(?:ou|or)\\s+)?(?:(?:le|la|the)\\s+|l')?"?\\s*(?:(?:le|la|the)\\s+|l')?(${PROCESSOR_DESIGNATION}|${CONTROLLER_DESIGNATION})\\s*"?\\s*\\)`,
  "g",
);
/** A definition list's "X : fournisseur de logiciels, sous-traitant au sens du RGPD". */
const DEFINED_AS_ROLE = new RegExp(
  `:\\s*[^.:;]{0,160}?\\b(${PROCESSOR_ROLE}|${CONTROLLER_ROLE})\\s+(?:au sens|within the meaning)`,
  "g",
);
/** "le sous-traitant (Logora)": a role word, then the name in parentheses (over the original text). */
const ROLE_NAMED =
  /\b(?:le|la|the|The|Le|La)\s+([Ss]ous-?[Tt]raitants?|(?:[Dd]ata )?[Pp]rocessors?|[Rr]esponsables? (?:du |de |des )?[Tt]raitements?|(?:[Dd]ata )?[Cc]ontrollers?)\s*\((?=\s*[\p{Lu}\p{N}])/gu;
/** A cover page's "- hereinafter referred to as the Processor -" under the name it defines. */
const COVER_ROLE = new RegExp(
  `\\b(?:hereinafter|hereafter|ci-apres)\\s+(?:referred to as|called|denommee?|designee?)?\\s*(?:(?:le|la|the)\\s+|l')?"?(${PROCESSOR_DESIGNATION}|${CONTROLLER_DESIGNATION})\\b`,
  "g",
);
/** "between X and the Customer", "entre le Client et X": the party facing the controller's designation. */
const BETWEEN = new RegExp(
  `\\b(?:between|entre)\\s+(?:(?:le|la|the)\\s+|l')?(?:(${CONTROLLER_DESIGNATION})\\b[^,;()]{0,3}(?:\\([^()]{0,120}\\))?\\s*,?\\s*(?:and|et)\\s+(?:(?:la societe|the company)\\s+)?(?:(?:le|la|the)\\s+|l')?(?=\\S)|(?=[^,;()]{2,80}?(?:\\([^()]{0,120}\\))?\\s*,?\\s*(?:and|et)\\s+(?:(?:le|la|the)\\s+|l')?(?:${CONTROLLER_DESIGNATION})\\b))`,
  "g",
);

/** A name given in quotes: « Plateforme de l'inclusion ». */
const QUOTED = '[«“"]\\s*([^«»“”"]{2,60}?)\\s*[»”"]';
const NAME_ENDING = new RegExp(`(?:(${NAME})|${QUOTED})(?:\\s*\\([^()]{0,80}\\))?\\s*,?\\s*$`, "u");
const NAME_STARTING = new RegExp(`^${ARTICLE}?(?:(?:soci[ée]t[ée]|company)\\s+)?(${NAME})`, "u");
const DESIGNATION_STARTING = new RegExp(`^${ARTICLE}(\\p{Ll}[\\p{L}-]{2,})(?=\\s*[.;,]|\\s*$)`, "u");
/** Where a party's name may begin an appositive: the start of a clause, or after "et", "and", "entre"… */
const APPOSITIVE_START = new RegExp(
  `(?:^|[\\n.:;]\\s*|\\b(?:entre|between|et|and|by)\\s+)(?:(?:la |the )?(?:soci[ée]t[ée]|company)\\s+)?${ARTICLE}?(${NAME})\\s*,`,
  "gu",
);
/** "entre la commune de Saint-Aubin (…)": the whole party the agreement is made between. */
const BETWEEN_ENDING = /\b(?:[Ee]ntre|[Bb]etween)\s+([^,;()\n]{2,80}?)\s*(?:\([^()]{0,80}\))?\s*,?\s*$/u;
const RELATIVE_ENDING = new RegExp(`(${NAME})\\s+(?:qui|which|that|who)\\s+[^,;.()]{1,80}$`, "u");

/** Words that name a role, a thing or a pronoun, never a party. */
const NOT_A_NAME =
  /^(?:le|la|les|the|ce|cette|ces|this|that|these|article|articles|annexe|annex|appendix|schedule|section|clause|responsable|sous-traitants?|partie|parties|party|processor|processors|sub-?processors?|controller|controllers|data|personal|prestataire|titulaire|fournisseur|supplier|vendor|provider|service|services|contractor|soci[ée]t[ée]|company|donn[ée]es|rgpd|gdpr|dpa|agreement|contrat|convention|chaque|tout|toute|each|any|either|il|elle|it|they|nous|we|us|our|vous|you|your|where|if|upon|in|for|with|under|by|such|all|other|unless|notwithstanding|dans|en|pour|si|lorsque|toutefois|however)\b/iu;
/** Designations that may stand for the controller of a template ("le Client", "l'administration"). */
const CONTROLLER_DESIGNATIONS =
  /^(?:client|clients|customer|customers|administration|etablissement|school|ecole|college|lycee|academie|commune|collectivite|universite|mairie|user|utilisateur)$/u;
const PLACEHOLDER =
  /[[\]_…]|\.\.\.|[àa] compl[ée]ter|to be (?:completed|inserted)|\bx{2,}\b|^x$|\bnom (?:de|du)\b|^\s*$/iu;

const LEGAL_FORM =
  /\b(SAS|SASU|SARL|EURL|SA|SCOP|SCIC|GIE|GIP|SNC|SRL|SPRL|BV|NV|GmbH|AG|AB|ApS|AS|Oy|Ltd|Limited|LLC|LLP|Inc|PLC|plc|Corp|S\.A\.S|S\.A\.R\.L|S\.A|d\.o\.o|s\.r\.o|S\.p\.A)\.?(?=[\s,;)]|$)/u;
const SIREN =
  /\b(?:siren|rcs|registre du commerce[^.;]{0,60}?numero|immatricul\w*[^.;]{0,80}?)\s*:?\s*(?:n°\s*)?(\d{3}\s?\d{3}\s?\d{3})\b/iu;
const BCE =
  /\b(?:bce|kbo|entreprise|company number|numero d'entreprise)\s*(?:n°|no\.?)?\s*:?\s*((?:BE\s?)?0?\d{3}[.\s]?\d{3}[.\s]?\d{3})\b/iu;

function roleOf(folded: string): Role {
  return new RegExp(`^(?:${CONTROLLER_DESIGNATION})$`).test(folded.trim()) ? "controller" : "processor";
}

/** The name cleaned of leading words and blanks, or null when it is a role word, a blank or no name. */
function cleanName(raw: string, role: Role): string | null {
  const name = raw
    .replace(/^(?:(?:la |the )?soci[ée]t[ée]|company|entre|between|et|and)\s+/iu, "")
    .replace(/[\s,:;.]+$/u, "")
    .trim();
  if (name.length < 2 || name.length > 90) return null;
  const core = name.replace(/^(?:(?:le|la|les|the)\s+|l['’]\s*)/iu, "");
  if (PLACEHOLDER.test(name)) return null;
  const folded = foldText(core).trim();
  if (role === "controller" && CONTROLLER_DESIGNATIONS.test(folded)) return core;
  if (NOT_A_NAME.test(core) || !/\p{Lu}|\p{N}/u.test(core)) return null;
  return name;
}

function keyOf(name: string): string {
  return foldText(name)
    .replace(/^(?:(?:le|la|les|the)\s+|l'\s*)/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

interface Evidence {
  readonly role: Role;
  readonly name: string;
  readonly strength: number;
  readonly position: number;
}

/** The sentence around a position, for the quote a reading rests on. */
function sentenceAround(text: string, position: number): { quote: string; offset: number } {
  let start = position;
  while (start > 0 && !/[.!?\n]/u.test(text[start - 1] as string)) start--;
  let end = position;
  while (end < text.length && !/[!?\n]/u.test(text[end] as string)) {
    if (text[end] === "." && /\s/u.test(text[end + 1] ?? " ") && end - position > 20) break;
    end++;
  }
  const raw = text.slice(start, Math.min(end + 1, start + 600));
  const lead = raw.length - raw.trimStart().length;
  return { quote: raw.trim(), offset: start + lead };
}

/** The name that ends right before `start`, read back over an appositive when the text allows. */
function nameBefore(text: string, start: number, comma = 0): string | null {
  const before = text.slice(Math.max(0, start - 160), start);
  const relative = RELATIVE_ENDING.exec(before);
  if (relative !== null) return relative[1] ?? null;
  const between = BETWEEN_ENDING.exec(before);
  if (between !== null && /\p{Lu}/u.test(between[1] ?? "")) return between[1] ?? null;
  if (comma > 0 || /,\s*$/u.test(before)) {
    // "X SARL, société …, agissant en qualité de": the name opens the appositive.
    const window = text.slice(Math.max(0, start - 450), start + comma);
    let last: string | null = null;
    APPOSITIVE_START.lastIndex = 0;
    for (let m = APPOSITIVE_START.exec(window); m !== null; m = APPOSITIVE_START.exec(window)) {
      if (!/[()]/u.test(window.slice(m.index + m[0].length))) last = m[1] ?? null;
      APPOSITIVE_START.lastIndex = m.index + Math.max(1, m[0].length - 1);
    }
    if (last !== null) return last;
  }
  const ending = NAME_ENDING.exec(before);
  return ending === null ? null : (ending[1] ?? ending[2] ?? null);
}

function nameAfter(text: string, end: number, role: Role): string | null {
  const after = text.slice(end, end + 120);
  const named = NAME_STARTING.exec(after);
  if (named !== null) return named[1] ?? null;
  if (role === "controller") return DESIGNATION_STARTING.exec(after)?.[1] ?? null;
  return null;
}

function collectEvidence(text: string, folded: string): Evidence[] {
  const evidence: Evidence[] = [];
  const add = (role: Role, raw: string | null, strength: number, position: number) => {
    if (raw === null) return;
    const name = cleanName(raw, role);
    if (name !== null) evidence.push({ role, name, strength, position });
  };
  for (const m of folded.matchAll(ROLE_STATED)) {
    add(roleOf(m[1] ?? ""), nameBefore(text, m.index, /^\s*,/u.exec(m[0])?.[0].length ?? 0), 3, m.index);
  }
  for (const m of folded.matchAll(ROLE_IS)) {
    const role = roleOf(m[1] ?? "");
    add(role, nameAfter(text, m.index + m[0].length, role), 3, m.index);
  }
  for (const m of folded.matchAll(DEFINED_AS_ROLE)) {
    add(roleOf(m[1] ?? ""), nameBefore(text, m.index), 3, m.index);
  }
  for (const m of folded.matchAll(ROLE_DEFINED)) {
    add(roleOf(m[1] ?? ""), nameBefore(text, m.index), 3, m.index);
  }
  for (const m of text.matchAll(ROLE_NAMED)) {
    const role = roleOf(foldText(m[1] ?? ""));
    add(
      role,
      NAME_STARTING.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 100))?.[1] ?? null,
      3,
      m.index,
    );
  }
  for (const m of folded.matchAll(COVER_ROLE)) {
    // On a line of its own, it defines the name on the last non-empty line above.
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    if (!/^[\s\-–(]*$/u.test(text.slice(lineStart, m.index))) continue;
    const above = text.slice(Math.max(0, lineStart - 400), lineStart).trimEnd();
    const line = above.slice(above.lastIndexOf("\n") + 1).trim();
    if (PLACEHOLDER.test(line)) continue;
    add(roleOf(m[1] ?? ""), NAME_STARTING.exec(line)?.[1] ?? null, 2, m.index);
  }
  for (const m of folded.matchAll(BETWEEN)) {
    const start = m.index + m[0].length;
    add("processor", NAME_STARTING.exec(text.slice(start, start + 120))?.[1] ?? null, 2, m.index);
  }
  return evidence;
}

/** Capitalised words that open a sentence about a party's duty ("Acme shall", « Acme s'engage »). */
const DUTY_SUBJECT = new RegExp(
  `(?:^|[.;:\\n]\\s*|\\b(?:that|and|que|et)\\s+)(${NAME})\\s+(?:shall|will|must|agrees|undertakes|may|s['’]engage|notifie|informe|doit|met)\\b`,
  "gu",
);
/** Enough text to count; reading more changes nothing and costs time. */
const USAGE_SAMPLE = 80_000;

/** The name that most often carries duties, when no role is stated of any name. */
function usualSubject(text: string, exclude: ReadonlySet<string>): Evidence | null {
  const counts = new Map<string, { name: string; count: number; position: number }>();
  const sample = text.length > USAGE_SAMPLE ? text.slice(0, USAGE_SAMPLE) : text;
  for (const m of sample.matchAll(DUTY_SUBJECT)) {
    const name = cleanName(m[1] ?? "", "processor");
    if (name === null) continue;
    const key = keyOf(name);
    if (exclude.has(key) || CONTROLLER_DESIGNATIONS.test(key)) continue;
    const entry = counts.get(key) ?? { name, count: 0, position: m.index };
    entry.count++;
    counts.set(key, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  const top = ranked[0];
  if (top === undefined || top.count < 3 || (ranked[1]?.count ?? 0) * 2 > top.count) return null;
  return { role: "processor", name: top.name, strength: 1, position: top.position };
}

/** The strongest kind of evidence first, then how much of it: one stated role outweighs many usages. */
function weight(key: string | null, all: Map<string, Tally>): number {
  const tally = key === null ? undefined : all.get(key);
  return tally === undefined ? 0 : tally.strength * 100 + tally.score;
}

interface Tally {
  name: string;
  score: number;
  strength: number;
  position: number;
}

function tallies(evidence: readonly Evidence[], role: Role): Map<string, Tally> {
  const byName = new Map<string, Tally>();
  for (const e of evidence) {
    if (e.role !== role) continue;
    const key = keyOf(e.name);
    const tally = byName.get(key);
    if (tally === undefined) {
      byName.set(key, { name: e.name, score: e.strength, strength: e.strength, position: e.position });
    } else {
      tally.score += e.strength;
      if (e.strength > tally.strength) {
        tally.strength = e.strength;
        tally.position = e.position;
      }
      // The fuller spelling names the party best ("FGRibreau SARL" over "FGRibreau").
      if (e.name.length > tally.name.length && e.strength >= tally.strength) tally.name = e.name;
    }
  }
  return byName;
}

function reading(text: string, tally: Tally): PartyReading {
  const { quote, offset } = sentenceAround(text, tally.position);
  // What follows the name up to the next party ("…, et la société …") describes it.
  const at = quote.indexOf(tally.name);
  let about = at === -1 ? "" : quote.slice(at, at + tally.name.length + 400);
  const next = /,?\s+(?:et|and)\s+(?:la |le |l['’]|the )/u.exec(about.slice(tally.name.length));
  if (next !== null) about = about.slice(0, tally.name.length + next.index);
  const form = LEGAL_FORM.exec(tally.name)?.[1] ?? LEGAL_FORM.exec(about)?.[1] ?? null;
  const registration = SIREN.exec(about)?.[1] ?? BCE.exec(about)?.[1] ?? null;
  return {
    name: tally.name,
    strength: tally.strength,
    quote,
    offset,
    legalForm: form,
    registration: registration === null ? null : registration.replace(/\s+/gu, " "),
  };
}

/**
 * The processor and the controller, each the best-supported name for its role, the two distinct: a
 * party that is controller of its own processing ("X, en tant que responsable de traitement, …") and
 * processor of the agreement's keeps the role the evidence weighs most for it.
 */
export function partiesOf(text: string, folded: string): PartiesFinding {
  const evidence = collectEvidence(text, folded);
  const processors = tallies(evidence, "processor");
  const controllers = tallies(evidence, "controller");
  if (processors.size === 0) {
    const usual = usualSubject(text, new Set(controllers.keys()));
    if (usual !== null) {
      evidence.push(usual);
      for (const [key, tally] of tallies([usual], "processor")) processors.set(key, tally);
    }
  }
  // Each name takes the role its evidence weighs most for (the processor's on a tie: a processor
  // agreement is about the processor), then each role the best name that prefers it.
  const names = new Set([...processors.keys(), ...controllers.keys()]);
  const prefersProcessor = (key: string) => weight(key, processors) >= weight(key, controllers);
  const bestOf = (all: Map<string, Tally>, keep: (key: string) => boolean): string | null => {
    let chosen: string | null = null;
    for (const key of all.keys()) {
      if (keep(key) && (chosen === null || weight(key, all) > weight(chosen, all))) chosen = key;
    }
    return chosen;
  };
  let p = bestOf(processors, (key) => prefersProcessor(key));
  let c = bestOf(controllers, (key) => key !== p && (!names.has(key) || !prefersProcessor(key)));
  if (p === null) p = bestOf(processors, (key) => key !== c);
  if (c === null) c = bestOf(controllers, (key) => key !== p);
  const best = { p, c };
  const conflicts: Partial<Record<Role, PartyReading[]>> = {};
  const choose = (role: Role, key: string | null, all: Map<string, Tally>, other: string | null) => {
    if (key === null) return null;
    const chosen = all.get(key) as Tally;
    const rivals = [...all.entries()].filter(
      ([k, t]) => k !== key && k !== other && t.score >= chosen.score && t.strength >= chosen.strength,
    );
    if (rivals.length > 0) {
      conflicts[role] = [chosen, ...rivals.map(([, t]) => t)].map((t) => reading(text, t));
      return null;
    }
    return reading(text, chosen);
  };
  return {
    processor: choose("processor", best.p, processors, best.c),
    controller: choose("controller", best.c, controllers, best.p),
    conflicts,
  };
}
