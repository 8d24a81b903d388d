// Who must be told of a breach, by when: the processor to each controller, each controller to its authority and people.

import type { AgreementClock } from "./agreement-clock.js";
import { dueUnderAgreement } from "./agreement-clock.js";
import type { Breach } from "./breach.js";
import type { BreachRiskAssessment } from "./breach-risk.js";
import type { Calendar, CalendarId } from "./calendar.js";
import { invalidInput, type LocalizedText } from "./error.js";
import {
  DEFAULT_QUALIFIER_INTERPRETATION,
  dueUnderStatute,
  dueUnderStatuteQualifier,
  type ObligationDraft,
  type QualifierInterpretation,
} from "./obligation.js";

/** GDPR Art. 33(1): the authority is notified within 72 hours of the controller becoming aware. */
export const AUTHORITY_NOTIFICATION_HOURS = 72;

/**
 * GDPR Art. 33(2): the processor notifies each controller whose agreement the breach touches, under that
 * agreement's `breach_notification_to_controller` ("without undue delay" where the agreement sets nothing),
 * counted from the processor's awareness in the controller's calendar. One duty per controller: when a
 * controller holds several affected agreements, the earliest deadline binds.
 */
export function breachNotificationsToControllers(
  breach: Breach,
  agreements: readonly AgreementClock[],
): ObligationDraft[] {
  if (breach.side !== "processor") {
    throw invalidInput({
      fr: "seule une violation subie par le sous-traitant se notifie aux responsables de traitement",
      en: "only a breach suffered by the processor is notified to controllers",
    });
  }
  const byController = new Map<string, ObligationDraft>();
  for (const agreement of agreements) {
    if (agreement.processorId !== breach.recordedBy) {
      throw invalidInput(
        {
          fr: `l'accord ${agreement.agreementId} ne lie pas le sous-traitant qui a subi la violation`,
          en: `agreement ${agreement.agreementId} does not bind the processor that suffered the breach`,
        },
        { argument: "agreements" },
      );
    }
    // The clock runs from the event the term names (« 24 heures suivant la découverte »), else from awareness.
    const from =
      agreement.terms.triggers?.breach_notification_to_controller === "discovery"
        ? breach.discoveredAt
        : breach.awareAt;
    const { due, basis } = dueUnderAgreement(agreement, "breach_notification_to_controller", from, {
      rule: "GDPR Art. 33(2)",
      qualifier: "without_undue_delay",
    });
    const known = byController.get(agreement.controllerId);
    if (known && known.due <= due) continue;
    byController.set(agreement.controllerId, {
      kind: "notify_breach_to_controller",
      holderId: breach.recordedBy,
      counterpartyId: agreement.controllerId,
      agreementId: agreement.agreementId,
      trigger: { type: "breach", id: breach.id, at: from },
      due,
      basis,
      what: {
        fr: "notifier la violation de données au responsable de traitement (RGPD art. 33(2))",
        en: "notify the personal-data breach to the controller (GDPR Art. 33(2))",
      },
    });
  }
  return [...byController.values()];
}

/** The supervisory authority of a controller, from its calendar's country. */
export type Authority = "CNIL" | "APD";

export function authorityFor(calendar: CalendarId): Authority {
  return calendar === "BE" ? "APD" : "CNIL";
}

/** The exceptions of GDPR Art. 34(3) that lift the duty to tell the people of a high-risk breach. */
export interface Art34Exceptions {
  /** (a) the data was made unintelligible (encryption) before the breach. */
  readonly unintelligible?: boolean;
  /** (b) measures taken since make the high risk no longer likely. */
  readonly riskNoLongerLikely?: boolean;
  /** (c) telling each person would take disproportionate effort: a public communication replaces it. */
  readonly disproportionateEffort?: boolean;
}

export interface ControllerBreachDuties {
  readonly authority: Authority;
  readonly obligations: readonly ObligationDraft[];
  /** Why each duty was, or was not, opened: what the breach register keeps (Art. 33(5)). */
  readonly decisions: readonly LocalizedText[];
}

/**
 * What the controller owes once aware of a breach (in principle when its processor told it, EDPB 9/2022
 * para 41): the authority within 72 hours when there is a risk (Art. 33(1)); the people without undue delay
 * when the risk is high (Art. 34(1)), unless an Art. 34(3) exception applies.
 */
export function controllerBreachDuties(options: {
  readonly breach: Breach;
  readonly controllerId: string;
  readonly awareAt: number;
  readonly assessment: BreachRiskAssessment;
  readonly calendar: Calendar;
  readonly interpretation?: QualifierInterpretation;
  readonly exceptions?: Art34Exceptions;
}): ControllerBreachDuties {
  const { breach, controllerId, awareAt, assessment, calendar } = options;
  const exceptions = options.exceptions ?? {};
  const authority = authorityFor(calendar.id);
  const trigger = { type: "breach_awareness", id: breach.id, at: awareAt };
  const obligations: ObligationDraft[] = [];
  const decisions: LocalizedText[] = [];

  if (assessment.level === "none") {
    decisions.push({
      fr: "risque improbable : pas de notification à l'autorité (art. 33(1)), violation documentée (art. 33(5))",
      en: "risk unlikely: no notification to the authority (Art. 33(1)); the breach is documented (Art. 33(5))",
    });
    return { authority, obligations, decisions };
  }

  const toAuthority = dueUnderStatute(
    awareAt,
    "GDPR Art. 33(1)",
    { amount: AUTHORITY_NOTIFICATION_HOURS, unit: "hours" },
    calendar,
  );
  obligations.push({
    kind: "notify_breach_to_authority",
    holderId: controllerId,
    counterpartyId: null,
    agreementId: null,
    trigger,
    ...toAuthority,
    what: {
      fr: `notifier la violation à la ${authority} dans les 72 heures (RGPD art. 33(1))`,
      en: `notify the breach to the ${authority} within 72 hours (GDPR Art. 33(1))`,
    },
  });
  decisions.push({
    fr: `risque pour les personnes : notification à la ${authority} (art. 33(1))`,
    en: `a risk to people: notification to the ${authority} (Art. 33(1))`,
  });

  if (assessment.level !== "high_risk") return { authority, obligations, decisions };

  if (exceptions.unintelligible) {
    decisions.push({
      fr: "risque élevé, mais données inintelligibles (art. 34(3)(a)) : pas de communication aux personnes",
      en: "high risk, but the data is unintelligible (Art. 34(3)(a)): the people are not told",
    });
    return { authority, obligations, decisions };
  }
  if (exceptions.riskNoLongerLikely) {
    decisions.push({
      fr: "risque élevé écarté par des mesures ultérieures (art. 34(3)(b)) : pas de communication aux personnes",
      en: "high risk no longer likely after later measures (Art. 34(3)(b)): the people are not told",
    });
    return { authority, obligations, decisions };
  }
  const interpretation = options.interpretation ?? DEFAULT_QUALIFIER_INTERPRETATION;
  const toPeople = dueUnderStatuteQualifier(
    awareAt,
    "GDPR Art. 34(1)",
    "without_undue_delay",
    calendar,
    interpretation,
  );
  if (exceptions.disproportionateEffort) {
    obligations.push({
      kind: "communicate_breach_publicly",
      holderId: controllerId,
      counterpartyId: null,
      agreementId: null,
      trigger,
      ...toPeople,
      what: {
        fr: "informer le public de la violation, faute de pouvoir joindre chaque personne (RGPD art. 34(3)(c))",
        en: "tell the public about the breach, as reaching each person would be disproportionate (GDPR Art. 34(3)(c))",
      },
    });
    decisions.push({
      fr: "risque élevé ; effort disproportionné (art. 34(3)(c)) : communication publique",
      en: "high risk; disproportionate effort (Art. 34(3)(c)): public communication",
    });
  } else {
    obligations.push({
      kind: "communicate_breach_to_data_subjects",
      holderId: controllerId,
      counterpartyId: null,
      agreementId: null,
      trigger,
      ...toPeople,
      what: {
        fr: "informer les personnes concernées de la violation dans les meilleurs délais (RGPD art. 34(1))",
        en: "tell the people concerned about the breach without undue delay (GDPR Art. 34(1))",
      },
    });
    decisions.push({
      fr: "risque élevé : communication aux personnes concernées (art. 34(1))",
      en: "high risk: communication to the people concerned (Art. 34(1))",
    });
  }
  return { authority, obligations, decisions };
}

/** GDPR Art. 33(1), second sentence: a notification made after 72 hours gives the reasons for the delay. */
export function needsReasonsForDelay(notifiedAt: number, due: number): boolean {
  return notifiedAt >= due;
}

/** A controller that mandated the processor to notify the authority for it, with when it became aware. */
export interface MandatingController {
  readonly controllerId: string;
  readonly awareAt: number;
  readonly calendar: Calendar;
}

export interface ConsolidatedNotice {
  readonly authority: Authority;
  readonly onBehalfOf: readonly string[];
  readonly obligation: ObligationDraft;
}

/**
 * One notification to each authority made by the processor on behalf of the controllers that asked it to,
 * due when the first of their own 72-hour deadlines expires. The controllers stay answerable (Art. 33(1));
 * their own duties remain open until the processor's notice is filed as their evidence.
 */
export function consolidatedAuthorityNotices(
  breach: Breach,
  controllers: readonly MandatingController[],
): ConsolidatedNotice[] {
  const groups = new Map<Authority, { due: number; ids: string[]; calendar: Calendar }>();
  for (const c of controllers) {
    const { due } = dueUnderStatute(
      c.awareAt,
      "GDPR Art. 33(1)",
      { amount: AUTHORITY_NOTIFICATION_HOURS, unit: "hours" },
      c.calendar,
    );
    const authority = authorityFor(c.calendar.id);
    const group = groups.get(authority);
    if (!group) groups.set(authority, { due, ids: [c.controllerId], calendar: c.calendar });
    else {
      group.ids.push(c.controllerId);
      if (due < group.due) group.due = due;
    }
  }
  return [...groups.entries()].map(([authority, group]) => ({
    authority,
    onBehalfOf: group.ids,
    obligation: {
      kind: "notify_breach_to_authority_on_behalf",
      holderId: breach.recordedBy,
      counterpartyId: null,
      agreementId: null,
      trigger: { type: "breach", id: breach.id, at: breach.awareAt },
      due: group.due,
      basis: {
        kind: "statute",
        rule: "GDPR Art. 33(1)",
        duration: { amount: AUTHORITY_NOTIFICATION_HOURS, unit: "hours" },
      },
      what: {
        fr: `notifier la violation à la ${authority} pour le compte de ${group.ids.length} responsable(s) de traitement (RGPD art. 33(1))`,
        en: `notify the breach to the ${authority} on behalf of ${group.ids.length} controller(s) (GDPR Art. 33(1))`,
      },
    },
  }));
}
