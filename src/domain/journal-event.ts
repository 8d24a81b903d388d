// The events the journal records: a closed union of types, each payload carrying its schema version `v`.

import type { AgreementKind, AgreementStatus, Party } from "./agreement.js";
import type { LocalizedText } from "./error.js";
import type { DueBasis } from "./obligation.js";
import type { OrganisationRole, OrganisationType } from "./organisation.js";

export interface OrganisationCreatedV1 {
  readonly v: 1;
  readonly organisationId: string;
  readonly name: string;
  readonly type: OrganisationType;
  readonly roles: readonly OrganisationRole[];
}

export interface OrganisationRoleAddedV1 {
  readonly v: 1;
  readonly organisationId: string;
  readonly role: OrganisationRole;
}

export interface AgreementCreatedV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly kind: AgreementKind;
  readonly title: string;
  readonly parties: readonly Party[];
  readonly status: AgreementStatus;
  readonly version: number;
  /** sha256 of the document the terms were read from, when imported. */
  readonly sourceSha256: string | null;
  /** sha256 of the canonical JSON of the agreement as recorded, so the journal pins its content. */
  readonly contentSha256: string;
}

export interface AgreementStatusChangedV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly from: AgreementStatus;
  readonly to: AgreementStatus;
}

export interface AgreementAmendedV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly version: number;
  readonly note: string | null;
  readonly contentSha256: string;
}

export interface ObligationOpenedV1 {
  readonly v: 1;
  readonly obligationId: string;
  readonly kind: string;
  readonly holderId: string;
  readonly counterpartyId: string | null;
  readonly agreementId: string | null;
  readonly trigger: { readonly type: string; readonly id: string; readonly at: number };
  readonly due: number;
  readonly basis: DueBasis;
}

export interface ObligationClosedV1 {
  readonly v: 1;
  readonly obligationId: string;
  readonly status: "done" | "waived";
  readonly note: string;
  readonly evidenceSha256: string | null;
}

export interface BreachRecordedV1 {
  readonly v: 1;
  readonly breachId: string;
  readonly processorId: string;
  readonly awareAt: number;
  readonly description: string;
}

/** Version 2 also records a controller's own breach: who recorded it, and on which side. */
export interface BreachRecordedV2 {
  readonly v: 2;
  readonly breachId: string;
  readonly side: "processor" | "controller";
  readonly recordedBy: string;
  readonly awareAt: number;
  readonly description: string;
}

export interface RequestReceivedV1 {
  readonly v: 1;
  readonly requestId: string;
  readonly receivedBy: string;
  readonly receivedAt: number;
  readonly right: string;
}

export interface BreachNoticeSentV1 {
  readonly v: 1;
  readonly breachId: string;
  readonly senderId: string;
  /** Controller ids, or an authority ("CNIL", "APD"). */
  readonly recipients: readonly string[];
  readonly phase: "initial" | "update";
  readonly sequence: number;
  /** sha256 of the canonical JSON of what the notice said. */
  readonly contentSha256: string;
  readonly missing: readonly string[];
}

export interface BreachRiskAssessedV1 {
  readonly v: 1;
  readonly breachId: string;
  readonly keeperId: string;
  readonly level: "none" | "risk" | "high_risk";
  readonly likelihood: number;
  readonly severity: number;
}

export interface BreachControllerAwareV1 {
  readonly v: 1;
  readonly breachId: string;
  readonly controllerId: string;
  readonly awareAt: number;
  readonly level: "none" | "risk" | "high_risk";
  readonly exceptions: readonly string[];
  /** The controller asked the processor to notify the authority on its behalf. */
  readonly mandated: boolean;
}

export interface BreachAuthorityNotifiedV1 {
  readonly v: 1;
  readonly breachId: string;
  readonly notifierId: string;
  readonly authority: string;
  readonly onBehalfOf: readonly string[];
  readonly at: number;
  readonly reference: string | null;
  /** GDPR Art. 33(1): the reasons given when the notice came after the 72 hours. */
  readonly reasonsForDelay: string | null;
}

export interface RequestStepV1 {
  readonly v: 1;
  readonly requestId: string;
  readonly at: number;
  readonly state: string;
  readonly note: string | null;
}

export interface RequestAnsweredV1 {
  readonly v: 1;
  readonly requestId: string;
  readonly at: number;
  readonly outcome: string;
  readonly attachments: readonly { readonly name: string; readonly sha256: string }[];
}

export interface SubprocessorChangeAnnouncedV1 {
  readonly v: 1;
  readonly changeId: string;
  readonly processorId: string;
  readonly change: "addition" | "replacement" | "removal";
  readonly subprocessor: string;
  readonly announcedAt: number;
}

export interface BundleImportedV1 {
  readonly v: 1;
  /** sha256 of the bundle file as read. */
  readonly bundleSha256: string;
  readonly scope: "tenant" | "organisation";
  /** Head of the source journal extract the bundle carried, so the import points back to it. */
  readonly sourceHead: { readonly seq: number; readonly hash: string } | null;
  readonly counts: Readonly<Record<string, number>>;
}

export interface DemoSeededV1 {
  readonly v: 1;
  readonly organisations: number;
  readonly agreements: number;
  readonly obligations: number;
}

export interface SubprocessorChangeFannedOutV1 {
  readonly v: 1;
  readonly changeId: string;
  /** One objection window per agreement; each is also the due instant of its obligation.opened event. */
  readonly windows: number;
  /** sha256 of the canonical JSON of the windows as opened, so the journal pins every one of them. */
  readonly windowsSha256: string;
}

export interface SubprocessorChangeAnsweredV1 {
  readonly v: 1;
  readonly changeId: string;
  readonly windowId: string;
  readonly agreementId: string;
  readonly answer: "approve" | "object";
  readonly reasons: string | null;
  readonly at: number;
}

export interface SubprocessorWindowSettledV1 {
  readonly v: 1;
  readonly changeId: string;
  readonly windowId: string;
  readonly agreementId: string;
  readonly status: string;
  readonly settledAt: number;
  readonly mayUse: boolean;
  /** What an objection opens under the agreement, when it was objected to. */
  readonly remedy: string | null;
}

export interface AuditRequestedV1 {
  readonly v: 1;
  readonly auditId: string;
  readonly agreementId: string;
  readonly kind: "ordinary" | "emergency";
  readonly scope: readonly string[];
  readonly breachId: string | null;
  readonly earliestStart: number;
  readonly warnings: number;
}

export interface AuditFindingRecordedV1 {
  readonly v: 1;
  readonly auditId: string;
  readonly findingId: string;
  readonly agreementId: string;
  readonly severity: string;
  readonly obligationId: string | null;
}

export interface EvidencePackBuiltV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly zipSha256: string;
  readonly journalHead: { readonly seq: number; readonly hash: string } | null;
}

export interface InstructionRecordedV1 {
  readonly v: 1;
  readonly instructionId: string;
  readonly agreementId: string;
  readonly channel: string;
  readonly givenAt: number;
  readonly textSha256: string;
}

export interface InstructionContestedV1 {
  readonly v: 1;
  readonly instructionId: string;
  readonly agreementId: string;
  readonly grounds: string;
  readonly at: number;
}

export interface InstructionAnsweredV1 {
  readonly v: 1;
  readonly instructionId: string;
  readonly agreementId: string;
  readonly decision: "withdraw" | "amend" | "maintain";
  readonly reasons: string;
  readonly status: string;
  readonly textSha256: string;
}

export interface AgreementTerminatedV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly terminationId: string;
  readonly kind: "ordinary" | "for_cause";
  readonly by: string;
  readonly endsAt: number;
  readonly grounds: string | null;
}

export interface EndOfServiceChosenV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly terminationId: string;
  readonly choice: "deletion" | "return";
}

export interface RetentionExceptionRecordedV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly exceptionId: string;
  readonly dataCategories: readonly string[];
  readonly ground: string;
  readonly until: number;
}

export interface CertificateIssuedV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly certificateId: string;
  readonly kind: "deletion" | "return";
  /** sha256 of the certificate's canonical JSON (RFC 8785). */
  readonly sha256: string;
}

export interface CertificateAcknowledgedV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly certificateId: string;
  readonly sha256: string;
  readonly acknowledgedBy: string;
}

/** A person registered in the tenant (its address stays in the users table, out of the chain). */
export interface UserCreatedV1 {
  readonly v: 1;
  readonly userId: string;
}

/** A grant given: an organisation with a role, or one agreement read-only until an instant. */
export interface AccessGrantedV1 {
  readonly v: 1;
  readonly userId: string;
  readonly organisationId?: string;
  readonly role?: string;
  readonly agreementId?: string;
  readonly until?: number;
}

export interface AccessRevokedV1 {
  readonly v: 1;
  readonly userId: string;
  readonly organisationId?: string;
  readonly agreementId?: string;
}

export interface ContactSetV1 {
  readonly v: 1;
  readonly organisationId: string;
  readonly email: string;
  readonly language: "fr" | "en";
}

export interface WebhookEndpointChangedV1 {
  readonly v: 1;
  readonly endpointId: string;
  readonly organisationId: string;
  /** Scheme, host and path only: a query can carry a token. The secret is never journalled. */
  readonly url: string;
}

/** An outbox message the worker handed over: the SMTP server accepted it, or the webhook receiver answered 2xx. */
export interface MessageDeliveredV1 {
  readonly v: 1;
  /** The outbox id: the e-mail's Message-ID and the webhook's Idempotency-Key. */
  readonly messageId: string;
  readonly kind: string;
  readonly channel: "email" | "webhook";
  readonly attempts: number;
  /** What the peer answered (the Message-ID it accepted, or the HTTP status); never an address or a body. */
  readonly receipt: string;
}

/** An outbox message the worker gave up on: the peer refused it for good, or the attempts ran out. */
export interface MessageGivenUpV1 {
  readonly v: 1;
  readonly messageId: string;
  readonly kind: string;
  readonly channel: "email" | "webhook";
  readonly attempts: number;
  readonly reason: string;
}

/** A duty set to come back on a schedule under an agreement. */
export interface RecurringDutyScheduledV1 {
  readonly v: 1;
  readonly dutyId: string;
  readonly agreementId: string;
  readonly kind: string;
  readonly holderId: string;
  readonly startsAt: number;
  readonly every: { readonly amount: number; readonly unit: string };
}

/** A recurring duty stopped: no occurrence opens after this. */
export interface RecurringDutyStoppedV1 {
  readonly v: 1;
  readonly dutyId: string;
  readonly reason: string;
}

/** An agreement tied to a school ENT, or its allocation of joint-controller duties set or edited (GDPR Art. 26). */
export interface JointArrangementSetV1 {
  readonly v: 1;
  readonly agreementId: string;
  readonly ent: string;
  readonly model: number | null;
  /** The duties and perimeters set by this change, with their holder (an organisation id or a rule). */
  readonly entries: readonly { readonly duty: string; readonly perimeter: string; readonly holder: string }[];
  readonly schools: readonly string[];
  readonly signedForAllBy: string | null;
}

/** Every event type and its payload. Adding a type here is the one place the journal learns of it. */
export interface JournalPayloads {
  "organisation.created": OrganisationCreatedV1;
  "organisation.role_added": OrganisationRoleAddedV1;
  "agreement.created": AgreementCreatedV1;
  "agreement.status_changed": AgreementStatusChangedV1;
  "agreement.amended": AgreementAmendedV1;
  "obligation.opened": ObligationOpenedV1;
  "obligation.closed": ObligationClosedV1;
  "breach.recorded": BreachRecordedV1 | BreachRecordedV2;
  "request.received": RequestReceivedV1;
  "request.forwarded": RequestStepV1;
  "request.assistance_asked": RequestStepV1;
  "request.identity_checked": RequestStepV1;
  "request.extended": RequestStepV1;
  "request.answered": RequestAnsweredV1;
  "breach.notice_sent": BreachNoticeSentV1;
  "breach.risk_assessed": BreachRiskAssessedV1;
  "breach.controller_aware": BreachControllerAwareV1;
  "breach.authority_notified": BreachAuthorityNotifiedV1;
  "subprocessor_change.announced": SubprocessorChangeAnnouncedV1;
  "subprocessor_change.fanned_out": SubprocessorChangeFannedOutV1;
  "subprocessor_change.answered": SubprocessorChangeAnsweredV1;
  "subprocessor_change.settled": SubprocessorWindowSettledV1;
  "audit.requested": AuditRequestedV1;
  "audit.finding_recorded": AuditFindingRecordedV1;
  "evidence_pack.built": EvidencePackBuiltV1;
  "instruction.recorded": InstructionRecordedV1;
  "instruction.contested": InstructionContestedV1;
  "instruction.answered": InstructionAnsweredV1;
  "agreement.terminated": AgreementTerminatedV1;
  "end_of_service.chosen": EndOfServiceChosenV1;
  "retention_exception.recorded": RetentionExceptionRecordedV1;
  "certificate.issued": CertificateIssuedV1;
  "certificate.acknowledged": CertificateAcknowledgedV1;
  "exchange.bundle_imported": BundleImportedV1;
  "demo.seeded": DemoSeededV1;
  "contact.set": ContactSetV1;
  "webhook.endpoint_added": WebhookEndpointChangedV1;
  "webhook.endpoint_removed": WebhookEndpointChangedV1;
  "message.delivered": MessageDeliveredV1;
  "message.given_up": MessageGivenUpV1;
  "recurring_duty.scheduled": RecurringDutyScheduledV1;
  "recurring_duty.stopped": RecurringDutyStoppedV1;
  "joint_arrangement.set": JointArrangementSetV1;
  "user.created": UserCreatedV1;
  "access.granted": AccessGrantedV1;
  "access.revoked": AccessRevokedV1;
}

export type JournalEventType = keyof JournalPayloads;

/** An event before the journal numbers and chains it. */
export type NewJournalEvent = {
  [T in JournalEventType]: { readonly type: T; readonly payload: JournalPayloads[T] };
}[JournalEventType];

/** An event as the journal holds it. `payload` is kept as recorded, so events of older versions still verify. */
export interface JournalEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly tenant: string;
  readonly type: string;
  readonly payload: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash before the first event of a tenant's chain. */
export const GENESIS_HASH = "0".repeat(64);

/** `added`: rows stand past the head, which the database moves with every row it accepts (or the head is gone). */
export type JournalFault = "altered" | "missing" | "reordered" | "added";

export interface JournalVerification {
  readonly tenant: string;
  readonly count: number;
  readonly head: { readonly seq: number; readonly hash: string } | null;
  /** The first fault found, or null when the chain holds. */
  readonly fault: {
    readonly seq: number;
    readonly reason: JournalFault;
    readonly detail: LocalizedText;
  } | null;
}
