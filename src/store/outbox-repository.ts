// The outbox of one tenant: messages enqueued in the transaction of the change they announce, sent after commit.

import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { type OutboxMessage, outboxMessageSchema } from "../domain/outbox-message.js";
import { insertMany } from "./bulk-insert.js";
import type { Engine } from "./engine.js";
import type { Database, OutboxTable } from "./schema.js";

export type OutboxStatus = "pending" | "claimed" | "sent" | "dead";

export interface NewOutboxMessage {
  /** What it is about, e.g. "breach.notice" or "obligation.reminder". */
  readonly kind: string;
  readonly message: OutboxMessage;
  /**
   * The idempotency key, when the caller can name the message for good (a reminder: obligation and point), so
   * enqueuing it twice keeps one; a random UUID otherwise. Letters, digits and . _ : - only, at most 200.
   */
  readonly id?: string;
  /** Not sent before this instant (default: at once). */
  readonly notBefore?: number;
}

export interface OutboxEntry {
  readonly id: string;
  readonly tenant: string;
  readonly kind: string;
  readonly message: OutboxMessage;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly notBefore: number;
  readonly claimedBy: string | null;
  readonly claimedUntil: number | null;
  readonly sentAt: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export function outboxFromRow(r: Selectable<OutboxTable>): OutboxEntry {
  return {
    id: r.id,
    tenant: r.tenant_id,
    kind: r.kind,
    message: JSON.parse(r.message) as OutboxMessage,
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    notBefore: Number(r.not_before),
    claimedBy: r.claimed_by,
    claimedUntil: r.claimed_until === null ? null : Number(r.claimed_until),
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
    lastError: r.last_error,
    createdAt: Number(r.created_at),
  };
}

export class OutboxRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly tenant: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Adds messages to the outbox within the caller's transaction: they go out only if it commits. A message whose
   * id is already there is kept as it was (enqueuing is idempotent). Returns the ids, in order.
   */
  async enqueue(items: NewOutboxMessage | readonly NewOutboxMessage[]): Promise<string[]> {
    const list = Array.isArray(items) ? (items as readonly NewOutboxMessage[]) : [items as NewOutboxMessage];
    const createdAt = this.now();
    const rows: OutboxTable[] = list.map((item) => {
      const id = item.id ?? randomUUID();
      if (!KEY.test(id)) throw new Error(`outbox: "${id}" cannot be an idempotency key`);
      // Checked here, in the transaction that enqueues, so a malformed message fails its use case, not the worker.
      const message = outboxMessageSchema.parse(item.message);
      return {
        id,
        tenant_id: this.tenant,
        kind: item.kind,
        channel: message.channel,
        message: JSON.stringify(message),
        status: "pending",
        attempts: 0,
        not_before: item.notBefore ?? createdAt,
        claimed_by: null,
        claimed_until: null,
        sent_at: null,
        last_error: null,
        created_at: createdAt,
      };
    });
    await insertMany(this.db, this.engine, "outbox", rows, { skipExisting: "id" });
    return rows.map((r) => r.id);
  }

  async byId(id: string): Promise<OutboxEntry | undefined> {
    const row = await this.db
      .selectFrom("outbox")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? outboxFromRow(row) : undefined;
  }

  /** The tenant's messages, newest first, optionally of one status. */
  async list(
    options: { readonly status?: OutboxStatus; readonly limit?: number } = {},
  ): Promise<OutboxEntry[]> {
    let query = this.db
      .selectFrom("outbox")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(options.limit ?? 100);
    if (options.status) query = query.where("status", "=", options.status);
    return (await query.execute()).map(outboxFromRow);
  }

  /** How many messages the tenant has in each status. */
  async counts(): Promise<Record<OutboxStatus, number>> {
    const rows = await this.db
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll<number | string>().as("n")])
      .where("tenant_id", "=", this.tenant)
      .groupBy("status")
      .execute();
    const counts: Record<OutboxStatus, number> = { pending: 0, claimed: 0, sent: 0, dead: 0 };
    for (const r of rows) counts[r.status as OutboxStatus] = Number(r.n);
    return counts;
  }

  /** Puts a dead message back to wait, its attempts counted afresh; false when it is not dead. */
  async revive(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable("outbox")
      .set({ status: "pending", attempts: 0, not_before: at, last_error: null })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .where("status", "=", "dead")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
