// Migration 0013: duties that come back on a schedule set per agreement (reviews of security measures, of the
// processing list and of access rights; sub-processor audits), each occurrence an obligation of its own.

import type { Kysely, Migration } from "kysely";

export const recurringDuties: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("recurring_duties")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("holder_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("counterparty_id", "text", (c) => c.references("organisations.id"))
      .addColumn("starts_at", "bigint", (c) => c.notNull())
      .addColumn("every_amount", "integer", (c) => c.notNull())
      .addColumn("every_unit", "text", (c) => c.notNull())
      .addColumn("ended_at", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("recurring_duties_agreement")
      .on("recurring_duties")
      .columns(["tenant_id", "agreement_id"])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("recurring_duties").execute();
  },
};
