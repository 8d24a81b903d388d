// The recurring duties set on one tenant's agreements: what comes back, for whom, from when and how often.

import type { Kysely, Selectable } from "kysely";
import type { FixedDuration } from "../domain/duration.js";
import type { RecurringDuty, RecurringDutyKind } from "../domain/recurring-duty.js";
import { rowById, rowsByIdPrefix } from "./key-lookup.js";
import type { Database, RecurringDutiesTable } from "./schema.js";

export interface StoredRecurringDuty extends RecurringDuty {
  /** When it was stopped (the service ended, the parties agreed otherwise); null while it runs. */
  readonly endedAt: number | null;
}

function fromRow(r: Selectable<RecurringDutiesTable>): StoredRecurringDuty {
  return {
    id: r.id,
    kind: r.kind as RecurringDutyKind,
    agreementId: r.agreement_id,
    holderId: r.holder_id,
    counterpartyId: r.counterparty_id,
    startsAt: r.starts_at,
    every: { amount: r.every_amount, unit: r.every_unit as FixedDuration["unit"] },
    endedAt: r.ended_at,
  };
}

export class RecurringDutyRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  async insert(duty: StoredRecurringDuty, now: number): Promise<void> {
    await this.db
      .insertInto("recurring_duties")
      .values({
        id: duty.id,
        tenant_id: this.tenant,
        agreement_id: duty.agreementId,
        kind: duty.kind,
        holder_id: duty.holderId,
        counterparty_id: duty.counterpartyId,
        starts_at: duty.startsAt,
        every_amount: duty.every.amount,
        every_unit: duty.every.unit,
        ended_at: duty.endedAt,
        created_at: now,
      })
      .execute();
  }

  async end(id: string, at: number): Promise<void> {
    await this.db
      .updateTable("recurring_duties")
      .set({ ended_at: at })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .execute();
  }

  async byId(id: string): Promise<StoredRecurringDuty | undefined> {
    const row = await rowById(this.db, "recurring_duties", this.tenant, id);
    return row ? fromRow(row) : undefined;
  }

  async byIdPrefix(prefix: string, limit = 2): Promise<StoredRecurringDuty[]> {
    return (await rowsByIdPrefix(this.db, "recurring_duties", this.tenant, prefix, limit)).map(fromRow);
  }

  /** The duties set on these agreements (every agreement's when none is given), oldest first. */
  async list(agreementId?: string): Promise<StoredRecurringDuty[]> {
    let query = this.db.selectFrom("recurring_duties").selectAll().where("tenant_id", "=", this.tenant);
    if (agreementId !== undefined) query = query.where("agreement_id", "=", agreementId);
    const rows = await query.orderBy("created_at").orderBy("id").execute();
    return rows.map(fromRow);
  }
}
