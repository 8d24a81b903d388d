// The ties of one tenant's agreements to school ENTs: conventions' allocations and processor agreements' ENT.

import type { Kysely, Selectable } from "kysely";
import {
  type AllocationEntry,
  entKey,
  type JointArrangement,
  type KitModel,
} from "../domain/joint-allocation.js";
import type { Database, JointArrangementsTable } from "./schema.js";

function fromRow(r: Selectable<JointArrangementsTable>): JointArrangement {
  return {
    agreementId: r.agreement_id,
    ent: r.ent,
    model: r.model === null ? null : (Number(r.model) as KitModel),
    allocation: JSON.parse(r.allocation) as AllocationEntry[],
    schools: JSON.parse(r.schools) as string[],
    signedForAllBy: r.signed_for_all_by,
  };
}

export class JointArrangementRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  /** Records or replaces the arrangement of an agreement. */
  async save(arrangement: JointArrangement, now: number): Promise<void> {
    const values = {
      ent: arrangement.ent,
      ent_key: entKey(arrangement.ent),
      model: arrangement.model,
      allocation: JSON.stringify(arrangement.allocation),
      schools: JSON.stringify(arrangement.schools),
      signed_for_all_by: arrangement.signedForAllBy,
      updated_at: now,
    };
    const updated = await this.db
      .updateTable("joint_arrangements")
      .set(values)
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", arrangement.agreementId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return;
    await this.db
      .insertInto("joint_arrangements")
      .values({
        id: arrangement.agreementId,
        tenant_id: this.tenant,
        agreement_id: arrangement.agreementId,
        ...values,
        created_at: now,
      })
      .execute();
  }

  async byAgreement(agreementId: string): Promise<JointArrangement | undefined> {
    const row = await this.db
      .selectFrom("joint_arrangements")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Every agreement tied to the ENT of this name, oldest first. */
  async byEnt(ent: string): Promise<JointArrangement[]> {
    const rows = await this.db
      .selectFrom("joint_arrangements")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("ent_key", "=", entKey(ent))
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }

  /** The arrangements of these agreements, by agreement id. */
  async byAgreements(agreementIds: readonly string[]): Promise<Map<string, JointArrangement>> {
    const found = new Map<string, JointArrangement>();
    for (let i = 0; i < agreementIds.length; i += 500) {
      const chunk = agreementIds.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.db
        .selectFrom("joint_arrangements")
        .selectAll()
        .where("tenant_id", "=", this.tenant)
        .where("agreement_id", "in", chunk)
        .execute();
      for (const row of rows) found.set(row.agreement_id, fromRow(row));
    }
    return found;
  }
}
