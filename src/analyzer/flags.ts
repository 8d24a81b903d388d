// Risks a controller's DPO should see in a processor agreement, each with a severity, a message in
// French or English and the sentence it rests on.

import { type FixedDuration, formatDuration, type Language } from "../domain/duration.js";
import { isSurelyAtLeast } from "../domain/duration-comparison.js";
import type { LocalizedText } from "../domain/error.js";
import type { ObjectionSilence, TermId } from "../domain/terms.js";
import type { DocumentKind, Flag, FoundTerm, Severity } from "./analysis.js";
import type { FrequencyFinding } from "./extract/audit-frequency.js";
import type { DocumentView, SentenceView } from "./extract/document-view.js";
import { spaced } from "./extract/folded-text.js";
import {
  AUDIT,
  BILLING,
  DELETE,
  END_OF_CONTRACT,
  NEGATION,
  OBJECTION,
  PROHIBITING_LEAD_IN,
  RETURN,
  SUBPROCESSOR,
  TERMINATION,
} from "./extract/legal-vocabulary.js";
import type { Finding } from "./extract/subprocessor-rules.js";
import type { TransferFinding } from "./extract/transfers.js";

export type FlagId =
  | "breach_notice_unquantified"
  | "breach_notice_consumes_authority_window"
  | "transfers_clause_missing"
  | "objection_triggers_termination"
  | "controller_bears_deletion_costs"
  | "processor_own_purposes"
  | "silence_deemed_acceptance"
  | "no_deletion_deadline"
  | "audit_restricted";

export interface FlagInput {
  readonly view: DocumentView;
  readonly kind: DocumentKind;
  readonly terms: Readonly<Partial<Record<TermId, FoundTerm>>>;
  readonly objectionSilence: Finding<ObjectionSilence> | null;
  readonly transfers: TransferFinding;
  readonly auditFrequency: FrequencyFinding | null;
  /** The processor's role words and name. */
  readonly processor: RegExp;
  readonly lang: Language;
}

const SEVERITY: Record<FlagId, Severity> = {
  breach_notice_unquantified: "high",
  breach_notice_consumes_authority_window: "high",
  transfers_clause_missing: "medium",
  objection_triggers_termination: "medium",
  controller_bears_deletion_costs: "low",
  processor_own_purposes: "high",
  silence_deemed_acceptance: "medium",
  no_deletion_deadline: "medium",
  audit_restricted: "medium",
};

/** GDPR Art. 33(1): the controller's own window to notify the authority. */
const AUTHORITY_WINDOW: FixedDuration = { amount: 72, unit: "hours" };

const PROCESSOR_MAY_TERMINATE = spaced(
  /\b(?:peut|pourra|est en droit de|se reserve le droit de|may|shall be entitled to|can|reserves the right to|is entitled to)\b[^.;]{0,40}?\b(?:resili\w*|mettre fin|terminat\w*|suspend\w*)/,
);
const EITHER_PARTY = spaced(
  /\bchaque partie\b|\bl'une ou l'autre des parties\b|\beither party\b|\bles parties\b/,
);
const OBJECTION_ENDS_CONTRACT = spaced(
  /\b(?:objection|opposition|refus)\b[^.;]{0,120}?\b(?:entraine\w*|emporte\w*|vaut|results? in|shall result in|constitutes?|leads? to)\b[^.;]{0,40}?\b(?:resiliation|termination)\b/,
);

const CONTROLLER_PAYS = spaced(
  /\b(?:a la charge|aux frais|supportee?s? par|factur\w* (?:au|a l'|aux)|paid by|borne by|at the (?:sole )?(?:expense|cost) of|charged to|invoiced to|payable by)\b[^.;]{0,30}?\b(?:responsable|client|controller|customer|l'etablissement|academie|collectivite)|\b(?:responsable|client|controller|customer)\b[^.;]{0,40}?\b(?:paie\w*|paye\w*|supporte\w*|prend en charge|shall (?:pay|bear)|will (?:pay|bear)|bears?|pays?)\b[^.;]{0,40}?\b(?:frais|couts?|costs?|fees?|charges?)\b|\b(?:controller's|customer's) (?:sole )?(?:expense|cost)\b/,
);
const FREE_OF_CHARGE = spaced(
  /\bsans (?:frais|cout|surcout|facturation)\b|\bgratuit\w*|\bfree of charge\b|\bat no (?:additional |extra )?(?:cost|charge)\b|\bne (?:sera|seront|peut|pourra) pas (?:etre )?factur\w*|\bwithout (?:charge|cost)\b|\binclus\w* dans\b/,
);
const PORTABILITY = spaced(/\bexport\w*|\bmigration\b|\breversibilit\w*|\btransfert des donnees\b/);

const OWN_PURPOSES = spaced(
  /\bpour (?:son|ses|leur|leurs) propres? (?:compte|fins|besoins)\b|\ba (?:ses|leurs) propres fins\b|\bpour (?:ses|son) (?:besoins|compte) propres?\b|\bfor (?:its|their) own (?:purposes|account|benefit|business purposes|ends)\b|\bstatisti\w*|\b(?:a des fins|for) (?:commerciales|de prospection|publicitaires|marketing|advertising|commercial purposes)\b|\bexploit\w* commercial\w*|\bentrainement (?:de |des |d')(?:modeles|algorithmes|ia|intelligence)|\btrain(?:ing)? (?:of )?(?:its |our )?(?:ai|machine learning|models?|algorithms?)\b/,
);
const OWN_PRODUCTS = spaced(
  /\b(?:amelior\w*|developpement|developper|perfectionn\w*|enrichi\w*|improv\w*|develop\w*|enhanc\w*)\b[^.;]{0,60}?\b(?:produits?|services?|offres?|solutions?|logiciels?|algorithmes?|products?|offerings?|software|algorithms?)\b/,
);
const OWNER = spaced(
  /\bdu sous-?traitant\b|\bdu prestataire\b|\bde l'editeur\b|\bdu titulaire\b|\bdu fournisseur\b|\b(?:ses|son|nos|notre) (?:propres )?(?:produits|services|offres|solutions|logiciels|produit|service)\b|\b(?:its|our) (?:own )?(?:products?|services?|offerings?|solutions?|software)\b|\bthe processor's\b/,
);

const AUDIT_CAP = spaced(
  /\b(?:pas plus d'une|pas plus de|une seule fois|au maximum|no more than|not more than|at most|limited to|limite\w* a)\b[^.;]{0,40}?\b(?:fois|audits?|times?|once|par an|per year|a year)\b/,
);
const AUDIT_CONDITION = spaced(
  /\b(?:accord|convention|engagement) de (?:non-divulgation|confidentialite)\b|\bnon-disclosure agreement\b|\bnda\b|\bsous reserve (?:de l'accord|de l'acceptation|de l'approbation) du (?:sous-?traitant|prestataire|titulaire)\b|\bsubject to (?:the )?(?:processor's|supplier's|vendor's) (?:prior )?(?:approval|consent|agreement)\b|\bdoit etre accepte\w* par le sous-?traitant\b|\b(?:uniquement|seulement) (?:si|lorsque|en cas)\b|\bonly (?:if|where|when|in case)\b|\bchoisir de ne pas divulguer\b|\bnot (?:be )?(?:required|obliged) to disclose\b/,
);
const AUDIT_EXCLUSION = spaced(
  /\bne (?:porte|portera|peut porter) pas sur\b|\bexclu\w*\b[^.;]{0,40}?\b(?:systemes|infrastructures?|locaux|serveurs|systems|premises|servers)\b|\bno (?:physical |on-?site )?access to (?:the |its )?(?:systems|premises|infrastructure|servers)\b|\bexcluding (?:access to )?(?:the |its )?(?:systems|premises|infrastructure)\b|\bsur pieces uniquement\b|\bremote(?:ly)? only\b|\b(?:documentaire|document-based|desk) (?:uniquement|only)\b|\ben lieu et place d'un audit\b|\bin lieu of (?:an )?audit\b/,
);

const MESSAGES: Record<FlagId, (detail: string) => LocalizedText> = {
  breach_notice_unquantified: () => ({
    fr: "Le sous-traitant doit notifier une violation de données au responsable de traitement sans délai maximal chiffré (RGPD art. 33(2)) : fixez un nombre d'heures.",
    en: "The processor's notice of a personal-data breach to the controller has no maximum delay in hours or days (GDPR Art. 33(2)): set a number of hours.",
  }),
  breach_notice_consumes_authority_window: (detail) => ({
    fr: `Le sous-traitant peut prendre ${detail} pour notifier une violation : le responsable de traitement n'a plus le temps de notifier l'autorité dans ses propres 72 heures (RGPD art. 33(1)).`,
    en: `The processor may take ${detail} to notify a breach, leaving the controller no time for its own 72 hours to notify the authority (GDPR Art. 33(1)).`,
  }),
  transfers_clause_missing: () => ({
    fr: "Aucune clause n'encadre les transferts de données hors de l'EEE (RGPD art. 28(3)(a) et chapitre V).",
    en: "No clause governs transfers of personal data outside the EEA (GDPR Art. 28(3)(a) and Chapter V).",
  }),
  objection_triggers_termination: () => ({
    fr: "Le sous-traitant peut mettre fin au contrat si le responsable de traitement s'oppose à un sous-traitant ultérieur : le droit d'objection de l'art. 28(2) perd sa portée.",
    en: "The processor may end the contract if the controller objects to a sub-processor, which empties the objection right of Art. 28(2).",
  }),
  controller_bears_deletion_costs: () => ({
    fr: "La suppression ou la restitution des données en fin de contrat est facturée au responsable de traitement (RGPD art. 28(3)(g)).",
    en: "The controller bears the cost of deleting or returning the data at the end of the contract (GDPR Art. 28(3)(g)).",
  }),
  processor_own_purposes: () => ({
    fr: "Le sous-traitant peut utiliser les données pour ses propres fins (statistiques, amélioration ou développement de ses produits…) : il deviendrait responsable de traitement pour cet usage (RGPD art. 28(10)).",
    en: "The processor may use the data for its own ends (statistics, improving or developing its products…), which would make it a controller for that use (GDPR Art. 28(10)).",
  }),
  silence_deemed_acceptance: () => ({
    fr: "Le silence du responsable de traitement pendant le délai d'objection vaut acceptation d'un nouveau sous-traitant ultérieur (RGPD art. 28(2)).",
    en: "The controller's silence during the objection window counts as accepting a new sub-processor (GDPR Art. 28(2)).",
  }),
  no_deletion_deadline: () => ({
    fr: "Aucun délai chiffré n'est fixé pour supprimer ou restituer les données à la fin du contrat (RGPD art. 28(3)(g)).",
    en: "No deadline in days or months is set for deleting or returning the data at the end of the contract (GDPR Art. 28(3)(g)).",
  }),
  audit_restricted: () => ({
    fr: "Le droit d'audit du responsable de traitement est restreint (plafonné, soumis à conditions ou exclu des systèmes), ce que l'art. 28(3)(h) du RGPD ne prévoit pas.",
    en: "The controller's audit right is restricted (capped, pre-conditioned or excluded from systems), which GDPR Art. 28(3)(h) does not provide for.",
  }),
};

function flag(id: FlagId, lang: Language, quote: string | null, detail = ""): Flag {
  return { id, severity: SEVERITY[id], message: MESSAGES[id](detail)[lang], quote };
}

function isNegated(view: SentenceView, at: number): boolean {
  if (PROHIBITING_LEAD_IN.test(view.leadIn)) return true;
  const before = view.folded.slice(Math.max(0, at - 80), at);
  return NEGATION.test(before);
}

function processorUsesForOwnEnds(view: SentenceView, processor: RegExp): boolean {
  const uses: RegExpExecArray[] = [];
  const own = OWN_PURPOSES.exec(view.folded);
  if (own !== null) uses.push(own);
  const products = OWN_PRODUCTS.exec(view.folded);
  if (products !== null && OWNER.test(view.folded)) uses.push(products);
  if (uses.length === 0) return false;
  if (!processor.test(view.folded) && !processor.test(view.leadIn)) return false;
  return uses.some((use) => !isNegated(view, use.index));
}

function objectionEndsContract(view: SentenceView, processor: RegExp): boolean {
  const inContext =
    SUBPROCESSOR.test(view.folded) || SUBPROCESSOR.test(view.leadIn) || SUBPROCESSOR.test(view.heading);
  if (!inContext || !OBJECTION.test(view.folded) || !TERMINATION.test(view.folded)) return false;
  if (OBJECTION_ENDS_CONTRACT.test(view.folded)) return true;
  const may = PROCESSOR_MAY_TERMINATE.exec(view.folded);
  if (may === null) return false;
  const subject = view.folded.slice(Math.max(0, may.index - 80), may.index);
  return processor.test(subject) || EITHER_PARTY.test(subject);
}

function controllerPaysDeletion(view: SentenceView): boolean {
  if (!BILLING.test(view.folded) || FREE_OF_CHARGE.test(view.folded) || !CONTROLLER_PAYS.test(view.folded))
    return false;
  const about = (text: string) => DELETE.test(text) || RETURN.test(text) || PORTABILITY.test(text);
  return about(view.folded) || (END_OF_CONTRACT.test(view.heading) && about(view.heading));
}

function auditRestriction(view: SentenceView): boolean {
  if (!AUDIT.test(view.folded) && !AUDIT.test(view.heading)) return false;
  return (
    AUDIT_CAP.test(view.folded) || AUDIT_CONDITION.test(view.folded) || AUDIT_EXCLUSION.test(view.folded)
  );
}

/**
 * Whether the processor's delay surely lasts the controller's whole 72 hours. Periods in days or longer
 * of a few hundred units surely do, and counting calendars for them would cost seconds.
 */
function consumesAuthorityWindow(delay: FixedDuration): boolean {
  if (delay.unit !== "hours" && delay.amount > 400) return true;
  return isSurelyAtLeast(delay, AUTHORITY_WINDOW);
}

function durationOf(term: FoundTerm): FixedDuration | null {
  return term.amount !== null && term.unit !== null ? { amount: term.amount, unit: term.unit } : null;
}

/** The flags an agreement raises, most severe first. */
export function flagsOf(input: FlagInput): Flag[] {
  const { view, terms, lang, processor } = input;
  const flags: Flag[] = [];
  const breach = terms.breach_notification_to_controller;
  const breachDuration = breach === undefined ? null : durationOf(breach);
  // What a processor agreement lacks says nothing of a text that is not one.
  const processorAgreement = input.kind === "dpa" || input.kind === "contracting_kit";
  if (processorAgreement && breachDuration === null) {
    flags.push(flag("breach_notice_unquantified", lang, breach?.quote ?? null));
  }
  if (breach !== undefined && breachDuration !== null && consumesAuthorityWindow(breachDuration)) {
    flags.push(
      flag(
        "breach_notice_consumes_authority_window",
        lang,
        breach.quote,
        formatDuration(breachDuration, lang),
      ),
    );
  }
  const ownEnds = view.sentences.find((s) => processorUsesForOwnEnds(s, processor));
  if (ownEnds !== undefined) flags.push(flag("processor_own_purposes", lang, ownEnds.sentence.text));
  if (input.kind !== "unknown" && input.transfers.rule === null && input.transfers.views.length === 0) {
    flags.push(flag("transfers_clause_missing", lang, null));
  }
  const termination = view.sentences.find((s) => objectionEndsContract(s, processor));
  if (termination !== undefined)
    flags.push(flag("objection_triggers_termination", lang, termination.sentence.text));
  if (input.objectionSilence?.value === "accepted") {
    flags.push(flag("silence_deemed_acceptance", lang, input.objectionSilence.view.sentence.text));
  }
  const deletion = terms.deletion_after_termination;
  if (processorAgreement && (deletion === undefined || deletion.amount === null)) {
    flags.push(flag("no_deletion_deadline", lang, deletion?.quote ?? null));
  }
  const capped = input.auditFrequency?.capView ?? undefined;
  const restricted = capped ?? view.sentences.find(auditRestriction);
  if (restricted !== undefined) flags.push(flag("audit_restricted", lang, restricted.sentence.text));
  const costs = view.sentences.find(controllerPaysDeletion);
  if (costs !== undefined) flags.push(flag("controller_bears_deletion_costs", lang, costs.sentence.text));
  const order: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  return flags.sort((a, b) => order[a.severity] - order[b.severity]);
}
