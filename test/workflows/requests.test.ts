// Data-subject requests wired end to end on each engine: forwarding under the agreement in the controller's calendar,
// the answer one month after the controller's receipt, the extension only before that month ends, identity checks
// and a portability export in JSON and CSV.

import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { answerRequest } from "../../src/app/requests/answer-request.js";
import { extendRequest } from "../../src/app/requests/extend-request.js";
import { forwardRequest } from "../../src/app/requests/forward-request.js";
import { receiveRequest } from "../../src/app/requests/receive-request.js";
import { requestAssistance } from "../../src/app/requests/request-assistance.js";
import { showRequest } from "../../src/app/requests/show-request.js";
import { verifyIdentity } from "../../src/app/requests/verify-identity.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";

const principal: Principal = localOperator("test:dpo", "t-requests");
const SETUP = Date.parse("2026-01-05T09:00:00+01:00");

describe.each(ENGINES)("data-subject requests on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;
  let dir: string;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    dir = mkdtempSync(join(tmpdir(), "art28-requests-"));
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function expectJournalHolds() {
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
  }

  async function world() {
    const org = (input: Parameters<typeof createOrganisation>[0]["input"]) =>
      createOrganisation({ register, principal, input, now: SETUP });
    const vendor = await org({ name: "Vie Scolaire SAS", type: "editeur", roles: ["processor"] });
    const college = await org({ name: "Collège Victor-Hugo", type: "college", roles: ["controller"] });
    const athenee = await org({ name: "Athénée de Liège", country: "BE", roles: ["controller"] });
    const terms = {
      durations: {
        dsr_forwarding_to_controller: { amount: 2, unit: "working_days" },
        dsr_assistance: { amount: 5, unit: "working_days" },
      },
    } as const;
    const agree = (controllerId: string) =>
      createAgreement({
        register,
        principal,
        input: {
          kind: "dpa",
          title: "Vie scolaire",
          parties: [
            { organisationId: controllerId, role: "controller" },
            { organisationId: vendor.id, role: "processor" },
          ],
          effectiveOn: "2025-09-01",
          status: "active",
          terms,
        },
        now: SETUP,
      });
    return {
      vendor,
      college,
      athenee,
      withCollege: await agree(college.id),
      withAthenee: await agree(athenee.id),
    };
  }

  it("gives the processor two working days to forward, counted in each controller's calendar", async () => {
    const { vendor, withCollege, withAthenee } = await world();
    // Thursday 7 May 2026; Friday 8 May is a public holiday in France, not in Belgium.
    const at = "2026-05-07T14:00:00+02:00";
    const now = Date.parse("2026-05-07T15:00:00+02:00");
    const fr = await receiveRequest({
      register,
      principal,
      input: { right: "access", receivedBy: vendor.name, agreement: withCollege.id, receivedAt: at },
      now,
    });
    const be = await receiveRequest({
      register,
      principal,
      input: { right: "erasure", receivedBy: vendor.name, agreement: withAthenee.id, receivedAt: at },
      now,
    });
    expect(fr.duty.kind).toBe("forward_request_to_controller");
    // Monday 11 and Tuesday 12 May: the period ends with Tuesday.
    expect(fr.duty.due).toBe(Date.parse("2026-05-13T00:00:00+02:00"));
    // Friday 8 and Monday 11 May.
    expect(be.duty.due).toBe(Date.parse("2026-05-12T00:00:00+02:00"));
    // Post-mortem directives exist in French law only.
    await expect(
      receiveRequest({
        register,
        principal,
        input: { right: "post_mortem_directives", receivedBy: vendor.name, agreement: withAthenee.id },
        now,
      }),
    ).rejects.toMatchObject({ code: "invalid_input", details: { argument: "right" } });

    const forwarded = await forwardRequest({
      register,
      principal,
      input: { request: fr.request.id, at: "2026-05-11T09:30:00+02:00" },
      now: Date.parse("2026-05-11T10:00:00+02:00"),
    });
    // One month from Monday 11 May: Thursday 11 June, included.
    expect(forwarded.answer.due).toBe(Date.parse("2026-06-12T00:00:00+02:00"));
    const assistance = await requestAssistance({
      register,
      principal,
      input: { request: fr.request.id, at: "2026-05-12T10:00:00+02:00" },
      now: Date.parse("2026-05-12T11:00:00+02:00"),
    });
    // Five working days from Tuesday 12 May, Ascension (Thursday 14 May) skipped: 13, 15, 18, 19, 20 May.
    expect(assistance.due).toBe(Date.parse("2026-05-21T00:00:00+02:00"));
    const shown = await showRequest({ register, principal, input: { request: fr.request.id.slice(0, 8) } });
    expect(shown.request.state).toBe("forwarded");
    expect(shown.pending.map((d) => d.kind).sort()).toEqual([
      "answer_data_subject_request",
      "assist_with_data_subject_request",
    ]);
    await expectJournalHolds();
  });

  it("answers within a month of receipt, extended by two only when the person is told before that month ends", async () => {
    const { college } = await world();
    // Saturday 31 January 2026: a month later is the end of February, a Saturday, moved to Monday 2 March.
    const received = await receiveRequest({
      register,
      principal,
      input: { right: "access", receivedBy: college.name, receivedAt: "2026-01-31T10:00:00+01:00" },
      now: Date.parse("2026-02-02T09:00:00+01:00"),
    });
    expect(received.duty.kind).toBe("answer_data_subject_request");
    expect(received.duty.due).toBe(Date.parse("2026-03-03T00:00:00+01:00"));
    const late = Date.parse("2026-03-03T09:00:00+01:00");
    await expect(
      extendRequest({
        register,
        principal,
        input: { request: received.request.id, reasons: "Archives papier" },
        now: late,
      }),
    ).rejects.toMatchObject({ code: "conflict" });

    const other = await receiveRequest({
      register,
      principal,
      input: { right: "rectification", receivedBy: college.name, receivedAt: "2026-01-31T10:00:00+01:00" },
      now: Date.parse("2026-02-02T09:00:00+01:00"),
    });
    const extended = await extendRequest({
      register,
      principal,
      input: {
        request: other.request.id,
        reasons: "Demandes nombreuses",
        noticeSentAt: "2026-03-02T16:00:00+01:00",
      },
      now: late,
    });
    // Three months from 31 January: 30 April (no 31 April), a Thursday.
    expect(extended.answer.due).toBe(Date.parse("2026-05-01T00:00:00+02:00"));
    const pending = await showRequest({ register, principal, input: { request: other.request.id } });
    expect(pending.pending.map((d) => d.due)).toEqual([extended.answer.due]);
    await expectJournalHolds();
  });

  it("closes a request whose author cannot be identified, and exports portable data as JSON and CSV", async () => {
    const { college } = await world();
    const now = Date.parse("2026-02-10T09:00:00+01:00");
    const unknown = await receiveRequest({
      register,
      principal,
      input: { right: "access", receivedBy: college.name },
      now,
    });
    await verifyIdentity({
      register,
      principal,
      input: { request: unknown.request.id, step: "ask", note: "Numéro d'élève" },
      now,
    });
    await expect(
      answerRequest({ register, principal, input: { request: unknown.request.id, outcome: "granted" }, now }),
    ).rejects.toMatchObject({ code: "conflict" });
    const closed = await verifyIdentity({
      register,
      principal,
      input: { request: unknown.request.id, step: "reject" },
      now,
    });
    expect(closed.state).toBe("closed_unverified");
    expect(
      (await showRequest({ register, principal, input: { request: unknown.request.id } })).pending,
    ).toHaveLength(0);

    const portable = await receiveRequest({
      register,
      principal,
      input: { right: "portability", receivedBy: college.name },
      now,
    });
    const file = join(dir, "export.json");
    const answered = await answerRequest({
      register,
      principal,
      input: {
        request: portable.request.id,
        outcome: "granted",
        export: {
          file,
          datasets: [
            {
              name: "notes",
              rows: [{ matiere: "Français", note: 14.5, appreciation: 'Bien, "en progrès"' }],
            },
          ],
        },
      },
      now,
    });
    expect(answered.files.map((f) => f.path)).toEqual([file, join(dir, "export.notes.csv")]);
    const csv = readFileSync(join(dir, "export.notes.csv"), "utf8");
    expect(csv).toBe('matiere,note,appreciation\r\nFrançais,14.5,"Bien, ""en progrès"""\r\n');
    const json = readFileSync(file, "utf8");
    expect(answered.files[0]?.sha256).toBe(createHash("sha256").update(json).digest("hex"));
    expect(answered.request.attachments.map((a) => a.format)).toEqual(["json", "csv"]);
    await expectJournalHolds();
  });
});
