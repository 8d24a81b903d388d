// The parts of an agreement that set a workflow's clocks: its parties, its terms, and the controller's calendar.

import type { Calendar } from "./calendar.js";
import type { Qualifier } from "./duration.js";
import {
  DEFAULT_QUALIFIER_INTERPRETATION,
  type DueBasis,
  dueUnderStatuteQualifier,
  dueUnderTerm,
  type QualifierInterpretation,
} from "./obligation.js";
import type { AgreementTerms, TermId } from "./terms.js";

/** An agreement as a workflow needs it: deadlines run in the controller's calendar (Reg. 1182/71 Art. 2). */
export interface AgreementClock {
  readonly agreementId: string;
  readonly controllerId: string;
  readonly processorId: string;
  readonly terms: AgreementTerms;
  /** The controller's calendar: its public holidays and time zone. */
  readonly calendar: Calendar;
  /** How the controller reads "without undue delay" and the like; the defaults otherwise. */
  readonly interpretation?: QualifierInterpretation;
}

/** What binds a duty when the agreement is silent: the rule that applies instead and its qualifier. */
export interface Fallback {
  readonly rule: string;
  readonly qualifier: Qualifier;
}

/**
 * The due instant of a duty bound by `termId` of the agreement, or, when the agreement does not set that
 * term, by the fallback rule read through the controller's interpretation (and marked as interpreted).
 */
export function dueUnderAgreement(
  agreement: AgreementClock,
  termId: TermId,
  trigger: number,
  fallback: Fallback,
): { due: number; basis: DueBasis } {
  const interpretation = agreement.interpretation ?? DEFAULT_QUALIFIER_INTERPRETATION;
  const duration = agreement.terms.durations[termId];
  if (duration) return dueUnderTerm(trigger, termId, duration, agreement.calendar, interpretation);
  return dueUnderStatuteQualifier(
    trigger,
    fallback.rule,
    fallback.qualifier,
    agreement.calendar,
    interpretation,
  );
}
