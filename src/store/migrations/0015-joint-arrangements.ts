// Migration 0015: what ties an agreement to a school ENT (GDPR Art. 26): a joint-controller convention's allocation
// of duties and the schools it covers, or a processor agreement's ENT and the party that signed it for all.

import type { Kysely, Migration } from "kysely";

export const jointArrangements: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("joint_arrangements")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().unique().references("agreements.id"))
      .addColumn("ent", "text", (c) => c.notNull())
      .addColumn("ent_key", "text", (c) => c.notNull())
      .addColumn("model", "integer")
      .addColumn("allocation", "text", (c) => c.notNull())
      .addColumn("schools", "text", (c) => c.notNull())
      .addColumn("signed_for_all_by", "text", (c) => c.references("organisations.id"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("joint_arrangements_ent")
      .on("joint_arrangements")
      .columns(["tenant_id", "ent_key"])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("joint_arrangements").execute();
  },
};
