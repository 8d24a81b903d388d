// Migration 0014: the worker looks, between batches and across tenants, for objection windows whose end has come;
// an index led by status and closing instant answers that without reading every tenant's windows.

import type { Kysely, Migration } from "kysely";

export const windowsToSettle: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex("subprocessor_windows_to_settle")
      .on("subprocessor_windows")
      .columns(["status", "closes_at", "tenant_id"])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex("subprocessor_windows_to_settle").execute();
  },
};
