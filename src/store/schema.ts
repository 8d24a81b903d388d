// The Kysely schema of the register: one interface per table, the same on SQLite and PostgreSQL.
// Ids are text (random UUIDs); instants are epoch milliseconds (bigint); civil dates are epoch days (integer);
// structured values are JSON text, so both engines store and return the same bytes.

export interface OrganisationsTable {
  id: string;
  tenant_id: string;
  name: string;
  name_key: string;
  type: string;
  roles: string;
  uai: string | null;
  siren: string | null;
  siret: string | null;
  bce: string | null;
  country: string;
  calendar: string;
  dpo: string | null;
  qualifier_interpretation: string | null;
  created_at: number;
}

export interface AgreementsTable {
  id: string;
  tenant_id: string;
  kind: string;
  title: string;
  status: string;
  effective_on: number | null;
  ends_on: number | null;
  terms: string;
  provenance: string;
  processing: string;
  security_measures: string;
  source: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface AgreementPartiesTable {
  tenant_id: string;
  agreement_id: string;
  organisation_id: string;
  role: string;
  position: number;
}

export interface AgreementSubprocessorsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  position: number;
  name: string;
  siret: string | null;
  activity: string | null;
  location: string | null;
  transfer_mechanism: string;
  provenance: string;
}

export interface AgreementVersionsTable {
  tenant_id: string;
  agreement_id: string;
  version: number;
  reason: string;
  note: string | null;
  at: number;
  by: string;
  snapshot: string;
}

export interface ObligationsTable {
  id: string;
  tenant_id: string;
  kind: string;
  holder_id: string;
  counterparty_id: string | null;
  agreement_id: string | null;
  trigger_type: string;
  trigger_id: string;
  trigger_at: number;
  due: number;
  basis: string;
  what_fr: string;
  what_en: string;
  status: string;
  evidence: string | null;
  created_at: number;
  closed_at: number | null;
  /** When the reminder sweep next looks at this obligation: 0 = not scheduled yet, null = no reminder left. */
  next_reminder_at?: number | null;
  last_reminder_at?: number | null;
}

export interface JournalTable {
  tenant_id: string;
  seq: number;
  at: number;
  actor: string;
  type: string;
  /** RFC 8785 canonical JSON of the payload, exactly as hashed. */
  payload: string;
  prev_hash: string;
  hash: string;
}

/** One row per tenant: the last seq and hash, locked by each append so concurrent writers never fork the chain. */
export interface JournalHeadTable {
  tenant_id: string;
  seq: number;
  hash: string;
}

/** One message of the transactional outbox; its id is the idempotency key of every attempt. */
export interface OutboxTable {
  id: string;
  tenant_id: string;
  /** What the message is about (e.g. "obligation.reminder"), for listings and counts. */
  kind: string;
  channel: string;
  /** The OutboxMessage (src/domain/outbox-message.ts) as JSON. */
  message: string;
  status: string;
  attempts: number;
  not_before: number;
  claimed_by: string | null;
  /** The claim's lease: past it, another worker may take the message again. */
  claimed_until: number | null;
  sent_at: number | null;
  last_error: string | null;
  created_at: number;
}

/** Where an organisation reads its reminders and notices, and in which language. */
export interface OrganisationContactsTable {
  tenant_id: string;
  organisation_id: string;
  email: string;
  name: string | null;
  language: string;
  created_at: number;
  updated_at: number;
}

export interface WebhookEndpointsTable {
  id: string;
  tenant_id: string;
  organisation_id: string;
  url: string;
  /** The HMAC-SHA256 key: never printed, logged or copied into the outbox. */
  secret: string;
  created_at: number;
  removed_at: number | null;
}

export interface BreachesTable {
  id: string;
  tenant_id: string;
  recorded_by: string;
  side: string;
  details: string;
  aware_at: number;
  created_at: number;
  updated_at: number;
}

export interface BreachNoticesTable {
  id: string;
  tenant_id: string;
  breach_id: string;
  sender_id: string;
  /** A controller's id, or an authority ("CNIL", "APD"). */
  recipient: string;
  phase: string;
  sequence: number;
  sent_at: number;
  notice: string;
  created_at: number;
}

export interface BreachNotificationsTable {
  id: string;
  tenant_id: string;
  breach_id: string;
  controller_id: string;
  agreement_id: string;
  obligation_id: string;
  due: number;
  controller_aware_at: number | null;
  mandated: number;
  created_at: number;
}

export interface BreachRegisterEntriesTable {
  id: string;
  tenant_id: string;
  breach_id: string;
  keeper_id: string;
  side: string;
  risk_level: string | null;
  assessment: string | null;
  entry: string;
  created_at: number;
  updated_at: number;
}

export interface DataSubjectRequestsTable {
  id: string;
  tenant_id: string;
  subject_right: string;
  received_by: string;
  controller_id: string;
  processor_id: string | null;
  agreement_id: string | null;
  received_at: number;
  controller_received_at: number | null;
  state: string;
  summary: string | null;
  identity: string | null;
  extension: string | null;
  outcome: string | null;
  attachments: string;
  created_at: number;
  updated_at: number;
}

/** A sub-processor change as the processor announced it (GDPR Art. 28(2)). */
export interface SubprocessorChangesTable {
  id: string;
  tenant_id: string;
  processor_id: string;
  kind: string;
  name: string;
  siret: string | null;
  activity: string;
  location: string;
  transfer_mechanism: string;
  replaces: string | null;
  announced_at: number;
  created_at: number;
}

/** One agreement's objection window on a change, and how it settled. */
export interface SubprocessorWindowsTable {
  id: string;
  tenant_id: string;
  change_id: string;
  agreement_id: string;
  controller_id: string;
  processor_id: string;
  opens_at: number;
  closes_at: number;
  basis: string;
  silence: string;
  approval_required: number;
  blocked: string | null;
  on_objection: string;
  status: string;
  settled_at: number | null;
  consequence: string | null;
  obligation_id: string | null;
  created_at: number;
}

export interface SubprocessorResponsesTable {
  id: string;
  tenant_id: string;
  window_id: string;
  agreement_id: string;
  kind: string;
  at: number;
  reasons: string | null;
  by: string;
  created_at: number;
}

/** A sub-processor in use under one agreement, from (null: listed in the agreement itself) and until. */
export interface SubprocessorUsesTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  processor_id: string;
  change_id: string | null;
  name: string;
  name_key: string;
  siret: string | null;
  activity: string | null;
  location: string | null;
  transfer_mechanism: string;
  in_use_from: number | null;
  in_use_until: number | null;
  created_at: number;
}

export interface AuditsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  controller_id: string;
  processor_id: string;
  kind: string;
  scope: string;
  breach_id: string | null;
  requested_at: number;
  earliest_start: number;
  notice_expires: number;
  basis: string;
  warnings: string;
  created_at: number;
}

export interface AuditFindingsTable {
  id: string;
  tenant_id: string;
  audit_id: string;
  agreement_id: string;
  severity: string;
  description: string;
  report_delivered_at: number;
  obligation_id: string | null;
  created_at: number;
}

export interface InstructionsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  controller_id: string;
  processor_id: string;
  given_at: number;
  channel: string;
  text: string;
  status: string;
  contest: string | null;
  answer: string | null;
  answer_obligation_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface RecurringDutiesTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  kind: string;
  holder_id: string;
  counterparty_id: string | null;
  starts_at: number;
  every_amount: number;
  every_unit: string;
  ended_at: number | null;
  created_at: number;
}

export interface TerminationsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  kind: string;
  by: string;
  notice_given_at: number;
  ends_at: number;
  grounds: string | null;
  notice_basis: string | null;
  choice: string | null;
  chosen_at: number | null;
  subprocessor_duties: string | null;
  created_at: number;
}

export interface RetentionExceptionsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  termination_id: string;
  data_categories: string;
  ground: string;
  until: number;
  created_at: number;
}

export interface CertificatesTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  termination_id: string;
  kind: string;
  content: string;
  sha256: string;
  issued_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  created_at: number;
}

export interface JointArrangementsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  ent: string;
  ent_key: string;
  model: number | null;
  /** JSON: the allocation entries. */
  allocation: string;
  /** JSON: the organisation ids of the schools covered. */
  schools: string;
  signed_for_all_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  /** Lower-cased. */
  email: string;
  name: string | null;
  created_at: number;
}

/** A grant: `organisation_id` with `role`, or `agreement_id` read-only until `until` (epoch ms, exclusive). */
export interface UserGrantsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  organisation_id: string | null;
  role: string | null;
  agreement_id: string | null;
  until: number | null;
  granted_at: number;
}

export interface Database {
  organisations: OrganisationsTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_subprocessors: AgreementSubprocessorsTable;
  agreement_versions: AgreementVersionsTable;
  obligations: ObligationsTable;
  journal: JournalTable;
  journal_head: JournalHeadTable;
  breaches: BreachesTable;
  breach_notices: BreachNoticesTable;
  breach_notifications: BreachNotificationsTable;
  breach_register_entries: BreachRegisterEntriesTable;
  data_subject_requests: DataSubjectRequestsTable;
  subprocessor_changes: SubprocessorChangesTable;
  subprocessor_windows: SubprocessorWindowsTable;
  subprocessor_responses: SubprocessorResponsesTable;
  subprocessor_uses: SubprocessorUsesTable;
  audits: AuditsTable;
  audit_findings: AuditFindingsTable;
  instructions: InstructionsTable;
  recurring_duties: RecurringDutiesTable;
  joint_arrangements: JointArrangementsTable;
  terminations: TerminationsTable;
  retention_exceptions: RetentionExceptionsTable;
  certificates: CertificatesTable;
  outbox: OutboxTable;
  organisation_contacts: OrganisationContactsTable;
  webhook_endpoints: WebhookEndpointsTable;
  users: UsersTable;
  user_grants: UserGrantsTable;
}

export type TableName = keyof Database;

/** Tables in an order that respects references, for export, import and wiping a test database. */
export const TABLES_IN_ORDER: readonly TableName[] = [
  "organisations",
  "agreements",
  "agreement_parties",
  "agreement_subprocessors",
  "agreement_versions",
  "joint_arrangements",
  "obligations",
  "organisation_contacts",
  "webhook_endpoints",
  "outbox",
  "breaches",
  "breach_notices",
  "breach_notifications",
  "breach_register_entries",
  "data_subject_requests",
  "subprocessor_changes",
  "subprocessor_windows",
  "subprocessor_responses",
  "subprocessor_uses",
  "audits",
  "audit_findings",
  "instructions",
  "terminations",
  "retention_exceptions",
  "certificates",
  "journal_head",
  "journal",
];
