// Migration 0011: breaches (report, risk, phased notices), their notification per controller, the breach register
// of each side (GDPR Art. 33(5)), and data-subject requests with their identity check, extension and outcome.

import { type Kysely, type Migration, sql } from "kysely";

export const breachesAndRequests: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("breaches")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("recorded_by", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("side", "text", (c) => c.notNull())
      /** The Art. 33(3) report as last updated: BreachDetails as JSON. */
      .addColumn("details", "text", (c) => c.notNull())
      .addColumn("aware_at", "bigint", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("breaches_tenant_recorder")
      .on("breaches")
      .columns(["tenant_id", "recorded_by", "aware_at"])
      .execute();

    // Art. 33(4): the notices sent, initial then updates, to one recipient (a controller or an authority).
    await db.schema
      .createTable("breach_notices")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("breach_id", "text", (c) => c.notNull().references("breaches.id"))
      .addColumn("sender_id", "text", (c) => c.notNull())
      .addColumn("recipient", "text", (c) => c.notNull())
      .addColumn("phase", "text", (c) => c.notNull())
      .addColumn("sequence", "integer", (c) => c.notNull())
      .addColumn("sent_at", "bigint", (c) => c.notNull())
      .addColumn("notice", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("breach_notices_breach")
      .on("breach_notices")
      .columns(["tenant_id", "breach_id", "sequence"])
      .execute();

    // One row per controller the breach touches: under which agreement, its duty, and what it did in turn.
    await db.schema
      .createTable("breach_notifications")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("breach_id", "text", (c) => c.notNull().references("breaches.id"))
      .addColumn("controller_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("obligation_id", "text", (c) => c.notNull())
      .addColumn("due", "bigint", (c) => c.notNull())
      .addColumn("controller_aware_at", "bigint")
      /** 1 when the controller asked the processor to notify the authority on its behalf. */
      .addColumn("mandated", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addUniqueConstraint("breach_notifications_breach_controller", ["breach_id", "controller_id"])
      .execute();
    await db.schema
      .createIndex("breach_notifications_controller")
      .on("breach_notifications")
      .columns(["tenant_id", "controller_id"])
      .execute();

    // GDPR Art. 33(5): each side's register entry and its risk assessment.
    await db.schema
      .createTable("breach_register_entries")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("breach_id", "text", (c) => c.notNull().references("breaches.id"))
      .addColumn("keeper_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("side", "text", (c) => c.notNull())
      .addColumn("risk_level", "text")
      .addColumn("assessment", "text")
      .addColumn("entry", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addUniqueConstraint("breach_register_entries_breach_keeper", ["breach_id", "keeper_id"])
      .execute();
    await db.schema
      .createIndex("breach_register_entries_keeper")
      .on("breach_register_entries")
      .columns(["tenant_id", "keeper_id"])
      .execute();

    await db.schema
      .createTable("data_subject_requests")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("subject_right", "text", (c) => c.notNull())
      .addColumn("received_by", "text", (c) => c.notNull())
      .addColumn("controller_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("processor_id", "text", (c) => c.references("organisations.id"))
      .addColumn("agreement_id", "text", (c) => c.references("agreements.id"))
      .addColumn("received_at", "bigint", (c) => c.notNull())
      .addColumn("controller_received_at", "bigint")
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("summary", "text")
      /** Identity checks asked and their result (GDPR Art. 12(6)), JSON. */
      .addColumn("identity", "text")
      .addColumn("extension", "text")
      .addColumn("outcome", "text")
      /** Exports and documents handed over: name, format, sha256, JSON list. */
      .addColumn("attachments", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("data_subject_requests_controller")
      .on("data_subject_requests")
      .columns(["tenant_id", "controller_id", "received_at"])
      .execute();
    await db.schema
      .createIndex("data_subject_requests_processor")
      .on("data_subject_requests")
      .columns(["tenant_id", "processor_id", "received_at"])
      .execute();
    // Duties are looked up by what triggered them when a workflow closes them.
    await db.schema
      .createIndex("obligations_trigger")
      .on("obligations")
      .columns(["tenant_id", "trigger_id"])
      .where(sql<boolean>`status in ('open', 'late')`)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex("obligations_trigger").execute();
    for (const table of [
      "data_subject_requests",
      "breach_register_entries",
      "breach_notifications",
      "breach_notices",
      "breaches",
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
