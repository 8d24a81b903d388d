// Agreements of one tenant, with their parties, sub-processors and recorded versions.

import type { Kysely, Selectable } from "kysely";
import type {
  Agreement,
  AgreementKind,
  AgreementStatus,
  AgreementVersion,
  Party,
  PartyRole,
  Provenance,
  Subprocessor,
  TransferMechanism,
} from "../domain/agreement.js";
import { idStartsWith } from "./key-lookup.js";
import type {
  AgreementPartiesTable,
  AgreementSubprocessorsTable,
  AgreementsTable,
  AgreementVersionsTable,
  Database,
} from "./schema.js";

export function agreementToRow(a: Agreement): AgreementsTable {
  return {
    id: a.id,
    tenant_id: a.tenant,
    kind: a.kind,
    title: a.title,
    status: a.status,
    effective_on: a.effectiveOn,
    ends_on: a.endsOn,
    terms: JSON.stringify(a.terms),
    provenance: JSON.stringify(a.provenance),
    processing: JSON.stringify(a.processing),
    security_measures: JSON.stringify(a.securityMeasures),
    source: a.source ? JSON.stringify(a.source) : null,
    version: a.version,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

export function partyRows(a: Agreement): AgreementPartiesTable[] {
  return a.parties.map((p, position) => ({
    tenant_id: a.tenant,
    agreement_id: a.id,
    organisation_id: p.organisationId,
    role: p.role,
    position,
  }));
}

export function subprocessorRows(a: Agreement): AgreementSubprocessorsTable[] {
  return a.subprocessors.map((s, position) => ({
    id: s.id,
    tenant_id: a.tenant,
    agreement_id: a.id,
    position,
    name: s.name,
    siret: s.siret,
    activity: s.activity,
    location: s.location,
    transfer_mechanism: s.transferMechanism,
    provenance: JSON.stringify(s.provenance),
  }));
}

function subprocessorFromRow(r: Selectable<AgreementSubprocessorsTable>): Subprocessor {
  return {
    id: r.id,
    name: r.name,
    siret: r.siret,
    activity: r.activity,
    location: r.location,
    transferMechanism: r.transfer_mechanism as TransferMechanism,
    provenance: JSON.parse(r.provenance) as Provenance,
  };
}

function agreementFromRows(
  r: Selectable<AgreementsTable>,
  parties: readonly Party[],
  subprocessors: readonly Subprocessor[],
): Agreement {
  return {
    id: r.id,
    tenant: r.tenant_id,
    kind: r.kind as AgreementKind,
    title: r.title,
    status: r.status as AgreementStatus,
    parties,
    effectiveOn: r.effective_on,
    endsOn: r.ends_on,
    terms: JSON.parse(r.terms),
    provenance: JSON.parse(r.provenance),
    processing: JSON.parse(r.processing),
    securityMeasures: JSON.parse(r.security_measures),
    subprocessors,
    source: r.source ? JSON.parse(r.source) : null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface AgreementFilter {
  /** Only agreements this organisation is party to. */
  readonly organisationId?: string;
  /** With organisationId: only where it holds one of these roles. */
  readonly roles?: readonly PartyRole[];
  readonly statuses?: readonly AgreementStatus[];
}

export class AgreementRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  /** Records a new agreement and its first version. */
  async insert(agreement: Agreement, by: string, note: string | null = null): Promise<void> {
    await this.db.insertInto("agreements").values(agreementToRow(agreement)).execute();
    const parties = partyRows(agreement);
    if (parties.length > 0) await this.db.insertInto("agreement_parties").values(parties).execute();
    const subprocessors = subprocessorRows(agreement);
    if (subprocessors.length > 0)
      await this.db.insertInto("agreement_subprocessors").values(subprocessors).execute();
    await this.insertVersion(agreement, "created", note, by);
  }

  /** Saves a changed status or dates (no new version: the content is unchanged). */
  async updateStatus(agreement: Agreement): Promise<void> {
    await this.db
      .updateTable("agreements")
      .set({
        status: agreement.status,
        effective_on: agreement.effectiveOn,
        ends_on: agreement.endsOn,
        updated_at: agreement.updatedAt,
      })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", agreement.id)
      .execute();
  }

  /** Saves an amended agreement (new version number) and records that version. */
  async saveAmendment(agreement: Agreement, by: string, note: string | null): Promise<void> {
    const { id: _id, tenant_id: _tenant, created_at: _created, ...changes } = agreementToRow(agreement);
    await this.db
      .updateTable("agreements")
      .set(changes)
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", agreement.id)
      .execute();
    await this.db
      .deleteFrom("agreement_subprocessors")
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreement.id)
      .execute();
    const subprocessors = subprocessorRows(agreement);
    if (subprocessors.length > 0)
      await this.db.insertInto("agreement_subprocessors").values(subprocessors).execute();
    await this.insertVersion(agreement, "amendment", note, by);
  }

  private async insertVersion(
    agreement: Agreement,
    reason: "created" | "amendment",
    note: string | null,
    by: string,
  ) {
    await this.db
      .insertInto("agreement_versions")
      .values({
        tenant_id: this.tenant,
        agreement_id: agreement.id,
        version: agreement.version,
        reason,
        note,
        at: agreement.updatedAt,
        by,
        snapshot: JSON.stringify(agreement),
      })
      .execute();
  }

  async byId(id: string): Promise<Agreement | undefined> {
    const found = await this.load(
      this.db.selectFrom("agreements").selectAll().where("tenant_id", "=", this.tenant).where("id", "=", id),
    );
    return found[0];
  }

  /** Agreements whose id starts with `prefix` (users type the first characters of an id). */
  async byIdPrefix(prefix: string, limit = 2): Promise<Agreement[]> {
    return this.load(
      this.db
        .selectFrom("agreements")
        .selectAll()
        .where("tenant_id", "=", this.tenant)
        .where(idStartsWith(prefix))
        .orderBy("id")
        .limit(limit),
    );
  }

  async list(filter: AgreementFilter = {}): Promise<Agreement[]> {
    let query = this.db.selectFrom("agreements").selectAll().where("tenant_id", "=", this.tenant);
    if (filter.organisationId) {
      const organisationId = filter.organisationId;
      query = query.where("id", "in", (eb) => {
        let parties = eb
          .selectFrom("agreement_parties")
          .select("agreement_id")
          .where("tenant_id", "=", this.tenant)
          .where("organisation_id", "=", organisationId);
        if (filter.roles && filter.roles.length > 0) parties = parties.where("role", "in", filter.roles);
        return parties;
      });
    }
    if (filter.statuses && filter.statuses.length > 0) query = query.where("status", "in", filter.statuses);
    return this.load(query.orderBy("created_at").orderBy("id"));
  }

  /** The ids of the agreements any of these organisations is party to: what their members may reach. */
  async idsOfParties(organisationIds: readonly string[]): Promise<Set<string>> {
    if (organisationIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom("agreement_parties")
      .select("agreement_id")
      .distinct()
      .where("tenant_id", "=", this.tenant)
      .where("organisation_id", "in", organisationIds)
      .execute();
    return new Set(rows.map((r) => r.agreement_id));
  }

  async versions(agreementId: string): Promise<AgreementVersion[]> {
    const rows = await this.db
      .selectFrom("agreement_versions")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .orderBy("version")
      .execute();
    return rows.map(versionFromRow);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("agreements")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("tenant_id", "=", this.tenant)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async load(query: { execute(): Promise<Selectable<AgreementsTable>[]> }): Promise<Agreement[]> {
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const parties = new Map<string, Party[]>();
    const subprocessors = new Map<string, Subprocessor[]>();
    // Chunked so a list of many agreements stays within the engines' bound-variable limits.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const partyRows = await this.db
        .selectFrom("agreement_parties")
        .selectAll()
        .where("tenant_id", "=", this.tenant)
        .where("agreement_id", "in", chunk)
        .orderBy("agreement_id")
        .orderBy("position")
        .execute();
      for (const p of partyRows) {
        const list = parties.get(p.agreement_id) ?? [];
        list.push({ organisationId: p.organisation_id, role: p.role as PartyRole });
        parties.set(p.agreement_id, list);
      }
      const subRows = await this.db
        .selectFrom("agreement_subprocessors")
        .selectAll()
        .where("tenant_id", "=", this.tenant)
        .where("agreement_id", "in", chunk)
        .orderBy("agreement_id")
        .orderBy("position")
        .execute();
      for (const s of subRows) {
        const list = subprocessors.get(s.agreement_id) ?? [];
        list.push(subprocessorFromRow(s));
        subprocessors.set(s.agreement_id, list);
      }
    }
    return rows.map((r) => agreementFromRows(r, parties.get(r.id) ?? [], subprocessors.get(r.id) ?? []));
  }
}

function versionFromRow(r: Selectable<AgreementVersionsTable>): AgreementVersion {
  return {
    agreementId: r.agreement_id,
    version: r.version,
    reason: r.reason as AgreementVersion["reason"],
    note: r.note,
    at: r.at,
    by: r.by,
    snapshot: JSON.parse(r.snapshot) as Agreement,
  };
}
