// Many rows into one table with the fewest statements and no per-cell query building: a fan-out to 10,000
// agreements would otherwise spend more time assembling Kysely's operation tree than SQLite spends writing.
// SQLite gets multi-row VALUES with bound variables (its JSON functions re-parse each row once per column, which is
// slower still); PostgreSQL gets one JSON array parameter unpacked by json_populate_recordset.

import { CompiledQuery, type Insertable, type Kysely } from "kysely";
import type { Engine } from "./engine.js";
import type { Database } from "./schema.js";

// SQLite binds at most 32,766 variables a statement.
const SQLITE_VARIABLES = 32_766;
const SQLITE_MAX_ROWS = 1_000;
// Rows a PostgreSQL statement: bounds one JSON parameter to a few MB.
const POSTGRES_ROWS = 5_000;

export interface BulkInsertOptions {
  /** Skip rows whose value in this unique column is already stored (an idempotent enqueue). */
  readonly skipExisting?: string;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Inserts rows that all carry the same columns (those of the first row); values are strings, numbers or null,
 * as the repositories' row mappers produce them.
 */
export async function insertMany<T extends keyof Database & string>(
  db: Kysely<Database>,
  engine: Engine,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: BulkInsertOptions = {},
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")})`;
  const tail = options.skipExisting ? ` ON CONFLICT (${quote(options.skipExisting)}) DO NOTHING` : "";
  if (engine === "postgres") {
    const list = columns.map(quote).join(", ");
    const text = `${head} SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)${tail}`;
    for (let i = 0; i < rows.length; i += POSTGRES_ROWS) {
      await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows.slice(i, i + POSTGRES_ROWS))]));
    }
    return;
  }
  const perStatement = Math.min(SQLITE_MAX_ROWS, Math.floor(SQLITE_VARIABLES / columns.length));
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  let text = "";
  let textRows = 0;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    if (chunk.length !== textRows) {
      text = `${head} VALUES ${Array.from({ length: chunk.length }, () => tuple).join(", ")}${tail}`;
      textRows = chunk.length;
    }
    const parameters: unknown[] = [];
    for (const row of chunk) {
      const record = row as Record<string, unknown>;
      for (const column of columns) parameters.push(record[column] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
