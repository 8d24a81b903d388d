// Lookups by key within a tenant, by whole keys or by the first characters of an id.
//
// Without planner statistics, SQLite prefers any index that begins with tenant_id to the primary key for a long IN
// list, and then walks every row of the tenant. Written as an expression, the tenant test stays a filter on the rows
// the key finds (PostgreSQL plans from its own statistics either way).

import { type Kysely, type RawBuilder, type Selectable, type SqlBool, sql } from "kysely";
import type { Database } from "./schema.js";

/** The tenant column as an expression no index can serve: compare it with `=` to the repository's tenant. */
export function tenantOfKeyedRow(column = "tenant_id"): RawBuilder<string> {
  return sql<string>`${sql.ref(column)} || ''`;
}

/**
 * Rows whose id begins with what a person typed (the CLI takes an id's first characters). An equal leading text, not
 * the range `id >= p AND id < p || '\uffff'`: under a PostgreSQL collation that weighs no punctuation, the range
 * finds 0193a2b45… for 0193a2b4-5 (and where U+FFFF sorts is the collation's choice too).
 */
export function idStartsWith(prefix: string, column = "id"): RawBuilder<SqlBool> {
  return sql<SqlBool>`substr(${sql.ref(column)}, 1, ${[...prefix].length}) = ${prefix}`;
}

/** The tables whose rows a person names by id, within a tenant. */
type NamedTable = {
  [T in keyof Database]: Database[T] extends { id: string; tenant_id: string } ? T : never;
}[keyof Database];

/** One row of `table` in `tenant` by its whole id. */
export async function rowById<T extends NamedTable>(
  db: Kysely<Database>,
  table: T,
  tenant: string,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  // biome-ignore lint/suspicious/noExplicitAny: one query over every table that has these two columns
  const loose = db as unknown as Kysely<any>;
  const row = await loose
    .selectFrom(table)
    .selectAll()
    .where("tenant_id", "=", tenant)
    .where("id", "=", id)
    .executeTakeFirst();
  return row as Selectable<Database[T]> | undefined;
}

/** At most `limit` rows of `table` in `tenant` whose id begins with `prefix`, by id. */
export async function rowsByIdPrefix<T extends NamedTable>(
  db: Kysely<Database>,
  table: T,
  tenant: string,
  prefix: string,
  limit: number,
): Promise<Selectable<Database[T]>[]> {
  // biome-ignore lint/suspicious/noExplicitAny: one query over every table that has these two columns
  const loose = db as unknown as Kysely<any>;
  const rows = await loose
    .selectFrom(table)
    .selectAll()
    .where("tenant_id", "=", tenant)
    .where(idStartsWith(prefix))
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows as Selectable<Database[T]>[];
}
