// Sub-processor changes on each engine: one announcement fans out to windows that close per agreement and per
// calendar, silence settles as each agreement says, nothing is in use before its window settles, and the public
// list shows only what is in use.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readWorkerConfig, runOutboxWorker } from "../../src/app/outbox/run-outbox-worker.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { reader } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { announceSubprocessorChange } from "../../src/app/subprocessor-changes/announce-subprocessor-change.js";
import { listSubprocessorChanges } from "../../src/app/subprocessor-changes/list-subprocessor-changes.js";
import { publishSubprocessorList } from "../../src/app/subprocessor-changes/publish-subprocessor-list.js";
import { respondToSubprocessorChange } from "../../src/app/subprocessor-changes/respond-to-subprocessor-change.js";
import { settleSubprocessorWindows } from "../../src/app/subprocessor-changes/settle-subprocessor-windows.js";
import { showSubprocessorChange } from "../../src/app/subprocessor-changes/show-subprocessor-change.js";
import type { Organisation } from "../../src/domain/organisation.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { subprocessorsInUse } from "../../src/domain/subprocessor-use.js";
import { startLoopbackSmtp } from "../delivery/loopback-smtp.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";
import { addContact, addCustomer, addVendor, type Customer } from "./world.js";

const principal: Principal = localOperator("test:vendor", "t-subprocessors");
const SETUP = Date.parse("2026-12-01T09:00:00Z");
// Thursday 17 December 2026, 11:00 in Paris and Brussels.
const ANNOUNCED = Date.parse("2026-12-17T10:00:00Z");
const DAY = 86_400_000;

const HOSTING = {
  name: "Nuage Sauvegardes SAS",
  activity: "sauvegarde chiffrée",
  location: "FR",
};

describe.each(ENGINES)("sub-processor changes on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;
  let vendor: Organisation;
  let belgian: Customer;
  let french: Customer;
  let alsatian: Customer;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    vendor = await addVendor(register, principal, SETUP);
    belgian = await addCustomer(
      register,
      principal,
      SETUP,
      vendor,
      { name: "Athénée royal de Namur", country: "BE", calendar: "BE" },
      {
        durations: { subprocessor_objection_period: { amount: 14, unit: "days" } },
        objectionSilence: "accepted",
      },
      [{ name: "Hébergeur Historique", activity: "hébergement", location: "FR" }],
    );
    french = await addCustomer(
      register,
      principal,
      SETUP,
      vendor,
      { name: "Collège Louise-Michel", calendar: "FR" },
      {
        durations: { subprocessor_objection_period: { amount: 30, unit: "days" } },
        objectionSilence: "refused",
      },
    );
    alsatian = await addCustomer(
      register,
      principal,
      SETUP,
      vendor,
      { name: "Lycée Kléber", type: "lycee", calendar: "FR-ALSACE-MOSELLE" },
      {
        durations: { subprocessor_objection_period: { amount: 7, unit: "working_days" } },
        objectionSilence: "accepted",
      },
    );
    await addContact(register, principal, SETUP, belgian.school, "dpo@athenee.example");
    await addContact(register, principal, SETUP, french.school, "rgpd@college.example", "en");
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  async function announce() {
    return announceSubprocessorChange({
      register,
      principal,
      input: { processor: vendor.name, kind: "addition", subprocessor: HOSTING },
      now: ANNOUNCED,
    });
  }

  async function inUse(customer: Customer, at: number): Promise<string[]> {
    const uses = await reader(register, principal).subprocessorChanges.usesOfAgreements([
      customer.agreement.id,
    ]);
    return subprocessorsInUse(customer.agreement.subprocessors, uses, at)
      .map((s) => s.name)
      .sort();
  }

  it("opens one window per agreement, each closing under its own term in its controller's calendar", async () => {
    const announced = await announce();
    const closes = Object.fromEntries(announced.windows.map((w) => [w.agreementId, w.closesAt]));
    // 14 days from Friday 18 December: Thursday 31 December ends at midnight in Brussels.
    expect(closes[belgian.agreement.id]).toBe(Date.parse("2026-12-31T23:00:00Z"));
    // 30 days end on Saturday 16 January 2027, carried to Monday 18 January (Reg. 1182/71 Art. 3(4)).
    expect(closes[french.agreement.id]).toBe(Date.parse("2027-01-18T23:00:00Z"));
    // 7 working days in Alsace-Moselle skip Christmas and St Stephen's day: 18, 21, 22, 23, 24, 28, 29 December.
    expect(closes[alsatian.agreement.id]).toBe(Date.parse("2026-12-29T23:00:00Z"));
    const due = await reader(register, principal).obligations.due({});
    expect(
      due
        .filter((o) => o.kind === "decide_on_subprocessor_change")
        .map((o) => o.due)
        .sort(),
    ).toEqual(Object.values(closes).sort());
    // Two controllers have a contact: one e-mail each, the English one first in its reader's language.
    const outbox = await reader(register, principal).outbox.list({});
    expect(outbox.map((m) => m.message.channel)).toEqual(["email", "email"]);
    expect(announced.notices).toBe(2);
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
  });

  it("settles silence as each agreement reads it, only once the sweep runs after the window", async () => {
    await announce();
    // Before any window closes the sweep settles nothing and nothing is in use.
    expect(await settleSubprocessorWindows({ register, principal, now: ANNOUNCED + 5 * DAY })).toEqual([]);
    expect(await inUse(belgian, ANNOUNCED + 5 * DAY)).toEqual(["Hébergeur Historique"]);

    const later = Date.parse("2027-02-01T08:00:00Z");
    // Before the sweep, the windows have closed but nothing is settled: still not in use.
    expect(await inUse(belgian, later)).toEqual(["Hébergeur Historique"]);
    const settled = await settleSubprocessorWindows({ register, principal, now: later });
    const status = Object.fromEntries(settled.map((s) => [s.agreementId, s.status]));
    expect(status).toEqual({
      [belgian.agreement.id]: "deemed_accepted",
      [french.agreement.id]: "deemed_refused",
      [alsatian.agreement.id]: "deemed_accepted",
    });
    expect(await inUse(belgian, later)).toEqual(["Hébergeur Historique", HOSTING.name]);
    expect(await inUse(french, later)).toEqual([]);
    // In use from the close of that customer's window, never earlier.
    const uses = await reader(register, principal).subprocessorChanges.usesOfAgreements([
      belgian.agreement.id,
    ]);
    expect(uses.map((u) => u.from)).toEqual([Date.parse("2026-12-31T23:00:00Z")]);
    // The controllers' decision duties lapse with the window; a second sweep has nothing left.
    // (The controllers of this world have no address: what is left is each one's duty to find a recipient.)
    const left = await reader(register, principal).obligations.due({});
    expect(left.filter((o) => o.kind !== "find_recipient")).toEqual([]);
    expect(await settleSubprocessorWindows({ register, principal, now: later + DAY })).toEqual([]);
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
  });

  it("is settled by the worker's sweep once its windows have closed, with no one asking", async () => {
    await announce();
    const smtp = await startLoopbackSmtp();
    try {
      const later = Date.parse("2027-02-01T08:00:00Z");
      const run = (now: number) =>
        runOutboxWorker({
          register,
          config: readWorkerConfig({ SMTP_URL: smtp.url }),
          once: true,
          clock: () => now,
        });
      expect((await run(ANNOUNCED + 5 * DAY)).settled).toBe(0);
      expect((await run(later)).settled).toBe(3);
      expect(await inUse(belgian, later)).toEqual(["Hébergeur Historique", HOSTING.name]);
      expect(await inUse(french, later)).toEqual([]);
      // Nothing is left for a second sweep, or for a person running `subprocessor settle`.
      expect((await run(later + DAY)).settled).toBe(0);
      expect(await settleSubprocessorWindows({ register, principal, now: later + DAY })).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it("settles each window once when two sweeps run at the same time", async () => {
    await announce();
    const later = Date.parse("2027-02-01T08:00:00Z");
    const sweeps = await Promise.all([
      settleSubprocessorWindows({ register, principal, now: later }),
      settleSubprocessorWindows({ register, principal, now: later }),
    ]);
    expect(
      sweeps
        .flat()
        .map((s) => s.agreementId)
        .sort(),
    ).toEqual([belgian.agreement.id, french.agreement.id, alsatian.agreement.id].sort());
    const uses = await reader(register, principal).subprocessorChanges.usesOfAgreements([
      belgian.agreement.id,
    ]);
    expect(uses.filter((u) => u.name === HOSTING.name)).toHaveLength(1);
  });

  it("lets an approval in at once, and an objection opens what the agreement provides when the window closes", async () => {
    const { change } = await announce();
    const approvedAt = ANNOUNCED + 2 * DAY;
    const approved = await respondToSubprocessorChange({
      register,
      principal,
      input: { change: change.id, agreement: french.agreement.id, answer: "approve" },
      now: approvedAt,
    });
    expect(approved.settled).toBe(true);
    expect(await inUse(french, approvedAt - 1)).toEqual([]);
    expect(await inUse(french, approvedAt)).toEqual([HOSTING.name]);

    await expect(
      respondToSubprocessorChange({
        register,
        principal,
        input: { change: change.id.slice(0, 8), agreement: alsatian.agreement.id, answer: "object" },
        now: approvedAt,
      }),
    ).rejects.toMatchObject({ code: "invalid_input", details: { argument: "reasons" } });
    const objected = await respondToSubprocessorChange({
      register,
      principal,
      input: {
        change: change.id.slice(0, 8),
        agreement: alsatian.agreement.id,
        answer: "object",
        reasons: "hébergement hors de notre marché public",
      },
      now: approvedAt,
    });
    expect(objected.settled).toBe(false);
    const settled = await settleSubprocessorWindows({
      register,
      principal,
      now: Date.parse("2027-02-01T08:00:00Z"),
    });
    const alsace = settled.find((s) => s.agreementId === alsatian.agreement.id);
    expect(alsace).toMatchObject({ status: "objected", mayUse: false });
    const windows = await reader(register, principal).subprocessorChanges.windowsOfAgreement(
      alsatian.agreement.id,
    );
    expect(windows[0]?.consequence?.en).toMatch(/may not engage/);
    expect(await inUse(alsatian, Date.parse("2027-02-01T08:00:00Z"))).toEqual([]);
    // An answer after the window is refused.
    await expect(
      respondToSubprocessorChange({
        register,
        principal,
        input: { change: change.id, agreement: belgian.agreement.id, answer: "approve" },
        now: Date.parse("2027-02-01T08:00:00Z"),
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
  });

  it("lists each change with its windows by status, and shows them agreement by agreement", async () => {
    const { change } = await announce();
    await respondToSubprocessorChange({
      register,
      principal,
      input: { change: change.id, agreement: french.agreement.id, answer: "approve" },
      now: ANNOUNCED + DAY,
    });
    const [summary, ...others] = await listSubprocessorChanges({
      register,
      principal,
      input: { processor: vendor.name },
    });
    expect(others).toEqual([]);
    expect(summary).toMatchObject({
      id: change.id,
      processor: { id: vendor.id, name: vendor.name },
      kind: "addition",
      subprocessor: HOSTING.name,
      windows: { open: 2, approved: 1 },
      // The Alsatian window closes first: 7 working days.
      nextClose: Date.parse("2026-12-29T23:00:00Z"),
    });
    expect(await listSubprocessorChanges({ register, principal, input: {} })).toHaveLength(1);

    const detail = await showSubprocessorChange({
      register,
      principal,
      input: { change: change.id.slice(0, 8) },
    });
    expect(detail.windows.map((w) => [w.controller.name, w.status, w.silence, w.settledAt === null])).toEqual(
      [
        ["Lycée Kléber", "open", "accepted", true],
        ["Athénée royal de Namur", "open", "accepted", true],
        ["Collège Louise-Michel", "approved", "refused", false],
      ],
    );
    expect(detail.windows[0]?.agreement).toEqual({
      id: alsatian.agreement.id,
      title: alsatian.agreement.title,
    });
  });

  it("never has a sub-processor in use for a customer before its window settled in its favour", async () => {
    const { change } = await announce();
    await respondToSubprocessorChange({
      register,
      principal,
      input: { change: change.id, agreement: alsatian.agreement.id, answer: "approve" },
      now: ANNOUNCED + DAY,
    });
    await settleSubprocessorWindows({ register, principal, now: Date.parse("2027-03-01T00:00:00Z") });
    const repositories = reader(register, principal).subprocessorChanges;
    const windows = await repositories.windowsOfChange(change.id);
    const uses = await repositories.usesOfProcessor(vendor.id);
    for (const use of uses.filter((u) => u.changeId === change.id)) {
      const window = windows.find((w) => w.agreementId === use.agreementId);
      expect(["approved", "deemed_accepted"]).toContain(window?.status);
      expect(use.from).not.toBeNull();
      expect(use.from as number).toBeGreaterThanOrEqual(window?.settledAt as number);
    }
    expect(
      uses
        .filter((u) => u.changeId === change.id)
        .map((u) => u.agreementId)
        .sort(),
    ).toEqual([belgian.agreement.id, alsatian.agreement.id].sort());
  });

  it("publishes the current list in HTML, JSON and Atom: the new sub-processor only after settlement", async () => {
    await announce();
    const before = await publishSubprocessorList({
      register,
      principal,
      input: { processor: vendor.name, baseUrl: "https://art28.example/" },
      now: ANNOUNCED + DAY,
    });
    expect(before.list.subprocessors.map((s) => s.name)).toEqual(["Hébergeur Historique"]);
    expect(before.list.changes.map((c) => c.name)).toEqual([HOSTING.name]);
    const later = Date.parse("2027-02-01T08:00:00Z");
    await settleSubprocessorWindows({ register, principal, now: later });
    const after = await publishSubprocessorList({
      register,
      principal,
      input: { processor: vendor.name, baseUrl: "https://art28.example/" },
      now: later,
    });
    expect(after.list.pageUrl).toBe(`https://art28.example/public/processors/${vendor.id}/subprocessors`);
    expect(after.list.subprocessors.map((s) => [s.name, s.since])).toEqual([
      ["Hébergeur Historique", null],
      [HOSTING.name, Date.parse("2026-12-29T23:00:00Z")],
    ]);
    const json = JSON.parse(after.json);
    expect(json.subprocessors.map((s: { name: string }) => s.name)).toContain(HOSTING.name);
    expect(after.html).toContain("Nuage Sauvegardes SAS");
    expect(after.html).toContain("<html");
    expect(after.atom).toContain("<feed");
    expect(after.atom).toContain("Nuage Sauvegardes SAS");
  });
});
