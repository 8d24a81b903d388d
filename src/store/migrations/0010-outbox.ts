// Migration 0010: the transactional outbox, when each open obligation is next reminded, and whom to tell
// (an organisation's contact e-mail and language, its webhook endpoints).

import { type Kysely, type Migration, sql } from "kysely";

export const outboxMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("outbox")
      // The id is the idempotency key: the e-mail's Message-ID and the webhook's Idempotency-Key.
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("not_before", "bigint", (c) => c.notNull())
      .addColumn("claimed_by", "text")
      .addColumn("claimed_until", "bigint")
      .addColumn("sent_at", "bigint")
      .addColumn("last_error", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    // Claiming reads only these two small partial indexes: waiting rows by when they may go, and claimed
    // rows by when their lease runs out (a worker that died leaves them there).
    await db.schema
      .createIndex("outbox_pending")
      .on("outbox")
      .columns(["not_before"])
      .where(sql<boolean>`status = 'pending'`)
      .execute();
    await db.schema
      .createIndex("outbox_claimed")
      .on("outbox")
      .columns(["claimed_until"])
      .where(sql<boolean>`status = 'claimed'`)
      .execute();
    await db.schema
      .createIndex("outbox_tenant_created")
      .on("outbox")
      .columns(["tenant_id", "created_at"])
      .execute();

    // 0 = not scheduled yet (the sweep schedules it); null = no reminder left.
    await db.schema
      .alterTable("obligations")
      .addColumn("next_reminder_at", "bigint", (c) => c.defaultTo(0))
      .execute();
    await db.schema.alterTable("obligations").addColumn("last_reminder_at", "bigint").execute();
    await db.schema
      .createIndex("obligations_next_reminder")
      .on("obligations")
      .columns(["next_reminder_at"])
      .where(sql<boolean>`status in ('open', 'late') and next_reminder_at is not null`)
      .execute();

    await db.schema
      .createTable("organisation_contacts")
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addPrimaryKeyConstraint("organisation_contacts_pk", ["tenant_id", "organisation_id"])
      .execute();

    await db.schema
      .createTable("webhook_endpoints")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("url", "text", (c) => c.notNull())
      // The HMAC key: stored to sign, never printed, logged or copied into the outbox.
      .addColumn("secret", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("removed_at", "bigint")
      .execute();
    await db.schema
      .createIndex("webhook_endpoints_organisation")
      .on("webhook_endpoints")
      .columns(["tenant_id", "organisation_id"])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("webhook_endpoints").execute();
    await db.schema.dropTable("organisation_contacts").execute();
    await db.schema.dropIndex("obligations_next_reminder").execute();
    await db.schema.alterTable("obligations").dropColumn("last_reminder_at").execute();
    await db.schema.alterTable("obligations").dropColumn("next_reminder_at").execute();
    await db.schema.dropTable("outbox").execute();
  },
};
