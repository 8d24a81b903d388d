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

export interface Database {
  organisations: OrganisationsTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_subprocessors: AgreementSubprocessorsTable;
  agreement_versions: AgreementVersionsTable;
  obligations: ObligationsTable;
  journal: JournalTable;
  journal_head: JournalHeadTable;
}

export type TableName = keyof Database;

/** Tables in an order that respects references, for export, import and wiping a test database. */
export const TABLES_IN_ORDER: readonly TableName[] = [
  "organisations",
  "agreements",
  "agreement_parties",
  "agreement_subprocessors",
  "agreement_versions",
  "obligations",
  "journal_head",
  "journal",
];
