// Bundles and backups on each engine: export → import loses nothing and the journal still verifies; a backup
// restores end to end.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contestInstruction } from "../../src/app/audits-instructions/contest-instruction.js";
import { recordAuditFinding } from "../../src/app/audits-instructions/record-audit-finding.js";
import { recordInstruction } from "../../src/app/audits-instructions/record-instruction.js";
import { requestAudit } from "../../src/app/audits-instructions/request-audit.js";
import { assessBreachRiskFor } from "../../src/app/breaches/assess-breach-risk.js";
import { recordBreach } from "../../src/app/breaches/record-breach.js";
import { recordBreachAwareness } from "../../src/app/breaches/record-breach-awareness.js";
import { chooseReturnOrDeletion } from "../../src/app/end-of-service/choose-return-or-deletion.js";
import { issueDeletionCertificate } from "../../src/app/end-of-service/issue-deletion-certificate.js";
import { recordRetentionException } from "../../src/app/end-of-service/record-retention-exception.js";
import { terminateAgreement } from "../../src/app/end-of-service/terminate-agreement.js";
import { closeObligation } from "../../src/app/obligations/close-obligation.js";
import { listDueObligations } from "../../src/app/obligations/list-due-obligations.js";
import { addWebhookEndpoint } from "../../src/app/organisations/add-webhook-endpoint.js";
import { setOrganisationContact } from "../../src/app/organisations/set-organisation-contact.js";
import { backupDatabase } from "../../src/app/register/backup-database.js";
import { exportBundle } from "../../src/app/register/export-bundle.js";
import { importBundle } from "../../src/app/register/import-bundle.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { restoreDatabase } from "../../src/app/register/restore-database.js";
import { seedDemo } from "../../src/app/register/seed-demo.js";
import { reader } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { receiveRequest } from "../../src/app/requests/receive-request.js";
import { verifyIdentity } from "../../src/app/requests/verify-identity.js";
import { announceSubprocessorChange } from "../../src/app/subprocessor-changes/announce-subprocessor-change.js";
import { respondToSubprocessorChange } from "../../src/app/subprocessor-changes/respond-to-subprocessor-change.js";
import { settleSubprocessorWindows } from "../../src/app/subprocessor-changes/settle-subprocessor-windows.js";
import type { Art28Error } from "../../src/domain/error.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "./databases.js";

const principal: Principal = localOperator("test:exchange", "t-exchange");
const NOW = Date.parse("2026-05-07T08:15:00Z");
const HAS_PG_DUMP = spawnSync("pg_dump", ["--version"]).status === 0;

/** Whom the lycée is told through: a contact e-mail and a signed webhook. */
async function addRecipients(register: Register): Promise<void> {
  const organisation = "Lycée Marie-Curie";
  await setOrganisationContact({
    register,
    principal,
    input: { organisation, email: "dpo@marie-curie.example", language: "fr" },
    now: NOW,
  });
  await addWebhookEndpoint({
    register,
    principal,
    input: { organisation, url: "https://hooks.example/art28", secret: "exchange-secret-0123456789" },
    now: NOW,
  });
}

describe.each(ENGINES)("exchange and backup on %s", (engine) => {
  const databases: TestDatabase[] = [];
  let dir: string;
  let source: Register;

  async function freshRegister(): Promise<{ register: Register; database: TestDatabase }> {
    const database = await createTestDatabase(engine);
    databases.push(database);
    return { register: await openRegister({ env: { DATABASE_URL: database.url } }), database };
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "art28-exchange-"));
    source = (await freshRegister()).register;
    await seedDemo({ register: source, principal, input: { seedsDir: null }, now: NOW });
  });
  afterEach(async () => {
    await source.close();
    for (const database of databases.splice(0)) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("round-trips a whole register through a bundle without loss, and the imported journal verifies", async () => {
    // A breach notified, assessed and known to a controller, and a request forwarded: their tables travel too.
    const { breach } = await recordBreach({
      register: source,
      principal,
      input: {
        processor: "Opérateur de Korrigo PMF",
        details: {
          natures: ["availability"],
          discoveredAt: NOW - 7_200_000,
          awareAt: NOW - 3_600_000,
          description: "Panne",
        },
        notify: true,
      },
      now: NOW,
    });
    const factors = { dataKinds: ["assessment"], identifiability: "direct" };
    await assessBreachRiskFor({
      register: source,
      principal,
      input: { breach: breach.id, keeper: "0693456G", factors },
      now: NOW,
    });
    await recordBreachAwareness({
      register: source,
      principal,
      input: { breach: breach.id, controller: "0693456G" },
      now: NOW,
    });
    const { request } = await receiveRequest({
      register: source,
      principal,
      input: { right: "access", receivedBy: "Lycée Marie-Curie", summary: "Copie du dossier" },
      now: NOW,
    });
    await verifyIdentity({
      register: source,
      principal,
      input: { request: request.id, step: "ask", note: "Carte d'élève" },
      now: NOW,
    });
    // A sub-processor change answered and settled, an audit with a finding, a contested instruction, and an
    // agreement ended with its certificate: their tables travel too.
    const agreements = await reader(source, principal).agreements.list();
    const titled = (part: string) => agreements.find((a) => a.title.includes(part))?.id as string;
    const ent = titled("Jean-Moulin");
    const { change } = await announceSubprocessorChange({
      register: source,
      principal,
      input: {
        processor: "Prestataire ENT (démo)",
        kind: "addition",
        subprocessor: { name: "Nuage Sauvegardes SAS", activity: "sauvegarde", location: "FR" },
      },
      now: NOW,
    });
    await respondToSubprocessorChange({
      register: source,
      principal,
      input: { change: change.id, agreement: ent, answer: "approve" },
      now: NOW,
    });
    await settleSubprocessorWindows({ register: source, principal, now: NOW + 90 * 86_400_000 });
    const audit = await requestAudit({
      register: source,
      principal,
      input: { agreement: titled("Korrigo PMF — Lycée Marie-Curie"), scope: ["sécurité"] },
      now: NOW,
    });
    await recordAuditFinding({
      register: source,
      principal,
      input: { audit: audit.id, findings: [{ severity: "minor", description: "mots de passe" }] },
      now: NOW,
    });
    const instruction = await recordInstruction({
      register: source,
      principal,
      input: { agreement: ent, channel: "letter", text: "Purger les comptes des anciens élèves" },
      now: NOW,
    });
    await contestInstruction({
      register: source,
      principal,
      input: { instruction: instruction.id, grounds: "conservation légale" },
      now: NOW,
    });
    const scolares = titled("Saint-Michel");
    await terminateAgreement({
      register: source,
      principal,
      input: {
        agreement: scolares,
        kind: "for_cause",
        by: "Scolares (ProEco, ProPMS)",
        grounds: "cessation",
      },
      now: NOW,
    });
    await chooseReturnOrDeletion({
      register: source,
      principal,
      input: { agreement: scolares, choice: "deletion" },
      now: NOW,
    });
    await recordRetentionException({
      register: source,
      principal,
      input: {
        agreement: scolares,
        dataCategories: ["bulletins"],
        ground: "archives publiques",
        until: NOW + 10 * 365 * 86_400_000,
      },
      now: NOW,
    });
    const backups = (await reader(source, principal).obligations.forAgreement(scolares)).find(
      (o) => o.kind === "delete_backups",
    );
    await closeObligation({
      register: source,
      principal,
      input: { id: backups?.id as string, outcome: "done", note: "fait" },
      now: NOW,
    });
    await issueDeletionCertificate({
      register: source,
      principal,
      input: { agreement: scolares, method: "effacement" },
      now: NOW,
    });
    await addRecipients(source);
    const bundle = await exportBundle({ register: source, principal, now: NOW });
    for (const table of [
      "organisation_contacts",
      "webhook_endpoints",
      "subprocessor_changes",
      "subprocessor_windows",
      "subprocessor_responses",
      "subprocessor_uses",
      "audits",
      "audit_findings",
      "instructions",
      "terminations",
      "retention_exceptions",
      "certificates",
      "breaches",
      "breach_notices",
      "breach_notifications",
      "breach_register_entries",
      "data_subject_requests",
    ] as const)
      expect(bundle.tables[table].length, table).toBeGreaterThan(0);
    const file = join(dir, "bundle.json");
    writeFileSync(file, JSON.stringify(bundle));
    const { register: target } = await freshRegister();
    try {
      const imported = await importBundle({
        register: target,
        principal,
        input: { path: file },
        now: NOW + 1,
      });
      expect(imported.counts.journal).toBe(bundle.journal.events.length);
      const again = await exportBundle({ register: target, principal, now: NOW });
      expect(again.tables).toEqual(bundle.tables);
      // The same chain, link for link, followed by the one event recording the import.
      expect(again.journal.events.slice(0, -1)).toEqual(bundle.journal.events);
      expect(again.journal.events.at(-1)?.type).toBe("exchange.bundle_imported");
      const verification = await verifyJournal({ register: target, principal });
      expect(verification.fault).toBeNull();
      expect(verification.count).toBe(bundle.journal.events.length + 1);
      expect(await listDueObligations({ register: target, principal, input: {}, now: NOW })).toEqual(
        await listDueObligations({ register: source, principal, input: {}, now: NOW }),
      );
    } finally {
      await target.close();
    }
  });

  it("refuses a bundle whose journal was tampered with, importing nothing", async () => {
    const bundle = await exportBundle({ register: source, principal, now: NOW });
    const events = bundle.journal.events.map((e) =>
      e.seq === 3 ? { ...e, payload: e.payload.replace(/"v":1/, '"v":2') } : e,
    );
    const file = join(dir, "tampered.json");
    writeFileSync(file, JSON.stringify({ ...bundle, journal: { ...bundle.journal, events } }));
    const { register: target } = await freshRegister();
    try {
      await expect(
        importBundle({ register: target, principal, input: { path: file }, now: NOW }),
      ).rejects.toMatchObject({
        code: "integrity_violation",
        details: { seq: 3 },
      });
      expect((await verifyJournal({ register: target, principal })).count).toBe(0);
    } finally {
      await target.close();
    }
  });

  it("exports one organisation's share and imports it into another register beside its own data", async () => {
    await addRecipients(source);
    const bundle = await exportBundle({
      register: source,
      principal,
      input: { organisation: "Lycée Marie-Curie" },
      now: NOW,
    });
    expect(bundle.scope).toBe("organisation");
    // Its counterparties go with it: the exam platform's operator, and the académie and the région with which
    // it holds the ENT's joint-controller convention.
    expect(bundle.tables.organisations.map((o) => o.name).sort()).toEqual([
      "Académie de Lyon",
      "Lycée Marie-Curie",
      "Opérateur de Korrigo PMF",
      "Région Auvergne-Rhône-Alpes",
    ]);
    expect(bundle.tables.obligations).toHaveLength(1);
    // Its contact goes with it; its webhook secrets do not leave the register.
    expect(bundle.tables.organisation_contacts.map((c) => c.email)).toEqual(["dpo@marie-curie.example"]);
    expect(bundle.tables.webhook_endpoints).toEqual([]);
    const file = join(dir, "lycee.json");
    writeFileSync(file, JSON.stringify(bundle));
    const { register: target } = await freshRegister();
    const other: Principal = localOperator("test:other", "t-elsewhere");
    try {
      await importBundle({ register: target, principal: other, input: { path: file }, now: NOW });
      const due = await listDueObligations({
        register: target,
        principal: other,
        input: { organisation: "0693456G" },
        now: NOW,
      });
      expect(due.map((o) => o.kind)).toEqual(["notify_breach_to_controller"]);
      expect((await verifyJournal({ register: target, principal: other })).fault).toBeNull();
      await expect(
        importBundle({ register: target, principal: other, input: { path: file }, now: NOW }),
      ).rejects.toMatchObject({
        code: "conflict",
      });
    } finally {
      await target.close();
    }
  });

  it("tells a tenant nothing of another tenant's records when its import meets their ids", async () => {
    const bundle = await exportBundle({
      register: source,
      principal,
      input: { organisation: "Lycée Marie-Curie" },
      now: NOW,
    });
    const file = join(dir, "lycee.json");
    writeFileSync(file, JSON.stringify(bundle));
    const other: Principal = localOperator("test:other", "t-elsewhere");
    const failure = await importBundle({
      register: source,
      principal: other,
      input: { path: file },
      now: NOW,
    }).then(
      () => null,
      (error: unknown) => error as Art28Error,
    );
    // The rows' ids are the other tenant's: the import cannot go in, but nothing says which exist, or how many.
    expect(failure).not.toBeNull();
    const said = `${failure?.text.fr} ${failure?.text.en}`;
    expect(said).not.toMatch(/existent déjà|already exist/);
    for (const id of bundle.tables.organisations.map((o) => String(o.id))) expect(said).not.toContain(id);
    expect((await verifyJournal({ register: source, principal: other })).count).toBe(0);
  });

  it.runIf(engine === "sqlite" || HAS_PG_DUMP)(
    "backs up and restores the whole database end to end",
    async () => {
      const file = join(dir, engine === "sqlite" ? "backup.sqlite" : "backup.dump");
      const report = await backupDatabase({ register: source, input: { file } });
      expect(report.bytes).toBeGreaterThan(0);
      const before = await verifyJournal({ register: source, principal });
      const { register: target, database } = await freshRegister();
      await target.close();
      const restored = await restoreDatabase({ env: { DATABASE_URL: database.url }, input: { file } });
      expect(restored.journals).toEqual([before]);
      const reopened = await openRegister({ env: { DATABASE_URL: database.url } });
      try {
        expect(await listDueObligations({ register: reopened, principal, input: {}, now: NOW })).toEqual(
          await listDueObligations({ register: source, principal, input: {}, now: NOW }),
        );
        await expect(
          restoreDatabase({ env: { DATABASE_URL: database.url }, input: { file } }),
        ).rejects.toMatchObject({ code: "conflict" });
      } finally {
        await reopened.close();
      }
    },
  );
});

if (ENGINES.includes("postgres") && !HAS_PG_DUMP) {
  console.warn("register tests: pg_dump is not on PATH, so the PostgreSQL backup/restore test is skipped");
}
