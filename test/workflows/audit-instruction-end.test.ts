// Audits, instructions and the end of the service on each engine: every deadline from the agreement's own terms in
// the controller's calendar, obligations that cover the sub-processors, the certificate's sha256 in the journal, an
// evidence pack whose journal extract checks alone, and a journal that verifies after every workflow.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildEvidencePack } from "../../src/app/agreements/build-evidence-pack.js";
import { answerInstruction } from "../../src/app/audits-instructions/answer-instruction.js";
import { contestInstruction } from "../../src/app/audits-instructions/contest-instruction.js";
import { recordAuditFinding } from "../../src/app/audits-instructions/record-audit-finding.js";
import { recordInstruction } from "../../src/app/audits-instructions/record-instruction.js";
import { requestAudit } from "../../src/app/audits-instructions/request-audit.js";
import { acknowledgeCertificate } from "../../src/app/end-of-service/acknowledge-certificate.js";
import { chooseReturnOrDeletion } from "../../src/app/end-of-service/choose-return-or-deletion.js";
import { issueDeletionCertificate } from "../../src/app/end-of-service/issue-deletion-certificate.js";
import { recordRetentionException } from "../../src/app/end-of-service/record-retention-exception.js";
import { terminateAgreement } from "../../src/app/end-of-service/terminate-agreement.js";
import { closeObligation } from "../../src/app/obligations/close-obligation.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { reader } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import type { Organisation } from "../../src/domain/organisation.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";
import { addCustomer, addVendor, type Customer } from "./world.js";

const principal: Principal = localOperator("test:dpo", "t-end");
const SETUP = Date.parse("2026-12-01T09:00:00Z");
// Thursday 17 December 2026, 11:00 in Paris.
const NOW = Date.parse("2026-12-17T10:00:00Z");
const DAY = 86_400_000;

describe.each(ENGINES)("audits, instructions and the end of the service on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;
  let vendor: Organisation;
  let customer: Customer;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "art28-end-"));
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    vendor = await addVendor(register, principal, SETUP);
    customer = await addCustomer(
      register,
      principal,
      SETUP,
      vendor,
      { name: "Collège Louise-Michel", calendar: "FR" },
      {
        durations: {
          audit_notice: { amount: 30, unit: "days" },
          corrective_action_plan: { amount: 2, unit: "months" },
          termination_notice: { amount: 3, unit: "months" },
          deletion_after_termination: { amount: 30, unit: "days" },
          backup_deletion: { amount: 90, unit: "days" },
        },
        auditFrequencyPerYear: { min: null, max: 1 },
        emergencyAuditAfterBreach: true,
      },
      [{ name: "Hébergeur Historique", activity: "hébergement", location: "FR" }],
    );
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function journalHolds(): Promise<void> {
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
  }

  it("sets the audit's earliest start after audit_notice, and warns past the yearly cap", async () => {
    const first = await requestAudit({
      register,
      principal,
      input: { agreement: customer.agreement.id, scope: ["mesures de sécurité", "journalisation"] },
      now: NOW,
    });
    // 30 days end on Saturday 16 January 2027, carried to Monday 18; the audit may begin on Tuesday 19 at 00:00.
    expect(first.noticeExpires).toBe(Date.parse("2027-01-18T23:00:00Z"));
    expect(first.earliestStart).toBe(Date.parse("2027-01-18T23:00:00Z"));
    expect(first.warnings).toEqual([]);
    const second = await requestAudit({
      register,
      principal,
      input: { agreement: customer.agreement.id.slice(0, 8), scope: ["sauvegardes"] },
      now: NOW + 40 * DAY,
    });
    expect(second.warnings.map((w) => w.en)).toEqual([
      "this audit would be number 2 in twelve months; the agreement allows at most 1 a year",
    ]);
    const emergency = await requestAudit({
      register,
      principal,
      input: { agreement: customer.agreement.id, kind: "emergency", scope: ["violation"], breach: "b-1" },
      now: NOW + 41 * DAY,
    });
    expect(emergency.warnings[0]?.en).toMatch(/outside the agreement's yearly cap/);

    const findings = await recordAuditFinding({
      register,
      principal,
      input: {
        audit: first.id,
        findings: [
          { severity: "major", description: "journaux conservés sans limite" },
          { severity: "observation", description: "documentation à jour" },
        ],
        reportDeliveredAt: Date.parse("2027-02-01T09:00:00Z"),
      },
      now: Date.parse("2027-02-01T09:00:00Z"),
    });
    expect(findings.map((f) => f.obligationId === null)).toEqual([false, true]);
    const action = await reader(register, principal).obligations.byId(findings[0]?.obligationId as string);
    // Two months from Monday 1 February 2027: Thursday 1 April ends at midnight, Paris summer time.
    expect(action).toMatchObject({
      kind: "correct_audit_finding",
      holderId: vendor.id,
      due: Date.parse("2027-04-01T22:00:00Z"),
    });
    await journalHolds();
  });

  it("suspends a contested instruction and closes the controller's answer duty when it answers", async () => {
    const instruction = await recordInstruction({
      register,
      principal,
      input: {
        agreement: customer.agreement.id,
        channel: "email",
        text: "Exporter les notes vers le tableur partagé",
      },
      now: NOW,
    });
    await expect(
      recordInstruction({
        register,
        principal,
        input: { agreement: customer.agreement.id, channel: "oral", text: "x" },
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "invalid_input", details: { argument: "channel" } });
    const contested = await contestInstruction({
      register,
      principal,
      input: {
        instruction: instruction.id.slice(0, 8),
        grounds: "RGPD art. 5(1)(f) : partage sans contrôle d'accès",
      },
      now: NOW + DAY,
    });
    expect(contested.status).toBe("suspended");
    const duty = await reader(register, principal).obligations.byId(contested.answerObligationId as string);
    expect(duty).toMatchObject({
      kind: "answer_contested_instruction",
      holderId: customer.school.id,
      status: "open",
    });
    const answered = await answerInstruction({
      register,
      principal,
      input: {
        instruction: instruction.id,
        decision: "amend",
        reasons: "accès restreint",
        text: "Exporter les notes vers l'ENT",
      },
      now: NOW + 2 * DAY,
    });
    expect(answered).toMatchObject({ status: "in_force", text: "Exporter les notes vers l'ENT" });
    expect((await reader(register, principal).obligations.byId(duty?.id as string))?.status).toBe("done");
    await journalHolds();
  });

  it("ends the service with duties covering the sub-processors, a certificate whose sha256 the journal holds, and its acknowledgement", async () => {
    const termination = await terminateAgreement({
      register,
      principal,
      input: { agreement: customer.agreement.id, kind: "ordinary", by: customer.school.name },
      now: NOW,
    });
    // Three months from Thursday 17 December: Wednesday 17 March 2027 ends at midnight in Paris.
    expect(termination.endsAt).toBe(Date.parse("2027-03-17T23:00:00Z"));
    expect((await reader(register, principal).agreements.byId(customer.agreement.id))?.status).toBe(
      "terminated",
    );

    const chosen = await chooseReturnOrDeletion({
      register,
      principal,
      input: { agreement: customer.agreement.id, choice: "deletion" },
      now: NOW + DAY,
    });
    expect(chosen.subprocessorDuties.map((d) => d.name)).toEqual(["Hébergeur Historique"]);
    const duties = (await reader(register, principal).obligations.forAgreement(customer.agreement.id)).filter(
      (o) => o.trigger.type === "end_of_service",
    );
    const due = Object.fromEntries(duties.map((o) => [o.kind, o.due]));
    // The service ends at 00:00 on Thursday 18 March, the event day (Reg. 1182/71 Art. 3(1)): 30 days run from
    // 19 March to Saturday 17 April, carried to Monday 19 April; 90 days end on Wednesday 16 June.
    expect(due).toEqual({
      delete_data: Date.parse("2027-04-19T22:00:00Z"),
      delete_backups: Date.parse("2027-06-16T22:00:00Z"),
      have_subprocessor_delete_data: Date.parse("2027-04-19T22:00:00Z"),
    });

    await recordRetentionException({
      register,
      principal,
      input: {
        agreement: customer.agreement.id,
        dataCategories: ["bulletins scolaires"],
        ground: "Code du patrimoine, art. L212-2",
        until: Date.parse("2077-01-01T00:00:00Z"),
      },
      now: NOW + DAY,
    });
    const performed = Date.parse("2027-03-25T10:00:00Z");
    await expect(
      issueDeletionCertificate({
        register,
        principal,
        input: { agreement: customer.agreement.id, method: "effacement" },
        now: performed,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    for (const kind of ["delete_backups", "have_subprocessor_delete_data"]) {
      const id = duties.find((o) => o.kind === kind)?.id as string;
      await closeObligation({
        register,
        principal,
        input: { id, outcome: "done", note: "confirmé par écrit" },
        now: performed,
      });
    }
    const issued = await issueDeletionCertificate({
      register,
      principal,
      input: {
        agreement: customer.agreement.id,
        method: "effacement cryptographique des volumes",
        performedAt: performed,
      },
      now: performed + 3_600_000,
    });
    const sha256 = createHash("sha256").update(issued.stored.content).digest("hex");
    expect(issued.stored.sha256).toBe(sha256);
    expect(issued.certificate.retentionExceptions.map((e) => e.ground)).toEqual([
      "Code du patrimoine, art. L212-2",
    ]);
    const events = await reader(register, principal).exchange.journal();
    const logged = events.find((e) => e.type === "certificate.issued");
    expect(JSON.parse(logged?.payload as string).sha256).toBe(sha256);
    expect(
      (
        await reader(register, principal).obligations.byId(
          duties.find((o) => o.kind === "delete_data")?.id as string,
        )
      )?.evidence?.sha256,
    ).toBe(sha256);

    const acknowledged = await acknowledgeCertificate({
      register,
      principal,
      input: { agreement: customer.agreement.id, sha256 },
      now: performed + 2 * DAY,
    });
    expect(acknowledged.acknowledgedBy).toBe(customer.school.id);
    await expect(
      acknowledgeCertificate({
        register,
        principal,
        input: { agreement: customer.agreement.id, by: vendor.name },
        now: performed + 3 * DAY,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await journalHolds();

    // The evidence pack: every file in the manifest with its sha256, the certificate, and a journal extract
    // that the packed script verifies on its own.
    const path = join(dir, "pack.zip");
    const pack = await buildEvidencePack({
      register,
      principal,
      input: { agreement: customer.agreement.id, path },
      now: performed + 4 * DAY,
    });
    const files = unzipSync(pack.zip);
    const manifest = JSON.parse(strFromU8(files["manifest.json"] as Uint8Array));
    for (const f of manifest.files as { path: string; sha256: string }[]) {
      expect(
        createHash("sha256")
          .update(files[f.path] as Uint8Array)
          .digest("hex"),
      ).toBe(f.sha256);
    }
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        "terms.json",
        "subprocessors.json",
        `certificates/deletion-${issued.stored.id}.json`,
        "journal/extract.jsonl",
      ]),
    );
    expect(strFromU8(files[`certificates/deletion-${issued.stored.id}.json`] as Uint8Array)).toBe(
      issued.stored.content,
    );
    const terms = JSON.parse(strFromU8(files["terms.json"] as Uint8Array));
    expect(terms.provenance.termination_notice.kind).toBe("typed");
    const target = join(dir, "unpacked");
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(target, name)), { recursive: true });
      writeFileSync(join(target, name), bytes);
    }
    const output = execFileSync(process.execPath, ["verify-journal.mjs", "journal/extract.jsonl"], {
      cwd: target,
      encoding: "utf8",
    });
    expect(output).toContain(manifest.journalHead.hash);
    await journalHolds();
  });
});
