// Migration 0020: the people who act in a tenant (users) and what each may do (grants: an organisation with a role, or
// one agreement read-only until an instant, for an auditor).

import type { Kysely, Migration } from "kysely";

export const usersAndGrants: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addUniqueConstraint("users_tenant_email", ["tenant_id", "email"])
      .execute();
    await db.schema
      .createTable("user_grants")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("organisation_id", "text", (c) => c.references("organisations.id"))
      .addColumn("role", "text")
      .addColumn("agreement_id", "text", (c) => c.references("agreements.id"))
      .addColumn("until", "bigint")
      .addColumn("granted_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("user_grants_user")
      .on("user_grants")
      .columns(["tenant_id", "user_id"])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("user_grants").execute();
    await db.schema.dropTable("users").execute();
  },
};
