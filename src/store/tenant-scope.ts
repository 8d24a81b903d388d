// The one place a tenant is applied to queries: a repository built on a scope reads, changes and writes only rows of
// its tenant, without a `where tenant_id` of its own.

import type {
  DeleteQueryBuilder,
  DeleteResult,
  Insertable,
  InsertQueryBuilder,
  InsertResult,
  Kysely,
  SelectQueryBuilder,
  UpdateQueryBuilder,
  UpdateResult,
} from "kysely";
import type { Database } from "./schema.js";

/** The tables that hold a tenant's rows. */
export type TenantTable = {
  [T in keyof Database]: Database[T] extends { tenant_id: string } ? T : never;
}[keyof Database];

/** A row to insert, without its tenant: the scope sets it. */
export type TenantRow<T extends TenantTable> = Omit<Insertable<Database[T]>, "tenant_id">;

// biome-ignore lint/suspicious/noExplicitAny: the tenant column is common to every TenantTable, which Kysely cannot see through a generic
type Loose = Kysely<any>;

export class TenantScope {
  constructor(
    readonly db: Kysely<Database>,
    readonly tenant: string,
  ) {}

  // biome-ignore lint/complexity/noBannedTypes: Kysely's own type for a query that selects nothing yet
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    return (this.db as Loose)
      .selectFrom(table as string)
      .where(`${table as string}.tenant_id`, "=", this.tenant) as never;
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    return (this.db as Loose)
      .updateTable(table as string)
      .where(`${table as string}.tenant_id`, "=", this.tenant) as never;
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    return (this.db as Loose)
      .deleteFrom(table as string)
      .where(`${table as string}.tenant_id`, "=", this.tenant) as never;
  }

  insertInto<T extends TenantTable>(
    table: T,
    rows: TenantRow<T> | readonly TenantRow<T>[],
  ): InsertQueryBuilder<Database, T, InsertResult> {
    const list = (Array.isArray(rows) ? rows : [rows]) as readonly TenantRow<T>[];
    return (this.db as Loose)
      .insertInto(table as string)
      .values(list.map((row) => ({ ...row, tenant_id: this.tenant }))) as never;
  }
}
