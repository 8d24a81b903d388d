// GDPR Chapter V and Art. 28(3)(a): whether the agreement lets personal data leave the EEA — never,
// only with the controller's prior authorisation, or in advance under a transfer mechanism.

import type { TransferRule } from "../../domain/terms.js";
import type { SentenceView } from "./document-view.js";
import { spaced } from "./folded-text.js";
import { NEGATION, PROHIBITING_LEAD_IN } from "./legal-vocabulary.js";

export interface TransferFinding {
  readonly rule: TransferRule | null;
  /** Sentences that speak of transfers outside the EEA, first the one that decides the rule. */
  readonly views: readonly SentenceView[];
}

const OUTSIDE_EEA = spaced(
  /\bhors (?:de )?(?:l'|la )?(?:ue|union|eee|espace economique|europe)\b|\ben dehors de (?:l'|la )?(?:ue|union|eee|espace economique|europe)\b|\bpays tiers?\b|\bthird countr(?:y|ies)\b|\boutside (?:of )?(?:the )?(?:eu|eea|european|europe)\b|\borganisations? internationales?\b|\binternational organi[sz]ations?\b|\btransferts? internationaux\b|\binternational (?:data )?transfers?\b|\bchapitre v\b|\bchapter v\b|\bnon-?eea\b|\bnon-?eu\b/,
);
const TRANSFER = spaced(
  /\btransf[eé]r\w*|\btransmission\b|\bheberg\w*|\bhost\w*|\bstock\w*|\bstor\w*|\blocalis\w*|\blocat\w*|\bacces\b|\baccess\w*/,
);
const AUTHORISATION = spaced(
  /\b(?:autorisation|accord|consentement|approbation)\s+(?:ecrite?\s+|expresse?\s+|prealable\s+){1,3}|\bsans\s+(?:l')?(?:autorisation|accord|consentement)\b|\bprior (?:written )?(?:authori[sz]ation|consent|approval)\b|\bwithout (?:the )?(?:controller's |customer's )?(?:prior )?(?:written )?(?:authori[sz]ation|consent|approval)\b|\bunless (?:authori[sz]ed|approved)\b/,
);
/** GDPR Art. 28(3)(a): transfers only on the controller's documented instructions — authorisation in a weaker form. */
const ON_INSTRUCTION = spaced(
  /\bsur instructions?\b|\bon (?:the )?(?:documented )?instructions?\b|\bunless instructed\b/,
);
const MECHANISM = spaced(
  /\bclauses contractuelles types\b|\bstandard contractual clauses\b|\bsccs?\b|\bdecisions? d'adequation\b|\badequacy decisions?\b|\bregles d'entreprise contraignantes\b|\bbinding corporate rules\b|\bbcrs?\b|\barticle 4[56]\b|\bdata privacy framework\b/,
);
const PERMISSION = spaced(
  /\bpeut transferer\b|\bpourra transferer\b|\best autorise\w* a transferer\b|\bmay transfer\b|\bis (?:hereby )?authori[sz]ed to transfer\b|\bautorise (?:le sous-traitant )?a (?:transferer|proceder)\b|\bauthori[sz]es (?:the processor )?to transfer\b/,
);

function speaksOfTransfers(view: SentenceView): boolean {
  if (OUTSIDE_EEA.test(view.folded)) return TRANSFER.test(view.folded) || OUTSIDE_EEA.test(view.heading);
  return (
    OUTSIDE_EEA.test(view.leadIn) ||
    /\btransferts? internationaux\b|\binternational transfers?\b/.test(view.heading)
  );
}

/** The transfer rule and the sentences it rests on. */
export function transfersOf(sentences: readonly SentenceView[]): TransferFinding {
  const views = sentences.filter(speaksOfTransfers);
  const authorised = views.find((v) => AUTHORISATION.test(v.folded));
  if (authorised !== undefined) return { rule: "with_authorization", views: first(authorised, views) };
  const mechanism = views.find(
    (v) => MECHANISM.test(v.folded) && PERMISSION.test(v.folded) && !NEGATION.test(v.folded),
  );
  if (mechanism !== undefined) return { rule: "allowed_with_safeguards", views: first(mechanism, views) };
  const forbidden = views.find((v) => NEGATION.test(v.folded) || PROHIBITING_LEAD_IN.test(v.leadIn));
  if (forbidden !== undefined) return { rule: "prohibited", views: first(forbidden, views) };
  const instructed = views.find((v) => ON_INSTRUCTION.test(v.folded));
  if (instructed !== undefined) return { rule: "with_authorization", views: first(instructed, views) };
  const safeguarded = views.find((v) => MECHANISM.test(v.folded));
  if (safeguarded !== undefined) return { rule: "allowed_with_safeguards", views: first(safeguarded, views) };
  return { rule: null, views };
}

function first(view: SentenceView, views: readonly SentenceView[]): SentenceView[] {
  return [view, ...views.filter((v) => v !== view)];
}
