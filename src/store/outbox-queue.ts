// The worker's side of the outbox, across tenants: claim a batch under a lease, then mark each message sent,
// rescheduled or dead. PostgreSQL workers claim concurrently with FOR UPDATE SKIP LOCKED; SQLite has one writer.

import type { Kysely } from "kysely";
import type { Engine } from "./engine.js";
import { type OutboxEntry, outboxFromRow } from "./outbox-repository.js";
import type { Database } from "./schema.js";

export interface ClaimRequest {
  /** Who claims: a worker id, written on the rows so only its claim can settle them. */
  readonly worker: string;
  readonly now: number;
  /** How long the claim holds; past it, a message not settled is claimable again (its worker died). */
  readonly leaseMs: number;
  readonly limit: number;
}

/** A webhook endpoint as the worker needs it to sign and send. */
export interface EndpointSecret {
  readonly url: string;
  readonly secret: string;
}

export class OutboxQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /**
   * Claims up to `limit` messages due now: waiting ones, and claimed ones whose lease ran out. Run it in a
   * transaction: on PostgreSQL the rows are locked with SKIP LOCKED, so concurrent workers take disjoint batches
   * without waiting; on SQLite the transaction holds the single write lock (BEGIN IMMEDIATE). Each claim counts
   * as an attempt, so a message that kills its worker every time still ends dead.
   */
  async claim(request: ClaimRequest): Promise<OutboxEntry[]> {
    const { now, worker, leaseMs, limit } = request;
    let candidates = this.db
      .selectFrom("outbox")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("not_before", "<=", now)]),
          eb.and([eb("status", "=", "claimed"), eb("claimed_until", "<=", now)]),
        ]),
      )
      .orderBy("not_before")
      .orderBy("id")
      .limit(limit);
    if (this.engine === "postgres") candidates = candidates.forUpdate().skipLocked();
    const ids = (await candidates.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable("outbox")
      .set((eb) => ({
        status: "claimed",
        claimed_by: worker,
        claimed_until: now + leaseMs,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "in", ids)
      .returningAll()
      .execute();
    return rows.map(outboxFromRow).sort((a, b) => a.notBefore - b.notBefore || (a.id < b.id ? -1 : 1));
  }

  /** Marks a message sent; false when this worker's claim was lost (its lease ran out and another took it). */
  async markSent(id: string, worker: string, at: number): Promise<boolean> {
    return this.settle(id, worker, { status: "sent", sent_at: at, last_error: null });
  }

  /** Puts a message back to wait until `notBefore`, with the reason it failed. */
  async reschedule(id: string, worker: string, notBefore: number, error: string): Promise<boolean> {
    return this.settle(id, worker, { status: "pending", not_before: notBefore, last_error: error });
  }

  /** Gives a message up: it stays in the outbox, dead, with the reason, for a person to look at. */
  async markDead(id: string, worker: string, error: string): Promise<boolean> {
    return this.settle(id, worker, { status: "dead", last_error: error });
  }

  /**
   * Hands back messages this worker claimed but did not try (it is stopping, or their lease ran short): waiting
   * again at once, the claim's attempt not counted.
   */
  async release(ids: readonly string[], worker: string): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db
      .updateTable("outbox")
      .set((eb) => ({
        status: "pending",
        claimed_by: null,
        claimed_until: null,
        attempts: eb("attempts", "-", 1),
      }))
      .where("id", "in", [...ids])
      .where("status", "=", "claimed")
      .where("claimed_by", "=", worker)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private async settle(
    id: string,
    worker: string,
    changes: { status: string; sent_at?: number; not_before?: number; last_error: string | null },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable("outbox")
      .set({ ...changes, claimed_by: null, claimed_until: null })
      .where("id", "=", id)
      .where("status", "=", "claimed")
      .where("claimed_by", "=", worker)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The URL and secret of webhook endpoints, by `${tenant}/${id}`; removed endpoints are absent. */
  async endpointSecrets(
    keys: readonly { readonly tenant: string; readonly id: string }[],
  ): Promise<Map<string, EndpointSecret>> {
    const found = new Map<string, EndpointSecret>();
    if (keys.length === 0) return found;
    const rows = await this.db
      .selectFrom("webhook_endpoints")
      .select(["id", "tenant_id", "url", "secret"])
      .where("id", "in", [...new Set(keys.map((k) => k.id))])
      .where("removed_at", "is", null)
      .execute();
    const wanted = new Set(keys.map((k) => `${k.tenant}/${k.id}`));
    for (const r of rows) {
      const key = `${r.tenant_id}/${r.id}`;
      // An endpoint serves only its own tenant's messages.
      if (wanted.has(key)) found.set(key, { url: r.url, secret: r.secret });
    }
    return found;
  }

  /** Messages in each status, all tenants together (for the worker's summary and the tests). */
  async counts(): Promise<Record<"pending" | "claimed" | "sent" | "dead", number>> {
    const rows = await this.db
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll<number | string>().as("n")])
      .groupBy("status")
      .execute();
    const counts = { pending: 0, claimed: 0, sent: 0, dead: 0 };
    for (const r of rows) counts[r.status as keyof typeof counts] = Number(r.n);
    return counts;
  }

  /** When the next waiting message may go, or null when none waits. */
  async nextDue(): Promise<number | null> {
    const row = await this.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.min("not_before").as("at"))
      .where("status", "=", "pending")
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? null : Number(row.at);
  }
}
