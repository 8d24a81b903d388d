// Duties that come back on a schedule set per agreement: reviews of security measures, of the processing list, of access rights, sub-processor audits.

import type { Calendar } from "./calendar.js";
import { expires } from "./deadline.js";
import type { FixedDuration } from "./duration.js";
import { invalidInput, type LocalizedText } from "./error.js";
import type { DueBasis, ObligationDraft } from "./obligation.js";

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

/** What each duty asks, in words. */
export const RECURRING_DUTY_LABELS: Readonly<Record<RecurringDutyKind, LocalizedText>> = Object.fromEntries(
  RECURRING_DUTY_KINDS.map((kind) => [kind, DUTY_TEXT[kind].what]),
) as Record<RecurringDutyKind, LocalizedText>;

/** Who holds each duty unless the parties say otherwise. */
export const DEFAULT_HOLDER: Readonly<Record<RecurringDutyKind, "controller" | "processor">> = {
  // Art. 28(3)(c) and 32: the processor secures the processing it carries out.
  security_measures_review: "processor",
  // Art. 30(1): the controller's record; the processor's own (30(2)) follows from it.
  processing_list_review: "controller",
  // Art. 32(4): the processor answers for the people acting under its authority.
  access_rights_review: "processor",
  subprocessor_audit: "processor",
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

/** The duty and occurrence an obligation stands for, when it is an occurrence of a recurring duty. */
export function occurrenceOf(obligation: {
  readonly trigger: { readonly type: string; readonly id: string };
  readonly basis: DueBasis;
}): { readonly dutyId: string; readonly occurrence: number } | null {
  if (obligation.trigger.type !== "recurring_duty" || obligation.basis.kind !== "recurrence") return null;
  const dutyId = obligation.trigger.id.slice(0, obligation.trigger.id.lastIndexOf("#"));
  return { dutyId, occurrence: obligation.basis.occurrence };
}

/** The occurrence to open once `closed` is closed: the one after it, or the first still to come if later. */
export function occurrenceAfter(
  duty: RecurringDuty,
  closed: number,
  now: number,
  calendar: Calendar,
): ObligationDraft {
  const following = recurringObligation(duty, closed + 1, calendar);
  return following.due > now ? following : nextRecurringObligation(duty, now, calendar);
}
