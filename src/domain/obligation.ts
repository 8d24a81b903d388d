// An obligation: who owes what to whom, by when, born from an event and an agreement's term.

import type { Calendar } from "./calendar.js";
import { expires } from "./deadline.js";
import { type Duration, type FixedDuration, isFixed, type Qualifier } from "./duration.js";
import type { LocalizedText } from "./error.js";
import type { TermId } from "./terms.js";

export const OBLIGATION_STATUSES = ["open", "done", "late", "waived"] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OBLIGATION_STATUS_LABELS: Readonly<Record<ObligationStatus, LocalizedText>> = {
  open: { fr: "à faire", en: "open" },
  done: { fr: "faite", en: "done" },
  late: { fr: "en retard", en: "late" },
  waived: { fr: "levée", en: "waived" },
};

/** How a qualifier ("without undue delay"…) is read when a deadline must be set: each organisation may configure it. */
export type QualifierInterpretation = Readonly<Record<Qualifier, FixedDuration>>;

export const DEFAULT_QUALIFIER_INTERPRETATION: QualifierInterpretation = {
  immediately: { amount: 24, unit: "hours" },
  without_undue_delay: { amount: 48, unit: "hours" },
  reasonable: { amount: 30, unit: "days" },
};

/** Where a due instant comes from. */
export type DueBasis =
  | { readonly kind: "term"; readonly termId: TermId; readonly duration: FixedDuration }
  | {
      readonly kind: "interpreted";
      readonly termId: TermId;
      readonly qualifier: Qualifier;
      readonly duration: FixedDuration;
    }
  | { readonly kind: "statute"; readonly rule: string; readonly duration: FixedDuration }
  | {
      // A duty that comes back on a schedule set per agreement (yearly review of security measures…).
      readonly kind: "recurrence";
      readonly rule: string;
      /** The period between two occurrences. */
      readonly duration: FixedDuration;
      /** 1 for the first occurrence, counted from the schedule's start. */
      readonly occurrence: number;
    }
  | {
      // The law states the delay only as a qualifier (GDPR Art. 34(1): "without undue delay").
      readonly kind: "interpreted_statute";
      readonly rule: string;
      readonly qualifier: Qualifier;
      readonly duration: FixedDuration;
    };

/** An obligation as the rules derive it, before it is stored. */
export interface ObligationDraft {
  /** Machine name of the duty, e.g. "notify_breach_to_controller". */
  readonly kind: string;
  readonly holderId: string;
  readonly counterpartyId: string | null;
  readonly agreementId: string | null;
  /** What starts the clock: the event type and its id. */
  readonly trigger: { readonly type: string; readonly id: string; readonly at: number };
  readonly due: number;
  readonly basis: DueBasis;
  readonly what: LocalizedText;
}

/** The due instant and basis of a duty bound by an agreement term, reading qualifiers through `interpretation`. */
export function dueUnderTerm(
  trigger: number,
  termId: TermId,
  duration: Duration,
  calendar: Calendar,
  interpretation: QualifierInterpretation = DEFAULT_QUALIFIER_INTERPRETATION,
): { due: number; basis: DueBasis } {
  if (isFixed(duration)) {
    return { due: expires(trigger, duration, calendar).expires, basis: { kind: "term", termId, duration } };
  }
  const read = interpretation[duration.qualifier];
  return {
    due: expires(trigger, read, calendar).expires,
    basis: { kind: "interpreted", termId, qualifier: duration.qualifier, duration: read },
  };
}

/** A duty fixed by law rather than by the agreement (e.g. GDPR Art. 33(1): 72 hours). */
export function dueUnderStatute(
  trigger: number,
  rule: string,
  duration: FixedDuration,
  calendar: Calendar,
): { due: number; basis: DueBasis } {
  return { due: expires(trigger, duration, calendar).expires, basis: { kind: "statute", rule, duration } };
}

/** A duty the law bounds only by a qualifier, read through the organisation's interpretation and marked as such. */
export function dueUnderStatuteQualifier(
  trigger: number,
  rule: string,
  qualifier: Qualifier,
  calendar: Calendar,
  interpretation: QualifierInterpretation = DEFAULT_QUALIFIER_INTERPRETATION,
): { due: number; basis: DueBasis } {
  const read = interpretation[qualifier];
  return {
    due: expires(trigger, read, calendar).expires,
    basis: { kind: "interpreted_statute", rule, qualifier, duration: read },
  };
}
