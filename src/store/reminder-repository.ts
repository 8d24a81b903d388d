// The reminder sweep's view of open obligations, across tenants: those whose next reminder is due, and where
// their schedule stands. PostgreSQL sweeps lock the rows they take (SKIP LOCKED), so two workers never remind twice.

import { type Kysely, sql } from "kysely";
import type { Engine } from "./engine.js";
import type { Database } from "./schema.js";

export interface ReminderCandidate {
  readonly tenant: string;
  readonly obligationId: string;
  readonly holderId: string;
  readonly counterpartyId: string | null;
  readonly agreementId: string | null;
  readonly kind: string;
  readonly due: number;
  readonly what: { readonly fr: string; readonly en: string };
  readonly createdAt: number;
  /** 0 when the sweep has not scheduled it yet. */
  readonly nextReminderAt: number;
  readonly lastReminderAt: number | null;
}

// Must read exactly as in the partial index obligations_next_reminder, so both planners use it.
const SCHEDULED = sql<boolean>`status in ('open', 'late') and next_reminder_at is not null`;

export class ReminderRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /** Open obligations whose next reminder is at or before `now`, earliest first; run it in a transaction. */
  async due(now: number, limit: number): Promise<ReminderCandidate[]> {
    let query = this.db
      .selectFrom("obligations")
      .select([
        "tenant_id",
        "id",
        "holder_id",
        "counterparty_id",
        "agreement_id",
        "kind",
        "due",
        "what_fr",
        "what_en",
        "created_at",
        "next_reminder_at",
        "last_reminder_at",
      ])
      .where(SCHEDULED)
      .where("next_reminder_at", "<=", now)
      .orderBy("next_reminder_at")
      .limit(limit);
    if (this.engine === "postgres") query = query.forUpdate().skipLocked();
    const rows = await query.execute();
    return rows.map((r) => ({
      tenant: r.tenant_id,
      obligationId: r.id,
      holderId: r.holder_id,
      counterpartyId: r.counterparty_id,
      agreementId: r.agreement_id,
      kind: r.kind,
      due: Number(r.due),
      what: { fr: r.what_fr, en: r.what_en },
      createdAt: Number(r.created_at),
      nextReminderAt: Number(r.next_reminder_at ?? 0),
      lastReminderAt:
        r.last_reminder_at === null || r.last_reminder_at === undefined ? null : Number(r.last_reminder_at),
    }));
  }

  /** Records where an obligation's reminders stand: the next one (null: none left) and the last one sent. */
  async schedule(
    tenant: string,
    obligationId: string,
    next: number | null,
    lastSentAt: number | null,
  ): Promise<void> {
    await this.db
      .updateTable("obligations")
      .set({ next_reminder_at: next, last_reminder_at: lastSentAt })
      .where("tenant_id", "=", tenant)
      .where("id", "=", obligationId)
      .execute();
  }
}
