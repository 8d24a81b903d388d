// Across tenants: which ones have sub-processor objection windows whose end has come, for the worker's sweep.

import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** Tenants with at least one window still open at or after its closing instant. */
export async function tenantsWithWindowsToSettle(db: Kysely<Database>, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom("subprocessor_windows")
    .select("tenant_id")
    .distinct()
    .where("status", "=", "open")
    .where("closes_at", "<=", now)
    .orderBy("tenant_id")
    .execute();
  return rows.map((row) => row.tenant_id);
}
