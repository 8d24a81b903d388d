// Audits of a processor (GDPR Art. 28(3)(h)): notice, frequency, the emergency audit, findings and corrective actions.

import type { AgreementClock } from "./agreement-clock.js";
import { dueUnderAgreement } from "./agreement-clock.js";
import { addCalendarMonths } from "./epoch-day.js";
import { Art28Error, invalidInput, type LocalizedText } from "./error.js";
import type { DueBasis, ObligationDraft } from "./obligation.js";

export type AuditKind = "ordinary" | "emergency";

/** An agreement as an audit sees it: its clock and whether it allows an audit right after a breach. */
export interface AuditAgreement extends AgreementClock {
  readonly emergencyAuditAfterBreach?: boolean;
}

export interface AuditRequest {
  readonly id: string;
  readonly kind: AuditKind;
  readonly requestedAt: number;
  readonly scope: readonly string[];
  /** For an emergency audit: the breach that justifies it. */
  readonly breachId: string | null;
}

export interface AuditSchedule {
  /** The first instant the audit may begin: the start of the first working day once the notice has run. */
  readonly earliestStart: number;
  readonly noticeExpires: number;
  readonly basis: DueBasis;
}

/**
 * The earliest start of an audit: after `audit_notice` from the request (2021/915 Cl. 7.6: "reasonable
 * notice" where the agreement sets none), on a working day of the controller's calendar.
 */
export function earliestAuditStart(request: AuditRequest, agreement: AuditAgreement): AuditSchedule {
  if (request.scope.length === 0 || request.scope.some((s) => s.trim() === "")) {
    throw invalidInput(
      { fr: "l'audit doit avoir un périmètre", en: "an audit needs a scope" },
      { argument: "scope" },
    );
  }
  if (request.kind === "emergency") {
    if (!agreement.emergencyAuditAfterBreach) {
      throw new Art28Error("conflict", {
        fr: "l'accord ne prévoit pas d'audit d'urgence après une violation",
        en: "the agreement provides no emergency audit after a breach",
      });
    }
    if (request.breachId === null) {
      throw invalidInput(
        { fr: "un audit d'urgence se rattache à une violation", en: "an emergency audit refers to a breach" },
        { argument: "breach" },
      );
    }
  }
  const { due, basis } = dueUnderAgreement(agreement, "audit_notice", request.requestedAt, {
    rule: "2021/915 Cl. 7.6(d)",
    qualifier: "reasonable",
  });
  const calendar = agreement.calendar;
  let day = calendar.localDayOf(due);
  if (calendar.startOfDay(day) < due) day++;
  while (!calendar.isWorkingDay(day)) day++;
  return { earliestStart: calendar.startOfDay(day), noticeExpires: due, basis };
}

/**
 * Warnings about how often the processor is audited, over the year before the proposed start: more than the
 * agreement's `auditFrequencyPerYear.max` (an emergency audit after a breach is outside the cap where allowed).
 */
export function auditFrequencyWarnings(options: {
  readonly agreement: AuditAgreement;
  readonly kind: AuditKind;
  readonly proposedStart: number;
  /** Starts of the earlier ordinary audits under this agreement. */
  readonly previousStarts: readonly number[];
}): LocalizedText[] {
  const { agreement, kind, proposedStart } = options;
  const max = agreement.terms.auditFrequencyPerYear?.max ?? null;
  if (max === null) return [];
  if (kind === "emergency") {
    return [
      {
        fr: "audit d'urgence après violation : hors du plafond annuel prévu par l'accord",
        en: "emergency audit after a breach: outside the agreement's yearly cap",
      },
    ];
  }
  const calendar = agreement.calendar;
  const proposedDay = calendar.localDayOf(proposedStart);
  const yearBefore = calendar.startOfDay(addCalendarMonths(proposedDay, -12));
  const inYear = options.previousStarts.filter((s) => s > yearBefore && s <= proposedStart).length;
  if (inYear + 1 <= max) return [];
  return [
    {
      fr: `cet audit serait le ${inYear + 1}e en douze mois ; l'accord en prévoit au plus ${max} par an`,
      en: `this audit would be number ${inYear + 1} in twelve months; the agreement allows at most ${max} a year`,
    },
  ];
}

export const FINDING_SEVERITIES = ["critical", "major", "minor", "observation"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface Finding {
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly description: string;
}

/**
 * One corrective action per finding that needs one (an observation needs none), due under the agreement's
 * `corrective_action_plan` from the delivery of the audit report.
 */
export function correctiveActionDuties(
  auditId: string,
  findings: readonly Finding[],
  reportDeliveredAt: number,
  agreement: AgreementClock,
): ObligationDraft[] {
  const deadline = dueUnderAgreement(agreement, "corrective_action_plan", reportDeliveredAt, {
    rule: "GDPR Art. 28(3)(h)",
    qualifier: "reasonable",
  });
  return findings
    .filter((f) => f.severity !== "observation")
    .map((f) => ({
      kind: "correct_audit_finding",
      holderId: agreement.processorId,
      counterpartyId: agreement.controllerId,
      agreementId: agreement.agreementId,
      trigger: { type: "audit_report", id: `${auditId}#${f.id}`, at: reportDeliveredAt },
      ...deadline,
      what: {
        fr: `corriger la non-conformité ${f.severity === "critical" ? "critique" : f.severity === "major" ? "majeure" : "mineure"} : ${f.description}`,
        en: `correct the ${f.severity} finding: ${f.description}`,
      },
    }));
}
