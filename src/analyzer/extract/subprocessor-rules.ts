// GDPR Art. 28(2): how the controller authorises sub-processors (specific or general written
// authorisation) and what its silence during an objection window means.

import type { ObjectionSilence, SubprocessorAuthorization } from "../../domain/terms.js";
import type { SentenceView } from "./document-view.js";
import { spaced } from "./folded-text.js";
import { SUBPROCESSOR } from "./legal-vocabulary.js";

export interface Finding<T> {
  readonly value: T;
  readonly view: SentenceView;
}

const GENERAL = spaced(
  /\bautorisation (?:ecrite )?(?:prealable )?(?:et )?generale\b|\bgeneral (?:prior )?(?:written )?authori[sz]ation\b|\bgenerally authori[sz]e\w*|\bautorise (?:de maniere generale|generalement)\b/,
);
const SPECIFIC = spaced(
  /\bautorisation (?:ecrite )?(?:prealable )?(?:,\s*)?(?:et )?specifique\b|\bspecific (?:prior )?(?:written )?(?:authori[sz]ation|approval|consent)\b|\bautorisation (?:ecrite|expresse)(?: et)? (?:prealable|expresse)\b(?!,? (?:specifique ou generale|generale))|\bautorisation prealable (?:ecrite|expresse)\b|\bprior (?:specific )?(?:written )?(?:authori[sz]ation|consent|approval)\b|\baccord (?:ecrit )?prealable\b/,
);
/** The statute's own alternative ("spécifique ou générale") decides nothing. */
const BOTH = spaced(
  /\bspecifique ou generale\b|\bgenerale ou specifique\b|\bspecific or general\b|\bgeneral or specific\b/,
);
/** A general authorisation given here and now, not one the controller merely may give. */
const GRANTED = spaced(
  /\baccorde\w*|\bdonne\w*|\bconf[eè]re\w*|\bgrants?\b|\bhereby\b|\bpar la signature\b|\bby signing\b|\best autorise\b|\bis authori[sz]ed\b/,
);
/** Leave to engage sub-processors with no authorisation asked for each: a general authorisation in effect. */
const IMPLIED_GENERAL = spaced(
  /\b(?:agrees|consents|accepte)\s+(?:that|que)\s+[^.;]{0,40}?\b(?:shall|will|may|peut|pourra)\s+(?:engage|use|appoint|faire appel|recourir)\b|\b(?:peut|pourra|est autorise a|may|is (?:hereby )?(?:authori[sz]ed|permitted|entitled) to)\s+(?:faire appel a|recourir a|engager|recruter|engage|use|appoint|subcontract)\b/,
);
const NEEDS_CONSENT = spaced(
  /\bqu'avec\b|\bavec l'(?:accord|autorisation)\b|\bsous reserve de l'(?:accord|autorisation)\b|\bsubject to (?:the )?(?:controller's |customer's )?(?:prior )?(?:specific )?(?:written )?(?:authori[sz]ation|approval|consent)\b|\bwith (?:the )?(?:controller's |customer's )?(?:prior )?(?:specific )?(?:written )?(?:authori[sz]ation|approval|consent)\b/,
);

const ATTACHED_CLAUSES = spaced(
  /\bdata (?:importer|exporter)\b|\bthese clauses\b|\b(?:importateur|exportateur) de donnees\b/,
);
const RESTATED = spaced(
  /\b(?:the above|such|this|cette|ladite) (?:general )?authori[sz]ation constitutes?\b|\bconstitue (?:l'autorisation|le consentement)\b/,
);

/** "Dans le cas d'une autorisation générale, …" describes a case, as the GDPR itself does; it grants nothing. */
const CONDITIONAL =
  /\b(?:dans le cas d'une|en cas d'|in the case of an?|where an?|if an?|lorsqu'une|si une) (?:autorisation|authori[sz]ation|general|generale|specific|specifique|ecrite|written|prior)/;
const OPTIONAL = spaced(
  /\bpeut (?:egalement |aussi )?(?:donner|accorder)\b|\bmay (?:also )?(?:give|grant)\b|\ble cas echeant\b|\bif applicable\b/,
);

/** Specific or general authorisation of sub-processors, with the sentence that decides it. */
export function subprocessorAuthorizationOf(
  sentences: readonly SentenceView[],
): Finding<SubprocessorAuthorization> | null {
  let best: { value: SubprocessorAuthorization; strength: number; view: SentenceView } | null = null;
  for (const view of sentences) {
    const text = view.folded;
    const specific = SPECIFIC.test(text);
    const implied = specific ? null : IMPLIED_GENERAL.exec(text);
    const general =
      GENERAL.test(text) || (implied !== null && !NEEDS_CONSENT.test(text.slice(implied.index)));
    if ((!general && !specific) || BOTH.test(text) || CONDITIONAL.test(text)) continue;
    // "the above authorization constitutes … prior written consent … for Clause 11": an authorisation
    // already given, restated for the attached standard clauses, is no specific one.
    if (!general && RESTATED.test(text)) continue;
    const context =
      SUBPROCESSOR.test(text) || SUBPROCESSOR.test(view.leadIn) || SUBPROCESSOR.test(view.heading);
    if (!context) continue;
    let value: SubprocessorAuthorization;
    let strength: number;
    if (general) {
      value = "general";
      strength = !GENERAL.test(text) || OPTIONAL.test(text) ? 1 : GRANTED.test(text) ? 3 : 2;
    } else {
      value = "specific";
      strength = SUBPROCESSOR.test(text) ? 3 : 2;
    }
    // The attached standard clauses' own text speaks after the agreement's clauses.
    if (ATTACHED_CLAUSES.test(text)) strength = 0.5;
    if (best === null || strength > best.strength) best = { value, strength, view };
  }
  return best === null ? null : { value: best.value, view: best.view };
}

const DEEMED_ACCEPTED = spaced(
  /\b(?:a defaut|en l'absence|faute)\s+d['e]\s*(?:objection|opposition|reponse|refus|contestation)s?\b[^.;]{0,160}?\b(?:repute|reputee|consider\w*|vaut|tacite\w*|accept\w*|approuv\w*|autoris\w*|pourra|peut)\b|\bsilence\b[^.;]{0,60}?\b(?:vaut|equivaut|repute|deemed|constitutes?|means?)\b[^.;]{0,30}?\b(?:accept\w*|accord|approv\w*|consent\w*|autoris\w*)|\b(?:deemed|considered|taken) (?:to (?:have )?)?(?:be )?(?:accepted|approved|consented|authori[sz]ed|given)\b|\bif (?:the )?(?:controller|customer|client) (?:does not|fails to|did not) (?:object|raise)\b|\b(?:absent|in the absence of|failing) (?:any |an )?(?:objection|response)\b[^.;]{0,120}?\b(?:deemed|may proceed|entitled|approved|accepted)\b|\b(?:ne peut|ne pourra|may only|can only|shall only)\b[^.;]{0,100}?\b(?:que si|if)\b[^.;]{0,100}?\b(?:n'a pas|n'ait pas|has not|does not|did not)\b[^.;]{0,40}?\b(?:emis|formule|souleve|object\w*|oppos\w*)|\bsauf (?:objection|opposition)\b|\bunless (?:the )?(?:controller|customer|client) objects\b/,
);
const DEEMED_REFUSED = spaced(
  /\b(?:repute|reputee|consider\w*|deemed|taken)\b[^.;]{0,30}?\b(?:refus\w*|rejet\w*|reject\w*|declin\w*|denied|withheld|objected)\b|\bsilence\b[^.;]{0,60}?\b(?:vaut|equivaut|deemed|means?)\b[^.;]{0,30}?\b(?:refus\w*|rejet\w*|reject\w*|objection)\b|\b(?:a defaut|en l'absence)\s+d['e]\s*(?:reponse|accord|autorisation|approbation)\b[^.;]{0,120}?\b(?:ne peut|ne pourra|n'est pas autoris\w*|interdit)\b|\b(?:absent|without|in the absence of)\s+(?:the controller's |such )?(?:written )?(?:approval|consent|authori[sz]ation)\b[^.;]{0,80}?\b(?:shall not|may not|cannot)\b/,
);

/** What the controller's silence during the objection window means, with the sentence that says so. */
export function objectionSilenceOf(sentences: readonly SentenceView[]): Finding<ObjectionSilence> | null {
  for (const view of sentences) {
    const inContext =
      SUBPROCESSOR.test(view.folded) ||
      SUBPROCESSOR.test(view.leadIn) ||
      SUBPROCESSOR.test(view.heading) ||
      SUBPROCESSOR.test(view.outerHeadings);
    if (!inContext) continue;
    if (DEEMED_REFUSED.test(view.folded)) return { value: "refused", view };
    if (DEEMED_ACCEPTED.test(view.folded)) return { value: "accepted", view };
  }
  return null;
}
