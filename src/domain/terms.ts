// What an agreement promises: the typed terms of DESIGN.md, whatever way they were set.

import type { Duration } from "./duration.js";
import type { TermTrigger } from "./term-trigger.js";

export const TERM_IDS = [
  "breach_notification_to_controller",
  "breach_notification_to_authority",
  "incident_alert_between_controllers",
  "dsr_forwarding_to_controller",
  "dsr_assistance",
  "data_deletion_on_request",
  "subprocessor_objection_period",
  "annex_update_notice",
  "deletion_after_termination",
  "backup_deletion",
  "audit_notice",
  "corrective_action_plan",
  "termination_notice",
  "log_retention",
  "confidentiality_survival",
] as const;

export type TermId = (typeof TERM_IDS)[number];

export const SUBPROCESSOR_AUTHORIZATIONS = ["general", "specific"] as const;
export type SubprocessorAuthorization = (typeof SUBPROCESSOR_AUTHORIZATIONS)[number];

/** What the controller's silence during an objection window means. */
export const OBJECTION_SILENCES = ["accepted", "refused"] as const;
export type ObjectionSilence = (typeof OBJECTION_SILENCES)[number];

export const TRANSFER_RULES = ["prohibited", "with_authorization", "allowed_with_safeguards"] as const;
export type TransferRule = (typeof TRANSFER_RULES)[number];

export interface FrequencyPerYear {
  readonly min: number | null;
  readonly max: number | null;
}

/** The terms of one agreement. A duration term is absent when the agreement does not set it. */
export interface AgreementTerms {
  readonly durations: Readonly<Partial<Record<TermId, Duration>>>;
  /** The event each period runs from, where the clause names one (« suivant la découverte »); else the workflow's. */
  readonly triggers?: Readonly<Partial<Record<TermId, TermTrigger>>>;
  readonly subprocessorAuthorization?: SubprocessorAuthorization;
  readonly objectionSilence?: ObjectionSilence;
  readonly transfersOutsideEEA?: TransferRule;
  readonly auditFrequencyPerYear?: FrequencyPerYear;
  /** ISO 3166-1 alpha-2 country code. */
  readonly governingLaw?: string;
  /** The controller may audit at once after a breach, outside the yearly cap (GDPR Art. 28(3)(h)). */
  readonly emergencyAuditAfterBreach?: boolean;
}
