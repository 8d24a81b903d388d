// The plainest way to write rows a use case wrote: the same rows, inserted raw into bare copies of their tables
// (no trigger, no index beyond none, no domain code), in chunks inside one transaction. A bench's limit.

import { sql } from "kysely";
import type { Register } from "../src/app/register/open-register.js";

/**
 * Copies `rows` per table into `<table>_plain` (created empty, same columns) and returns the ms it took; with
 * `transactionRows`, a transaction per that many rows of each table (as the use case committed them).
 */
export async function plainInsertMs(
  register: Register,
  rows: ReadonlyMap<string, readonly Record<string, unknown>[]>,
  { chunk = 1_000, transactionRows = Number.POSITIVE_INFINITY } = {},
): Promise<number> {
  const { db } = register.store;
  for (const table of rows.keys()) {
    await sql`DROP TABLE IF EXISTS ${sql.id(`${table}_plain`)}`.execute(db);
    await sql`CREATE TABLE ${sql.id(`${table}_plain`)} AS SELECT * FROM ${sql.id(table)} WHERE 1 = 0`.execute(
      db,
    );
  }
  const started = performance.now();
  for (const [table, list] of rows) {
    if (list.length === 0) continue;
    const columns = Object.keys(list[0] as object);
    // SQLite binds at most 32,766 values a statement.
    const step = Math.max(1, Math.min(chunk, Math.floor(30_000 / columns.length)));
    const perTransaction = Math.min(list.length, transactionRows);
    for (let from = 0; from < list.length; from += perTransaction) {
      const part = list.slice(from, from + perTransaction);
      await register.store.transaction(async (trx) => {
        for (let i = 0; i < part.length; i += step) {
          const values = part.slice(i, i + step).map(
            (row) =>
              sql`(${sql.join(
                columns.map((c) => sql`${row[c]}`),
                sql`, `,
              )})`,
          );
          await sql`INSERT INTO ${sql.id(`${table}_plain`)} (${sql.join(columns.map((c) => sql.id(c)))}) VALUES ${sql.join(values)}`.execute(
            trx,
          );
        }
      });
    }
  }
  return performance.now() - started;
}

/** Every row of a table in a tenant, as stored. */
export async function rowsOf(
  register: Register,
  table: string,
  tenant: string,
): Promise<Record<string, unknown>[]> {
  const result = await sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.id(table)} WHERE tenant_id = ${tenant}`.execute(register.store.db);
  return result.rows;
}
