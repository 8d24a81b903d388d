// GDPR Chapter V and Art. 28(3)(a): whether the agreement lets personal data leave the EEA — never,
// only with the controller's prior authorisation, or in advance under a transfer mechanism.

import type { TransferRule } from "../../domain/terms.js";
import type { SentenceView } from "./document-view.js";
import { spaced } from "./folded-text.js";
import { PROHIBITING_LEAD_IN } from "./legal-vocabulary.js";

export type TransferConfidence = "high" | "medium" | "low";

export interface TransferFinding {
  readonly rule: TransferRule | null;
  /** Sentences that speak of transfers outside the EEA, first the one that decides the rule. */
  readonly views: readonly SentenceView[];
  readonly confidence: TransferConfidence | null;
  /** When the agreement's own clauses conflict: each rule read, with the sentence behind it. */
  readonly conflict: readonly { readonly rule: TransferRule; readonly view: SentenceView }[];
}

const OUTSIDE_EEA = spaced(
  /\bhors (?:de )?(?:l'|la )?(?:ue|union|eee|espace economique|europe)\b|\ben dehors de (?:l'|la )?(?:ue|union|eee|espace economique|europe)\b|\bpays tiers?\b|\bthird countr(?:y|ies)\b|\boutside (?:of )?(?:the )?(?:eu|eea|european|europe)\b|\borganisations? internationales?\b|\binternational organi[sz]ations?\b|\btransferts? internationaux\b|\binternational (?:data )?transfers?\b|\bchapitre v\b|\bchapter v\b|\bnon-?eea\b|\bnon-?eu\b|\bother than (?:a jurisdiction in )?(?:the )?(?:eu|eea|european)\b|\betats-unis\b|\bunited states\b|\bu\.s\.(?!-)|\busa\b|\bother countries\b|\bautres pays\b|\bcountr(?:y|ies) (?:which|that) (?:do|does) not (?:ensure|provide|offer)\b|\bnon-?adequate\b|\bpays (?:qui )?n'(?:assur|offr)\w* pas\b/,
);
const TRANSFER = spaced(
  /\btransf[eé]r\w*|\btransmission\b|\bheberg\w*|\bhost\w*|\bstock\w*|\bstor\w*|\blocalis\w*|\blocat\w*|\bacces\b|\baccess\w*|\bprocessing in\b|\btraitements? (?:dans|en) (?:d'autres|des) pays\b/,
);
const AUTHORISATION = spaced(
  /\b(?:autorisation|accord|consentement|approbation)\s+(?:ecrite?\s+|expresse?\s+|prealable\s+){1,3}|\bsans\s+(?:l')?(?:autorisation|accord|consentement)\b|\bprior (?:written )?(?:authori[sz]ation|consent|approval)\b|\bwithout (?:the )?(?:controller's |customer's )?(?:prior )?(?:written )?(?:authori[sz]ation|consent|approval)\b|\bunless (?:authori[sz]ed|approved)\b/,
);
/** GDPR Art. 28(3)(a): transfers only on the controller's documented instructions — authorisation in a weaker form. */
const ON_INSTRUCTION = spaced(
  /\bsur instructions?\b|\bon (?:the )?(?:documented )?instructions?\b|\bunless instructed\b/,
);
const MECHANISM = spaced(
  /\bclauses contractuelles types\b|\bstandard contractual clauses\b|\bsccs?\b|\bgaranties appropriees\b|\bappropriate safeguards\b|\badequa(?:cy|te level)\b|\bchapitre v\b|\bchapter v\b|\bprivacy shield\b|\bdecisions? d'adequation\b|\badequacy decisions?\b|\bregles d'entreprise contraignantes\b|\bbinding corporate rules\b|\bbcrs?\b|\barticle 4[56]\b|\bdata privacy framework\b/,
);
const PERMISSION = spaced(
  /\bpeut transferer\b|\bpourra transferer\b|\best autorise\w* a transferer\b|\bmay transfer\b|\bis (?:hereby )?authori[sz]ed to transfer\b|\bautorise (?:le sous-traitant )?a (?:transferer|proceder)\b|\bauthori[sz]es (?:the processor )?to transfer\b/,
);

/** A transfer refused: "shall not transfer", « ne transférera pas », "no data will be transferred". */
const NEGATED_TRANSFER = spaced(
  /\b(?:shall|will|may|must|does|do|can)(?:\s+not|n't)\s+(?:\w+\s+){0,4}?(?:transfer|store|host|process)\w*|\bne\s+(?:\S+\s+){0,4}?(?:transf[eé]r|stock|heberg|trait)\w*|\bnot be (?:transferred|stored|hosted|processed)\b|\bno (?:personal )?data (?:will|shall|may) be transferred\b|\baucun transfert\b|\bs'interdit de (?:transferer|stocker|heberger)\b|\b(?:prohibited|interdit\w*) (?:from |de |d')?(?:transf|stock|heberg|stor|host)\w*|\btransf\w* (?:\S+ ){0,6}?(?:is|are|sont|est) (?:strictly |strictement )?(?:prohibited|interdits?)\b|\bnever (?:be )?transferr?\w*/,
);
/** What lifts a refusal: "unless", « sauf », "except", "other than" — the refusal is then conditional. */
const EXCEPTION = spaced(
  /\bunless\b|\bexcept\b|\bother than\b|\bsave (?:as|where)\b|\bsauf\b|\ba moins\b|\bhors le cas\b|\bwithout\b|\bsans\b|\bonly (?:if|where|when|to|with)\b|\bque (?:si|sur|vers|dans)\b/,
);
/** The agreement applying a mechanism to transfers: "the SCCs will apply", « encadrés par les CCT ». */
const APPLIES = spaced(
  /\bappl(?:y|ies)\b|\bs'appliqu\w*|\bencadr\w*|\bconformement\b|\bin accordance\b|\bgarantiss\w*|\bgaranti\w*|\bensur\w*|\brely\w*|\brelies\b|\benter into\b|\bhereby (?:enter|incorporat)\w*|\bmakes? available\b|\bsubject to\b|\bsur la base\b|\bcompl(?:y|iance)\b|\brespect\b|\buse\b|\bput in place\b|\bmettre? en (?:place|oeuvre)\b|\bexecute\b|\bincorporat\w*/,
);
/** Definitions and the attached standard clauses' own text: the agreement's clauses come first. */
const DEFINITION = spaced(
  /^\W*"[^"]{1,80}"\s*(?:\([^)]*\)\s*)?(?:means|designe|signifie|refers to)\b|^\W*'[^']{1,60}'\s*means\b/,
);
const ATTACHED_CLAUSES = spaced(
  /\bdata (?:importer|exporter)\b|\bthese clauses\b|\bthe clauses\b|\bles presentes clauses\b|\b(?:importateur|exportateur) de donnees\b|\bonward transfers?\b|\bthird country of destination\b|\barticle 26\(2\) of directive\b/,
);

function speaksOfTransfers(view: SentenceView): boolean {
  if (OUTSIDE_EEA.test(view.folded)) return TRANSFER.test(view.folded) || OUTSIDE_EEA.test(view.heading);
  return (
    OUTSIDE_EEA.test(view.leadIn) ||
    /\btransferts? internationaux\b|\binternational (?:data )?transfers?\b|\btransferts? (?:de donnees )?hors\b/.test(
      view.heading,
    )
  );
}

/** A case envisaged rather than a rule laid down: "if a transfer is needed", « en cas de transfert ». */
const CONDITIONAL = spaced(
  /\b(?:si|if|where|when|lorsque|lorsqu'|en cas d[e']|in the event|in case|should)\b/,
);

interface Signal {
  readonly rule: TransferRule;
  readonly strength: number;
  readonly view: SentenceView;
}

/**
 * What one sentence says of transfers, and how firmly: an authorisation to obtain first (3), a refusal
 * lifted by a mechanism (3, allowed with safeguards) or by consent (3, with authorisation), a mechanism
 * applied or a leave to transfer (3), a plain refusal (3), documented instructions (1), a mechanism
 * named (1). Definitions say nothing; the attached standard clauses speak one step lower.
 */
function signalOf(view: SentenceView): Signal | null {
  const text = view.folded;
  if (DEFINITION.test(text)) return null;
  const attached = ATTACHED_CLAUSES.test(text) || view.quotesLaw ? 1 : 0;
  const signal = (rule: TransferRule, strength: number): Signal => ({
    rule,
    strength: Math.max(1, strength - attached),
    view,
  });
  const negated = NEGATED_TRANSFER.exec(text);
  const mechanism = MECHANISM.test(text);
  if (AUTHORISATION.test(text)) return signal("with_authorization", 3);
  if (negated !== null) {
    const after = text.slice(negated.index);
    if (EXCEPTION.test(after) && mechanism) return signal("allowed_with_safeguards", 3);
    if (EXCEPTION.test(after) && ON_INSTRUCTION.test(after)) return signal("with_authorization", 2);
    if (!EXCEPTION.test(after)) return signal("prohibited", 3);
    return signal("prohibited", 1);
  }
  if (PROHIBITING_LEAD_IN.test(view.leadIn) && !mechanism) return signal("prohibited", 2);
  if (mechanism && (PERMISSION.test(text) || APPLIES.test(text))) return signal("allowed_with_safeguards", 3);
  if (PERMISSION.test(text) && !ON_INSTRUCTION.test(text)) return signal("allowed_with_safeguards", 2);
  if (ON_INSTRUCTION.test(text)) return signal("with_authorization", 1);
  if (mechanism) return signal("allowed_with_safeguards", 1);
  return null;
}

/** At equal strength the rule that asks more of the processor binds: authorisation, then safeguards. */
const PRECEDENCE: Readonly<Record<TransferRule, number>> = {
  with_authorization: 3,
  allowed_with_safeguards: 2,
  prohibited: 1,
};

/** The transfer rule and the sentences it rests on. */
export function transfersOf(sentences: readonly SentenceView[]): TransferFinding {
  const views = sentences.filter(speaksOfTransfers);
  const signals = views.map(signalOf).filter((s): s is Signal => s !== null);
  let best: Signal | null = null;
  for (const s of signals) {
    if (
      best === null ||
      s.strength > best.strength ||
      (s.strength === best.strength && PRECEDENCE[s.rule] > PRECEDENCE[best.rule])
    ) {
      best = s;
    }
  }
  if (best === null) return { rule: null, views, confidence: null, conflict: [] };
  const chosen = best;
  // A firm refusal and a firm, unconditional leave under safeguards in the agreement's own clauses
  // contradict each other; an authorisation to obtain is the refusal's own exception.
  const refusal = signals.find((s) => s.rule === "prohibited" && s.strength === 3);
  const leave = signals.find(
    (s) =>
      s.rule === "allowed_with_safeguards" &&
      s.strength === 3 &&
      !CONDITIONAL.test(s.view.folded) &&
      !CONDITIONAL.test(s.view.leadIn),
  );
  if (refusal !== undefined && leave !== undefined) {
    return {
      rule: null,
      views: first(chosen.view, views),
      confidence: null,
      conflict: [leave, refusal].map((s) => ({ rule: s.rule, view: s.view })),
    };
  }
  const others = signals.filter((s) => s.rule !== chosen.rule && s.strength >= 2).length;
  const confidence: TransferConfidence =
    chosen.strength === 3 && others === 0 ? "high" : chosen.strength >= 2 ? "medium" : "low";
  return { rule: chosen.rule, views: first(chosen.view, views), confidence, conflict: [] };
}

function first(view: SentenceView, views: readonly SentenceView[]): SentenceView[] {
  return [view, ...views.filter((v) => v !== view)];
}
