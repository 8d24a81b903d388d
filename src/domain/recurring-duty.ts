// Duties that come back on a schedule set per agreement: reviews of security measures, of the processing list, of access rights, sub-processor audits.

import type { Calendar } from "./calendar.js";
import { expires } from "./deadline.js";
import type { FixedDuration } from "./duration.js";
import { invalidInput, type LocalizedText } from "./error.js";
import type { ObligationDraft } from "./obligation.js";

export const RECURRING_DUTY_KINDS = [
  "security_measures_review",
  "processing_list_review",
  "access_rights_review",
  "subprocessor_audit",
] as const;
export type RecurringDutyKind = (typeof RECURRING_DUTY_KINDS)[number];

const DUTY_TEXT: Readonly<Record<RecurringDutyKind, { rule: string; what: LocalizedText }>> = {
  security_measures_review: {
    // Art. 32(1)(d): regularly testing, assessing and evaluating the measures.
    rule: "GDPR Art. 32(1)(d)",
    what: {
      fr: "revoir et tester les mesures de sécurité (RGPD art. 32(1)(d))",
      en: "review and test the security measures (GDPR Art. 32(1)(d))",
    },
  },
  processing_list_review: {
    rule: "GDPR Art. 30",
    what: {
      fr: "mettre à jour le registre des traitements (RGPD art. 30)",
      en: "update the record of processing activities (GDPR Art. 30)",
    },
  },
  access_rights_review: {
    rule: "GDPR Art. 32(4)",
    what: {
      fr: "revoir les droits d'accès aux données (RGPD art. 32(4))",
      en: "review who has access to the data (GDPR Art. 32(4))",
    },
  },
  subprocessor_audit: {
    // Art. 28(4): the processor remains liable for its sub-processors and checks them over time.
    rule: "GDPR Art. 28(4)",
    what: {
      fr: "auditer les sous-traitants ultérieurs (RGPD art. 28(4))",
      en: "audit the sub-processors (GDPR Art. 28(4))",
    },
  },
};

export interface RecurringDuty {
  readonly id: string;
  readonly kind: RecurringDutyKind;
  readonly agreementId: string;
  readonly holderId: string;
  readonly counterpartyId: string | null;
  /** The instant the schedule counts from, e.g. the agreement's effective date. */
  readonly startsAt: number;
  readonly every: FixedDuration;
}

const UNITS: ReadonlySet<FixedDuration["unit"]> = new Set(["weeks", "months", "years"]);

/**
 * The `occurrence`-th obligation of a recurring duty. Each occurrence is counted from the start rather than
 * from the previous one (n × the period, Reg. 1182/71 Art. 3 each time), so a date moved off a weekend does
 * not drag every later one with it.
 */
export function recurringObligation(
  duty: RecurringDuty,
  occurrence: number,
  calendar: Calendar,
): ObligationDraft {
  if (!UNITS.has(duty.every.unit)) {
    throw invalidInput(
      {
        fr: "une obligation récurrente revient par semaines, mois ou années",
        en: "a recurring duty comes back in weeks, months or years",
      },
      { argument: "every" },
    );
  }
  if (!Number.isInteger(occurrence) || occurrence < 1) {
    throw invalidInput({ fr: "occurrence invalide", en: "invalid occurrence" }, { argument: "occurrence" });
  }
  const text = DUTY_TEXT[duty.kind];
  const span: FixedDuration = { amount: duty.every.amount * occurrence, unit: duty.every.unit };
  return {
    kind: duty.kind,
    holderId: duty.holderId,
    counterpartyId: duty.counterpartyId,
    agreementId: duty.agreementId,
    trigger: { type: "recurring_duty", id: `${duty.id}#${occurrence}`, at: duty.startsAt },
    due: expires(duty.startsAt, span, calendar).expires,
    basis: { kind: "recurrence", rule: text.rule, duration: duty.every, occurrence },
    what: text.what,
  };
}

/** The first occurrence still to come at `now`: the one to open next when the previous is closed. */
export function nextRecurringObligation(
  duty: RecurringDuty,
  now: number,
  calendar: Calendar,
): ObligationDraft {
  let occurrence = 1;
  let draft = recurringObligation(duty, occurrence, calendar);
  while (draft.due <= now) {
    occurrence++;
    draft = recurringObligation(duty, occurrence, calendar);
  }
  return draft;
}
