// Lookups by key within a tenant. Without planner statistics, SQLite prefers any index that begins with tenant_id
// to the primary key for a long IN list, and then walks every row of the tenant. Written as an expression, the
// tenant test stays a filter on the rows the key finds (PostgreSQL plans from its own statistics either way).

import { type RawBuilder, sql } from "kysely";

/** The tenant column as an expression no index can serve: compare it with `=` to the repository's tenant. */
export function tenantOfKeyedRow(column = "tenant_id"): RawBuilder<string> {
  return sql<string>`${sql.ref(column)} || ''`;
}
