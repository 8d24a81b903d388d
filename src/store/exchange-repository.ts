// Raw rows of a tenant (or one organisation's share of it) out and back in, for lossless bundles.

import type { Kysely } from "kysely";
import type { Engine } from "./engine.js";
import type { ChainLink } from "./journal.js";
import { JournalRepository } from "./journal-repository.js";
import type { Database } from "./schema.js";

/** The tables a bundle carries, in an order that respects references. */
export const BUNDLE_TABLES = [
  "organisations",
  "organisation_contacts",
  "webhook_endpoints",
  "agreements",
  "agreement_parties",
  "agreement_subprocessors",
  "agreement_versions",
  "joint_arrangements",
  "obligations",
  "recurring_duties",
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
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

export type BundleRows = { [T in BundleTable]: Record<string, unknown>[] };

const INSERT_CHUNK = 500;

export class ExchangeRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly tenant: string,
  ) {}

  /** Every row of a tenant, as stored. */
  async tenantRows(): Promise<BundleRows> {
    const tenant = this.tenant;
    const rows = {} as BundleRows;
    for (const table of BUNDLE_TABLES) {
      const query = this.db.selectFrom(table).selectAll().where("tenant_id", "=", tenant);
      rows[table] = (await orderedBy(table, query).execute()) as Record<string, unknown>[];
    }
    return rows;
  }

  /**
   * One organisation's share: the agreements it is party to with their parties, sub-processors and versions, the
   * obligations it holds or is owed, and the organisations these name.
   */
  async organisationRows(organisationId: string): Promise<BundleRows> {
    const tenant = this.tenant;
    const db = this.db;
    const agreementIds = (
      await db
        .selectFrom("agreement_parties")
        .select("agreement_id")
        .where("tenant_id", "=", tenant)
        .where("organisation_id", "=", organisationId)
        .execute()
    ).map((r) => r.agreement_id);
    // biome-ignore lint/suspicious/noExplicitAny: the same query over four tables that share these columns
    const loose = db as unknown as Kysely<any>;
    const inAgreements = (
      table: BundleTable,
      column: "id" | "agreement_id",
    ): Promise<Record<string, unknown>[]> =>
      agreementIds.length === 0
        ? Promise.resolve([])
        : orderedBy(
            table,
            loose
              .selectFrom(table)
              .selectAll()
              .where("tenant_id", "=", tenant)
              .where(column, "in", agreementIds),
          ).execute();
    const agreements = await inAgreements("agreements", "id");
    const parties = await inAgreements("agreement_parties", "agreement_id");
    const subprocessors = await inAgreements("agreement_subprocessors", "agreement_id");
    const versions = await inAgreements("agreement_versions", "agreement_id");
    const obligations = await orderedBy(
      "obligations",
      db
        .selectFrom("obligations")
        .selectAll()
        .where("tenant_id", "=", tenant)
        .where((eb) =>
          eb.or([eb("holder_id", "=", organisationId), eb("counterparty_id", "=", organisationId)]),
        ),
    ).execute();
    const breachRows = await this.breachRows(organisationId);
    const organisationIds = new Set<string>([organisationId]);
    for (const p of parties as { organisation_id: string }[]) organisationIds.add(p.organisation_id);
    for (const o of obligations) {
      organisationIds.add(o.holder_id);
      if (o.counterparty_id) organisationIds.add(o.counterparty_id);
    }
    for (const b of breachRows.breaches) organisationIds.add(b.recorded_by);
    for (const n of breachRows.breach_notifications) organisationIds.add(n.controller_id);
    for (const r of breachRows.data_subject_requests) {
      organisationIds.add(r.controller_id);
      if (r.processor_id) organisationIds.add(r.processor_id);
    }
    const organisations = await db
      .selectFrom("organisations")
      .selectAll()
      .where("tenant_id", "=", tenant)
      .where("id", "in", [...organisationIds])
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    // The contacts of the organisations it names travel; webhook endpoints and their secrets stay home (a share
    // goes to another party; a whole-tenant bundle carries them).
    const contacts = await db
      .selectFrom("organisation_contacts")
      .selectAll()
      .where("tenant_id", "=", tenant)
      .where("organisation_id", "in", [...organisationIds])
      .orderBy("organisation_id")
      .execute();
    return {
      organisations,
      organisation_contacts: contacts,
      webhook_endpoints: [],
      agreements,
      agreement_parties: parties,
      agreement_subprocessors: subprocessors,
      agreement_versions: versions,
      obligations,
      ...breachRows,
      ...(await this.workflowRows(organisationId, agreementIds)),
    } as unknown as BundleRows;
  }

  /**
   * An organisation's breaches and requests: those it recorded or was notified of, the notices it sent or received,
   * its own register entries, and the requests it holds as controller or processor.
   */
  private async breachRows(organisationId: string) {
    const tenant = this.tenant;
    const db = this.db;
    const breaches = await db
      .selectFrom("breaches")
      .selectAll()
      .where("tenant_id", "=", tenant)
      .where((eb) =>
        eb.or([
          eb("recorded_by", "=", organisationId),
          eb(
            "id",
            "in",
            eb
              .selectFrom("breach_notifications")
              .select("breach_id")
              .where("tenant_id", "=", tenant)
              .where("controller_id", "=", organisationId),
          ),
        ]),
      )
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const own = new Set(breaches.filter((b) => b.recorded_by === organisationId).map((b) => b.id));
    const ids = breaches.map((b) => b.id);
    const inBreaches = async <
      T extends "breach_notices" | "breach_notifications" | "breach_register_entries",
    >(
      table: T,
    ) =>
      ids.length === 0
        ? []
        : ((await (db as unknown as Kysely<Database>)
            .selectFrom(table as "breach_notices")
            .selectAll()
            .where("tenant_id", "=", tenant)
            .where("breach_id", "in", ids)
            .orderBy("created_at")
            .orderBy("id")
            .execute()) as unknown as Database[T][]);
    const notices = (await inBreaches("breach_notices")).filter(
      (n) => own.has(n.breach_id) || n.sender_id === organisationId || n.recipient === organisationId,
    );
    const notifications = (await inBreaches("breach_notifications")).filter(
      (n) => own.has(n.breach_id) || n.controller_id === organisationId,
    );
    const entries = (await inBreaches("breach_register_entries")).filter(
      (e) => e.keeper_id === organisationId,
    );
    const requests = await db
      .selectFrom("data_subject_requests")
      .selectAll()
      .where("tenant_id", "=", tenant)
      .where((eb) =>
        eb.or([eb("controller_id", "=", organisationId), eb("processor_id", "=", organisationId)]),
      )
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return {
      breaches,
      breach_notices: notices,
      breach_notifications: notifications,
      breach_register_entries: entries,
      data_subject_requests: requests,
    };
  }

  /**
   * Sub-processor changes, audits, instructions and the end of the service under the organisation's agreements;
   * a change is carried when the organisation announced it or one of its agreements has a window on it.
   */
  private async workflowRows(organisationId: string, agreementIds: readonly string[]) {
    const tenant = this.tenant;
    // biome-ignore lint/suspicious/noExplicitAny: the same query over tables that share these columns
    const loose = this.db as unknown as Kysely<any>;
    const inAgreements = async (table: string): Promise<Record<string, unknown>[]> => {
      const found: Record<string, unknown>[] = [];
      for (let i = 0; i < agreementIds.length; i += INSERT_CHUNK) {
        found.push(
          ...(await loose
            .selectFrom(table)
            .selectAll()
            .where("tenant_id", "=", tenant)
            .where("agreement_id", "in", agreementIds.slice(i, i + INSERT_CHUNK))
            .execute()),
        );
      }
      return found.sort(
        (a, b) => Number(a.created_at) - Number(b.created_at) || (String(a.id) < String(b.id) ? -1 : 1),
      );
    };
    const windows = await inAgreements("subprocessor_windows");
    const changeIds = new Set(windows.map((w) => String(w.change_id)));
    const changes = (
      await this.db
        .selectFrom("subprocessor_changes")
        .selectAll()
        .where("tenant_id", "=", tenant)
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    ).filter((c) => c.processor_id === organisationId || changeIds.has(c.id));
    return {
      subprocessor_changes: changes,
      subprocessor_windows: windows,
      subprocessor_responses: await inAgreements("subprocessor_responses"),
      subprocessor_uses: await inAgreements("subprocessor_uses"),
      audits: await inAgreements("audits"),
      audit_findings: await inAgreements("audit_findings"),
      instructions: await inAgreements("instructions"),
      terminations: await inAgreements("terminations"),
      retention_exceptions: await inAgreements("retention_exceptions"),
      recurring_duties: await inAgreements("recurring_duties"),
      joint_arrangements: await inAgreements("joint_arrangements"),
      certificates: await inAgreements("certificates"),
    };
  }

  /**
   * Ids of the bundle's rows that already exist in this tenant (an import must not overwrite). Another tenant's
   * rows are not looked at: naming them would tell this tenant what another one holds.
   */
  async existingIds(rows: BundleRows): Promise<string[]> {
    const found: string[] = [];
    for (const table of [
      "organisations",
      "webhook_endpoints",
      "agreements",
      "obligations",
      "agreement_subprocessors",
      "joint_arrangements",
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
    ] as const) {
      const ids = rows[table].map((r) => String(r.id));
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        const chunk = ids.slice(i, i + INSERT_CHUNK);
        const hits = await this.db
          .selectFrom(table)
          .select("id")
          .where("tenant_id", "=", this.tenant)
          .where("id", "in", chunk)
          .execute();
        found.push(...hits.map((h) => h.id));
      }
    }
    return found;
  }

  /** Inserts rows as given, each moved into this repository's tenant; the database checks their columns. */
  async insertRows(rows: BundleRows): Promise<void> {
    const loose = this.db as unknown as Kysely<Record<BundleTable, Record<string, unknown>>>;
    for (const table of BUNDLE_TABLES) {
      const list = rows[table].map((r) => ({ ...r, tenant_id: this.tenant }));
      for (let i = 0; i < list.length; i += INSERT_CHUNK) {
        await loose
          .insertInto(table)
          .values(list.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    }
  }

  /** The whole journal chain of a tenant. */
  async journal(): Promise<ChainLink[]> {
    const links: ChainLink[] = [];
    for await (const page of new JournalRepository(this.db, this.engine).stream(this.tenant))
      links.push(...page);
    return links;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a select of any bundle table
function orderedBy<Q extends { orderBy: (...args: any[]) => any }>(table: BundleTable, query: Q): Q {
  switch (table) {
    case "agreement_parties":
    case "agreement_subprocessors":
      return query.orderBy("agreement_id").orderBy("position");
    case "agreement_versions":
      return query.orderBy("agreement_id").orderBy("version");
    case "organisation_contacts":
      return query.orderBy("organisation_id");
    default:
      return query.orderBy("created_at").orderBy("id");
  }
}
