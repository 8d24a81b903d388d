// Finds who the processor and the controller are, from the ways agreements name their parties:
// "X, en tant que sous-traitant", "entre A (le Responsable du traitement) et B (le Sous-traitant)",
// "X (ci-après « le Sous-traitant »)", "X SA (the "Processor")", or a definition "X : … sous-traitant".

import type { SentenceView } from "./document-view.js";

export interface Parties {
  readonly processor: string | null;
  readonly controller: string | null;
}

type Role = "processor" | "controller";

const PROCESSOR_ROLE =
  "sous-traitant|processor|data processor|prestataire|titulaire|fournisseur|supplier|vendor";
const CONTROLLER_ROLE =
  "responsable (?:du |de )?traitement|responsable des traitements|controller|data controller|client|customer";
const NAME =
  "(\\p{Lu}[\\p{L}\\p{N}&'’.-]*(?:[ \\t]+(?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}&'’.-]*|de|du|des|of|and|&)){0,5})";

function roleOf(word: string): Role {
  return new RegExp(`^(?:${CONTROLLER_ROLE})$`, "iu").test(word.trim()) ? "controller" : "processor";
}

const ACTING_AS = new RegExp(
  `${NAME}\\s*,?\\s*(?:\\([^)]{0,80}\\)\\s*,?\\s*)?(?:en (?:tant que|qualit[ée] de)|agissant en (?:tant que|qualit[ée] de)|acting as|as)\\s+(?:le |la |l'|the |a |an |its |their |our |notre |leur )?(${PROCESSOR_ROLE}|${CONTROLLER_ROLE})\\b`,
  "gu",
);
const PARENTHESISED_ROLE = new RegExp(
  `\\b(?:entre|between|et|and)\\s+([^,;()\\n]{2,80}?)\\s*,?\\s*\\(\\s*(?:ci-apr[èe]s|hereinafter|hereafter)?\\s*(?:d[ée]nomm[ée]e?s?|referred to as|called)?\\s*(?:le |la |l'|the )?[«"“]?\\s*(?:le |la |l'|the )?(${PROCESSOR_ROLE}|${CONTROLLER_ROLE})\\s*[»"”]?\\s*\\)`,
  "giu",
);
/** "Scolares SA, … (ci-après « le Sous-traitant »)" at the start of a sentence. */
const HEREINAFTER = new RegExp(
  `^${NAME}[^()]{0,160}?\\(\\s*(?:ci-apr[èe]s|hereinafter|hereafter)\\s*(?:d[ée]nomm[ée]e?s?|referred to as|called)?\\s*(?:le |la |l'|the )?[«"“]?\\s*(?:le |la |l'|the )?(${PROCESSOR_ROLE}|${CONTROLLER_ROLE})\\s*[»"”]?\\s*\\)`,
  "iu",
);
const DEFINITION = new RegExp(
  `^${NAME}\\s*:\\s*[^.:]{0,160}?\\b(${PROCESSOR_ROLE}|${CONTROLLER_ROLE})\\s+(?:au sens|within the meaning)`,
  "iu",
);

const ROLE_WORD =
  /sous-?traitant|processor|prestataire|titulaire|fournisseur|supplier|vendor|responsable|controller|client|customer/;
const ACTING_CUE =
  /\ben (?:tant que|qualite de)\b|\bacting as\b|\bas (?:a |an |the |its |their |our )?(?:data )?(?:processor|controller)\b/;

/** Words that name a role or a thing, never a party. */
const NOT_A_NAME =
  /^(?:le|la|les|the|ce|cette|ces|article|annexe|annex|client|clients|customer|responsable|sous-traitant|sous-traitants|partie|parties|party|processor|controller|prestataire|titulaire|soci[ée]t[ée]|company|donn[ée]es|data|rgpd|gdpr|dpa|chaque|tout|toute|each|any|il|elle|it|they|nous|we|vous|you)\b/iu;
const PLACEHOLDER =
  /[[\]_…]|\.\.\.|[àa] compl[ée]ter|to be completed|\bx{2,}\b|^x$|\bnom (?:de|du)\b|^\s*$/iu;
const LEADING_WORDS = /^(?:(?:la |the )?soci[ée]t[ée]|company|entre|between|et|and)\s+/iu;

function cleanName(raw: string): string | null {
  const name = raw
    .replace(LEADING_WORDS, "")
    .replace(/[\s,:;]+$/u, "")
    .trim();
  if (name.length < 2 || name.length > 80) return null;
  // "la commune de Saint-Aubin" names a party; "le Client" only a role.
  const core = name.replace(/^(?:le|la|les|l'|l’|the)\s*/iu, "");
  if (PLACEHOLDER.test(name) || NOT_A_NAME.test(core) || !/\p{Lu}/u.test(core)) return null;
  return name;
}

/** The processor and controller names the agreement gives, each null when it names none. */
export function partiesOf(sentences: readonly SentenceView[]): Parties {
  const found: { processor: string | null; controller: string | null } = {
    processor: null,
    controller: null,
  };
  const take = (role: Role, raw: string) => {
    if (found[role] !== null) return;
    const name = cleanName(raw);
    if (name !== null) found[role] = name;
  };
  for (const view of sentences) {
    if (found.processor !== null && found.controller !== null) break;
    const text = view.sentence.text;
    // The name patterns backtrack over capitalised words: run them only where a role is named.
    if (text.length > 2000 || !ROLE_WORD.test(view.folded)) continue;
    if (ACTING_CUE.test(view.folded)) {
      ACTING_AS.lastIndex = 0;
      for (let m = ACTING_AS.exec(text); m !== null; m = ACTING_AS.exec(text)) {
        take(roleOf(m[2] ?? ""), m[1] ?? "");
      }
    }
    if (!text.includes("(") && !text.includes(":")) continue;
    PARENTHESISED_ROLE.lastIndex = 0;
    for (let m = PARENTHESISED_ROLE.exec(text); m !== null; m = PARENTHESISED_ROLE.exec(text)) {
      take(roleOf(m[2] ?? ""), m[1] ?? "");
    }
    const hereinafter = HEREINAFTER.exec(text);
    if (hereinafter !== null) take(roleOf(hereinafter[2] ?? ""), hereinafter[1] ?? "");
    const definition = DEFINITION.exec(text);
    if (definition !== null) take(roleOf(definition[2] ?? ""), definition[1] ?? "");
  }
  return found;
}
