// Lookups by key within a tenant, by whole keys or by the first characters of an id.
//
// Without planner statistics, SQLite prefers any index that begins with tenant_id to the primary key for a long IN
// list, and then walks every row of the tenant. Written as an expression, the tenant test stays a filter on the rows
// the key finds (PostgreSQL plans from its own statistics either way).

import { type RawBuilder, type SqlBool, sql } from "kysely";

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
