// Migration 0012: sub-processor changes with one objection window per agreement and the sub-processors each
// agreement has in use; audits and their findings; documented instructions; terminations, legal retention
// exceptions and deletion or return certificates.

import type { Kysely, Migration } from "kysely";

export const changesAuditsInstructionsTermination: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // GDPR Art. 28(2): what the processor announced, once; each agreement's window is a row of its own.
    await db.schema
      .createTable("subprocessor_changes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("processor_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("siret", "text")
      .addColumn("activity", "text", (c) => c.notNull())
      .addColumn("location", "text", (c) => c.notNull())
      .addColumn("transfer_mechanism", "text", (c) => c.notNull())
      .addColumn("replaces", "text")
      .addColumn("announced_at", "bigint", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("subprocessor_changes_processor")
      .on("subprocessor_changes")
      .columns(["tenant_id", "processor_id", "announced_at"])
      .execute();

    await db.schema
      .createTable("subprocessor_windows")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("change_id", "text", (c) => c.notNull().references("subprocessor_changes.id"))
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("controller_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("processor_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("opens_at", "bigint", (c) => c.notNull())
      .addColumn("closes_at", "bigint", (c) => c.notNull())
      .addColumn("basis", "text", (c) => c.notNull())
      .addColumn("silence", "text", (c) => c.notNull())
      .addColumn("approval_required", "integer", (c) => c.notNull())
      .addColumn("blocked", "text")
      .addColumn("on_objection", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("settled_at", "bigint")
      .addColumn("consequence", "text")
      .addColumn("obligation_id", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("subprocessor_windows_change")
      .on("subprocessor_windows")
      .columns(["tenant_id", "change_id"])
      .execute();
    await db.schema
      .createIndex("subprocessor_windows_agreement")
      .on("subprocessor_windows")
      .columns(["tenant_id", "agreement_id"])
      .execute();
    // The sweep reads the windows still to settle, by closing instant.
    await db.schema
      .createIndex("subprocessor_windows_unsettled")
      .on("subprocessor_windows")
      .columns(["tenant_id", "status", "closes_at"])
      .execute();

    await db.schema
      .createTable("subprocessor_responses")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("window_id", "text", (c) => c.notNull().references("subprocessor_windows.id"))
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("at", "bigint", (c) => c.notNull())
      .addColumn("reasons", "text")
      .addColumn("by", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("subprocessor_responses_window")
      .on("subprocessor_responses")
      .columns(["tenant_id", "window_id"])
      .execute();

    // Which sub-processors an agreement has in use, and since when. A row from a change starts only once that
    // customer's window settled with mayUse (Art. 28(2)); in_use_from null: listed in the agreement itself.
    await db.schema
      .createTable("subprocessor_uses")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("processor_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("change_id", "text")
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("name_key", "text", (c) => c.notNull())
      .addColumn("siret", "text")
      .addColumn("activity", "text")
      .addColumn("location", "text")
      .addColumn("transfer_mechanism", "text", (c) => c.notNull())
      .addColumn("in_use_from", "bigint")
      .addColumn("in_use_until", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("subprocessor_uses_agreement")
      .on("subprocessor_uses")
      .columns(["tenant_id", "agreement_id", "name_key"])
      .execute();
    await db.schema
      .createIndex("subprocessor_uses_processor")
      .on("subprocessor_uses")
      .columns(["tenant_id", "processor_id"])
      .execute();

    // GDPR Art. 28(3)(h): audits, their findings (corrective actions are obligations, linked here).
    await db.schema
      .createTable("audits")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("controller_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("processor_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("scope", "text", (c) => c.notNull())
      .addColumn("breach_id", "text")
      .addColumn("requested_at", "bigint", (c) => c.notNull())
      .addColumn("earliest_start", "bigint", (c) => c.notNull())
      .addColumn("notice_expires", "bigint", (c) => c.notNull())
      .addColumn("basis", "text", (c) => c.notNull())
      .addColumn("warnings", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("audits_agreement")
      .on("audits")
      .columns(["tenant_id", "agreement_id", "earliest_start"])
      .execute();

    await db.schema
      .createTable("audit_findings")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("audit_id", "text", (c) => c.notNull().references("audits.id"))
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("severity", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("report_delivered_at", "bigint", (c) => c.notNull())
      .addColumn("obligation_id", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("audit_findings_audit")
      .on("audit_findings")
      .columns(["tenant_id", "audit_id"])
      .execute();

    // GDPR Art. 28(3)(a): documented instructions, and the processor's contest of one.
    await db.schema
      .createTable("instructions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("controller_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("processor_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("given_at", "bigint", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("contest", "text")
      .addColumn("answer", "text")
      .addColumn("answer_obligation_id", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("instructions_agreement")
      .on("instructions")
      .columns(["tenant_id", "agreement_id", "given_at"])
      .execute();

    // GDPR Art. 28(3)(g): the end of the service, the controller's choice, what the law keeps, and the proof.
    await db.schema
      .createTable("terminations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("by", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("notice_given_at", "bigint", (c) => c.notNull())
      .addColumn("ends_at", "bigint", (c) => c.notNull())
      .addColumn("grounds", "text")
      .addColumn("notice_basis", "text")
      .addColumn("choice", "text")
      .addColumn("chosen_at", "bigint")
      /** JSON: [{subprocessorId, name, obligationId}], one duty per sub-processor once the choice is made. */
      .addColumn("subprocessor_duties", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("terminations_agreement")
      .on("terminations")
      .columns(["tenant_id", "agreement_id"])
      .execute();

    await db.schema
      .createTable("retention_exceptions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("termination_id", "text", (c) => c.notNull().references("terminations.id"))
      .addColumn("data_categories", "text", (c) => c.notNull())
      .addColumn("ground", "text", (c) => c.notNull())
      .addColumn("until", "bigint", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("retention_exceptions_termination")
      .on("retention_exceptions")
      .columns(["tenant_id", "termination_id"])
      .execute();

    await db.schema
      .createTable("certificates")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("tenant_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id"))
      .addColumn("termination_id", "text", (c) => c.notNull().references("terminations.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      /** The certificate's canonical JSON, exactly as hashed. */
      .addColumn("content", "text", (c) => c.notNull())
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("issued_at", "bigint", (c) => c.notNull())
      .addColumn("acknowledged_at", "bigint")
      .addColumn("acknowledged_by", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("certificates_agreement")
      .on("certificates")
      .columns(["tenant_id", "agreement_id"])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      "certificates",
      "retention_exceptions",
      "terminations",
      "instructions",
      "audit_findings",
      "audits",
      "subprocessor_uses",
      "subprocessor_responses",
      "subprocessor_windows",
      "subprocessor_changes",
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
