// Migration 0002: pending obligations by counterparty, so an organisation sees what is owed to it as fast as
// what it owes.

import { type Kysely, type Migration, sql } from "kysely";

export const obligationsByCounterparty: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex("obligations_pending_by_counterparty")
      .on("obligations")
      .columns(["tenant_id", "counterparty_id", "due"])
      .where(sql<boolean>`status in ('open', 'late')`)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex("obligations_pending_by_counterparty").execute();
  },
};
