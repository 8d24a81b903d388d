// Migration 0001: organisations, agreements (parties, sub-processors, versions), obligations and the journal.

import { type Kysely, type Migration, sql } from "kysely";
import type { Engine } from "../engine.js";

export function registerMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("organisations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("tenant_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("roles", "text", (c) => c.notNull())
        .addColumn("uai", "text")
        .addColumn("siren", "text")
        .addColumn("siret", "text")
        .addColumn("bce", "text")
        .addColumn("country", "text", (c) => c.notNull())
        .addColumn("calendar", "text", (c) => c.notNull())
        .addColumn("dpo", "text")
        .addColumn("qualifier_interpretation", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addUniqueConstraint("organisations_tenant_name_key", ["tenant_id", "name_key"])
        .execute();
      await db.schema
        .createIndex("organisations_tenant_uai")
        .on("organisations")
        .columns(["tenant_id", "uai"])
        .execute();

      await db.schema
        .createTable("agreements")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("tenant_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("effective_on", "integer")
        .addColumn("ends_on", "integer")
        .addColumn("terms", "text", (c) => c.notNull())
        .addColumn("provenance", "text", (c) => c.notNull())
        .addColumn("processing", "text", (c) => c.notNull())
        .addColumn("security_measures", "text", (c) => c.notNull())
        .addColumn("source", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("agreements_tenant_created")
        .on("agreements")
        .columns(["tenant_id", "created_at"])
        .execute();

      await db.schema
        .createTable("agreement_parties")
        .addColumn("tenant_id", "text", (c) => c.notNull())
        .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
        .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("agreement_parties_pk", ["agreement_id", "organisation_id", "role"])
        .execute();
      await db.schema
        .createIndex("agreement_parties_organisation")
        .on("agreement_parties")
        .columns(["tenant_id", "organisation_id"])
        .execute();

      await db.schema
        .createTable("agreement_subprocessors")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("tenant_id", "text", (c) => c.notNull())
        .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("siret", "text")
        .addColumn("activity", "text")
        .addColumn("location", "text")
        .addColumn("transfer_mechanism", "text", (c) => c.notNull())
        .addColumn("provenance", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("agreement_subprocessors_agreement")
        .on("agreement_subprocessors")
        .columns(["agreement_id", "position"])
        .execute();

      await db.schema
        .createTable("agreement_versions")
        .addColumn("tenant_id", "text", (c) => c.notNull())
        .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("by", "text", (c) => c.notNull())
        .addColumn("snapshot", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("agreement_versions_pk", ["agreement_id", "version"])
        .execute();

      await db.schema
        .createTable("obligations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("tenant_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("holder_id", "text", (c) => c.notNull().references("organisations.id"))
        .addColumn("counterparty_id", "text", (c) => c.references("organisations.id"))
        .addColumn("agreement_id", "text", (c) => c.references("agreements.id"))
        .addColumn("trigger_type", "text", (c) => c.notNull())
        .addColumn("trigger_id", "text", (c) => c.notNull())
        .addColumn("trigger_at", "bigint", (c) => c.notNull())
        .addColumn("due", "bigint", (c) => c.notNull())
        .addColumn("basis", "text", (c) => c.notNull())
        .addColumn("what_fr", "text", (c) => c.notNull())
        .addColumn("what_en", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("evidence", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("closed_at", "bigint")
        .execute();
      // "What does this organisation owe, by when": partial indexes hold only pending duties, in due order.
      await db.schema
        .createIndex("obligations_pending_by_holder")
        .on("obligations")
        .columns(["tenant_id", "holder_id", "due"])
        .where(sql<boolean>`status in ('open', 'late')`)
        .execute();
      await db.schema
        .createIndex("obligations_pending_by_tenant")
        .on("obligations")
        .columns(["tenant_id", "due"])
        .where(sql<boolean>`status in ('open', 'late')`)
        .execute();
      await db.schema
        .createIndex("obligations_agreement")
        .on("obligations")
        .columns(["agreement_id"])
        .execute();

      await db.schema
        .createTable("journal")
        .addColumn("tenant_id", "text", (c) => c.notNull())
        .addColumn("seq", "bigint", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("journal_pk", ["tenant_id", "seq"])
        .execute();
      await db.schema
        .createTable("journal_head")
        .addColumn("tenant_id", "text", (c) => c.primaryKey())
        .addColumn("seq", "bigint", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .execute();

      // The journal is append-only: the database itself refuses UPDATE and DELETE (DESIGN.md, "Journal").
      if (engine === "sqlite") {
        await sql`CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
          BEGIN SELECT RAISE(ABORT, 'art28: the journal is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
          BEGIN SELECT RAISE(ABORT, 'art28: the journal is append-only'); END`.execute(db);
      } else {
        await sql`CREATE FUNCTION art28_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'art28: the journal is append-only'; END $$`.execute(db);
        await sql`CREATE TRIGGER journal_no_update BEFORE UPDATE OR DELETE ON journal
          FOR EACH ROW EXECUTE FUNCTION art28_journal_append_only()`.execute(db);
        await sql`CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
          FOR EACH STATEMENT EXECUTE FUNCTION art28_journal_append_only()`.execute(db);
      }
    },
    async down(): Promise<void> {
      // The register's first schema is never rolled back: that would drop the journal.
      throw new Error("migration 0001 cannot be reverted");
    },
  };
}
