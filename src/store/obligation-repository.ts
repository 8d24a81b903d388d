// Obligations of one tenant: recorded from drafts, closed with evidence, and listed by deadline.

import { type Kysely, type Selectable, sql } from "kysely";
import type { LocalizedText } from "../domain/error.js";
import type { DueBasis, ObligationStatus } from "../domain/obligation.js";
import type { Evidence, Obligation } from "../domain/obligation-record.js";
import { insertMany } from "./bulk-insert.js";
import type { Engine } from "./engine.js";
import { tenantOfKeyedRow } from "./key-lookup.js";
import type { Database, ObligationsTable } from "./schema.js";

export function obligationToRow(o: Obligation): ObligationsTable {
  return {
    id: o.id,
    tenant_id: o.tenant,
    kind: o.kind,
    holder_id: o.holderId,
    counterparty_id: o.counterpartyId,
    agreement_id: o.agreementId,
    trigger_type: o.trigger.type,
    trigger_id: o.trigger.id,
    trigger_at: o.trigger.at,
    due: o.due,
    basis: JSON.stringify(o.basis),
    what_fr: o.what.fr,
    what_en: o.what.en,
    status: o.status,
    evidence: o.evidence ? JSON.stringify(o.evidence) : null,
    created_at: o.createdAt,
    closed_at: o.closedAt,
  };
}

export function obligationFromRow(r: Selectable<ObligationsTable>): Obligation {
  const what: LocalizedText = { fr: r.what_fr, en: r.what_en };
  return {
    id: r.id,
    tenant: r.tenant_id,
    kind: r.kind,
    holderId: r.holder_id,
    counterpartyId: r.counterparty_id,
    agreementId: r.agreement_id,
    trigger: { type: r.trigger_type, id: r.trigger_id, at: r.trigger_at },
    due: r.due,
    basis: JSON.parse(r.basis) as DueBasis,
    what,
    status: r.status as ObligationStatus,
    evidence: r.evidence ? (JSON.parse(r.evidence) as Evidence) : null,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

// Must read exactly as in the partial indexes' WHERE clause, so both planners use them.
const PENDING = sql<boolean>`status in ('open', 'late')`;

// Ids one UPDATE … IN (…) names, well under SQLite's 32,766 bound variables.
const IN_CHUNK = 1_500;

export interface DueQuery {
  /** Only obligations due strictly before this instant. */
  readonly before?: number;
  /** Only obligations this organisation holds… */
  readonly holderId?: string;
  /** …or, with `alsoOwedTo`, those owed to it as well. */
  readonly alsoOwedTo?: boolean;
  readonly limit?: number;
}

export class ObligationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
    private readonly engine: Engine = "sqlite",
  ) {}

  async insert(obligations: readonly Obligation[]): Promise<void> {
    await insertMany(this.db, this.engine, "obligations", obligations.map(obligationToRow));
  }

  async byId(id: string): Promise<Obligation | undefined> {
    const row = await this.db
      .selectFrom("obligations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? obligationFromRow(row) : undefined;
  }

  async saveClosure(obligation: Obligation): Promise<void> {
    await this.db
      .updateTable("obligations")
      .set({
        status: obligation.status,
        evidence: obligation.evidence ? JSON.stringify(obligation.evidence) : null,
        closed_at: obligation.closedAt,
      })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", obligation.id)
      .execute();
  }

  /** Closes many obligations with the same outcome and evidence in one statement per chunk (a fan-out's notices). */
  async saveClosures(
    ids: readonly string[],
    status: ObligationStatus,
    evidence: Evidence,
    closedAt: number,
  ): Promise<void> {
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      await this.db
        .updateTable("obligations")
        .set({ status, evidence: JSON.stringify(evidence), closed_at: closedAt })
        .where("id", "in", ids.slice(i, i + IN_CHUNK))
        .where(tenantOfKeyedRow(), "=", this.tenant)
        .execute();
    }
  }

  /** Pending (open or late) obligations by due instant: one range scan of a partial index. */
  async due(query: DueQuery = {}): Promise<Obligation[]> {
    const held = await this.pending("holder_id", query);
    if (!query.alsoOwedTo || query.holderId === undefined) return held.map(obligationFromRow);
    // Two index range scans merged here, rather than an OR that would defeat both partial indexes.
    const owed = (await this.pending("counterparty_id", query)).filter((r) => r.holder_id !== query.holderId);
    const merged = [...held, ...owed].sort(
      (a, b) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return (query.limit !== undefined ? merged.slice(0, query.limit) : merged).map(obligationFromRow);
  }

  private async pending(column: "holder_id" | "counterparty_id", query: DueQuery) {
    let q = this.db.selectFrom("obligations").selectAll().where("tenant_id", "=", this.tenant).where(PENDING);
    if (query.holderId !== undefined) q = q.where(column, "=", query.holderId);
    if (query.before !== undefined) q = q.where("due", "<", query.before);
    q = q.orderBy("due").orderBy("id");
    if (query.limit !== undefined) q = q.limit(query.limit);
    return q.execute();
  }

  async forAgreement(agreementId: string): Promise<Obligation[]> {
    const rows = await this.db
      .selectFrom("obligations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .orderBy("due")
      .execute();
    return rows.map(obligationFromRow);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("obligations")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("tenant_id", "=", this.tenant)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
