// The register on each engine: organisations, agreements and obligations scoped by tenant, each change journalled
// in its own transaction, an agreement imported with its provenance, and the demo world.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { amendAgreement } from "../../src/app/agreements/amend-agreement.js";
import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { importAgreement } from "../../src/app/agreements/import-agreement.js";
import { listAgreements } from "../../src/app/agreements/list-agreements.js";
import { setAgreementTerms } from "../../src/app/agreements/set-agreement-terms.js";
import { showAgreement } from "../../src/app/agreements/show-agreement.js";
import { closeObligation } from "../../src/app/obligations/close-obligation.js";
import { listDueObligations } from "../../src/app/obligations/list-due-obligations.js";
import { recordObligations } from "../../src/app/obligations/record-obligations.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { DEFAULT_SEEDS_DIR, seedDemo } from "../../src/app/register/seed-demo.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { calendarFor } from "../../src/domain/calendar.js";
import { dueUnderTerm } from "../../src/domain/obligation.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "./databases.js";

const principal: Principal = localOperator("test:dpo", "t-register");
const NOW = Date.parse("2026-05-07T08:15:00Z");
const FIXTURE = fileURLToPath(new URL("./fixtures/accord-cantine.txt", import.meta.url));

describe.each(ENGINES)("the register on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  async function journalCount(who: Principal = principal): Promise<number> {
    return (await verifyJournal({ register, principal: who })).count;
  }

  async function twoParties() {
    const school = await createOrganisation({
      register,
      principal,
      input: { name: "Lycée Marie-Curie", type: "lycee", identifiers: { uai: "0693456G" } },
      now: NOW,
    });
    const vendor = await createOrganisation({
      register,
      principal,
      input: { name: "Menus Malins", type: "editeur", country: "BE" },
      now: NOW,
    });
    return { school, vendor };
  }

  it("finds an organisation by name whatever its accents and case, or by UAI, only within its tenant", async () => {
    const { school } = await twoParties();
    const repositories = (await import("../../src/app/register/unit-of-work.js")).reader(register, principal);
    expect((await repositories.organisations.find("lycee MARIE-curie"))?.id).toBe(school.id);
    expect((await repositories.organisations.find("0693456G"))?.id).toBe(school.id);
    const outsider = (await import("../../src/app/register/unit-of-work.js")).reader(
      register,
      localOperator("x", "t-other"),
    );
    expect(await outsider.organisations.find("Lycée Marie-Curie")).toBeUndefined();
  });

  it("refuses a second organisation of the same name, and journals nothing for the refused one", async () => {
    await twoParties();
    const before = await journalCount();
    await expect(
      createOrganisation({ register, principal, input: { name: "LYCÉE  Marie-Curie" }, now: NOW }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await journalCount()).toBe(before);
  });

  it("records a typed agreement with its terms typed by the principal, its first version and a journal event", async () => {
    const { school, vendor } = await twoParties();
    const agreement = await createAgreement({
      register,
      principal,
      input: {
        kind: "dpa",
        title: "Cantine",
        parties: [
          { organisationId: school.id, role: "controller" },
          { organisationId: vendor.id, role: "processor" },
        ],
        terms: {
          durations: { breach_notification_to_controller: { amount: 48, unit: "hours" } },
          governingLaw: "FR",
        },
        effectiveOn: "2026-09-01",
        status: "active",
      },
      now: NOW,
    });
    const detail = await showAgreement({ register, principal, input: { id: agreement.id.slice(0, 8) } });
    expect(detail.agreement.status).toBe("active");
    expect(detail.agreement.provenance.breach_notification_to_controller).toEqual({
      kind: "typed",
      by: principal.id,
      at: NOW,
    });
    expect(detail.versions.map((v) => [v.version, v.reason])).toEqual([[1, "created"]]);
    expect(detail.organisations[vendor.id]?.name).toBe("Menus Malins");
    // Two organisations created, each given the role it plays here, then the agreement.
    expect(await journalCount()).toBe(5);
    const listed = await listAgreements({ register, principal, input: { organisation: "0693456G" } });
    expect(listed.map((a) => a.id)).toEqual([agreement.id]);
  });

  it("amends an agreement into a new version, the changed term now typed, the old version kept", async () => {
    const { school, vendor } = await twoParties();
    const agreement = await createAgreement({
      register,
      principal,
      input: {
        kind: "dpa",
        title: "Cantine",
        parties: [
          { organisationId: school.id, role: "controller" },
          { organisationId: vendor.id, role: "processor" },
        ],
        terms: { durations: { breach_notification_to_controller: { amount: 48, unit: "hours" } } },
        provenance: { breach_notification_to_controller: { kind: "generated", template: "dpa-fr/1" } },
      },
      now: NOW,
    });
    const amended = await amendAgreement({
      register,
      principal: { ...principal, id: "test:lawyer" },
      input: {
        id: agreement.id,
        amendment: {
          terms: {
            durations: {
              breach_notification_to_controller: { amount: 48, unit: "hours" },
              audit_notice: { amount: 15, unit: "working_days" },
            },
          },
        },
        note: "avenant n° 1",
      },
      now: NOW + 1,
    });
    expect(amended.version).toBe(2);
    expect(amended.provenance.breach_notification_to_controller).toEqual({
      kind: "generated",
      template: "dpa-fr/1",
    });
    expect(amended.provenance.audit_notice).toEqual({ kind: "typed", by: "test:lawyer", at: NOW + 1 });
    const detail = await showAgreement({ register, principal, input: { id: agreement.id } });
    expect(detail.versions.map((v) => [v.version, v.reason, v.note])).toEqual([
      [1, "created", null],
      [2, "amendment", "avenant n° 1"],
    ]);
    expect(detail.agreement).toEqual(amended);
  });

  it("sets and confirms terms by hand: each one typed by the person, the others kept, in a new version", async () => {
    const { school, vendor } = await twoParties();
    const agreement = await createAgreement({
      register,
      principal,
      input: {
        kind: "dpa",
        title: "Cantine",
        parties: [
          { organisationId: school.id, role: "controller" },
          { organisationId: vendor.id, role: "processor" },
        ],
        terms: {
          durations: {
            breach_notification_to_controller: { qualifier: "without_undue_delay" },
            deletion_after_termination: { amount: 30, unit: "days" },
          },
        },
        provenance: { deletion_after_termination: { kind: "generated", template: "dpa-fr/1" } },
      },
      now: NOW,
    });
    const dpo = { ...principal, id: "test:dpo-lycee" };
    const { agreement: set, set: keys } = await setAgreementTerms({
      register,
      principal: dpo,
      input: {
        agreement: agreement.id.slice(0, 8),
        periods: { breach_notification_to_controller: "48 heures", audit_notice: "15 jours ouvrés" },
        objectionSilence: "refused",
        note: "annexe 2, article 4",
      },
      now: NOW + 1,
    });
    expect(keys).toEqual(["breach_notification_to_controller", "audit_notice", "objectionSilence"]);
    expect(set.version).toBe(2);
    expect(set.terms.durations).toEqual({
      breach_notification_to_controller: { amount: 48, unit: "hours" },
      deletion_after_termination: { amount: 30, unit: "days" },
      audit_notice: { amount: 15, unit: "working_days" },
    });
    expect(set.terms.objectionSilence).toBe("refused");
    const typed = { kind: "typed", by: "test:dpo-lycee", at: NOW + 1 };
    expect(set.provenance).toMatchObject({
      breach_notification_to_controller: typed,
      audit_notice: typed,
      objectionSilence: typed,
      deletion_after_termination: { kind: "generated", template: "dpa-fr/1" },
    });
    // Confirming a term at the value it already has still records who vouched for it.
    const confirmed = await setAgreementTerms({
      register,
      principal: { ...principal, id: "test:juriste" },
      input: { agreement: agreement.id, periods: { deletion_after_termination: "30 jours" } },
      now: NOW + 2,
    });
    expect(confirmed.agreement.provenance.deletion_after_termination).toEqual({
      kind: "typed",
      by: "test:juriste",
      at: NOW + 2,
    });
    for (const [input, argument] of [
      [{ periods: { not_a_term: "3 jours" } }, "set"],
      [{ periods: { audit_notice: "bientôt" } }, "set"],
      [{ objectionSilence: "maybe" }, "silence"],
      [{}, "set"],
    ] as const) {
      await expect(
        setAgreementTerms({
          register,
          principal,
          input: { agreement: agreement.id, ...input },
          now: NOW + 3,
        }),
      ).rejects.toMatchObject({ code: "invalid_input", details: { argument } });
    }
    expect(
      (await showAgreement({ register, principal, input: { id: agreement.id } })).agreement.version,
    ).toBe(3);
  });

  it("closes an obligation once, with its evidence, and then no longer lists it", async () => {
    const { school, vendor } = await twoParties();
    const [obligation] = (
      await inTransaction(register, principal, NOW, (unit) =>
        recordObligations(unit, [
          {
            kind: "notify_breach_to_controller",
            holderId: vendor.id,
            counterpartyId: school.id,
            agreementId: null,
            trigger: { type: "breach.recorded", id: "b1", at: NOW },
            ...dueUnderTerm(
              NOW,
              "breach_notification_to_controller",
              { amount: 24, unit: "hours" },
              calendarFor("FR"),
            ),
            what: { fr: "notifier", en: "notify" },
          },
        ]),
      )
    ).result;
    const id = obligation?.id as string;
    const closed = await closeObligation({
      register,
      principal,
      input: { id, outcome: "done", note: "courriel du 7 mai", sha256: "a".repeat(64) },
      now: NOW + 3_600_000,
    });
    expect(closed).toMatchObject({
      status: "done",
      closedAt: NOW + 3_600_000,
      evidence: { by: principal.id },
    });
    expect(await listDueObligations({ register, principal, input: {}, now: NOW })).toEqual([]);
    await expect(
      closeObligation({ register, principal, input: { id, outcome: "waived", note: "again" }, now: NOW }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("rolls back the whole use case, journal included, when one step fails", async () => {
    const { school } = await twoParties();
    const before = await journalCount();
    await expect(
      createAgreement({
        register,
        principal,
        input: {
          kind: "dpa",
          title: "Orphan",
          parties: [
            { organisationId: school.id, role: "controller" },
            { organisationId: "no-such-organisation", role: "processor" },
          ],
        },
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await journalCount()).toBe(before);
    expect(await listAgreements({ register, principal })).toEqual([]);
  });

  it("imports an agreement with each term's quote, offset and the document's sha256, and lists what to confirm", async () => {
    const imported = await importAgreement({
      register,
      principal,
      input: {
        path: FIXTURE,
        controller: "Collège des Tilleuls",
        processor: "Menus Malins SAS",
        calendar: "FR-57",
      },
      now: NOW,
    });
    const sha256 = createHash("sha256").update(readFileSync(FIXTURE)).digest("hex");
    const { agreement } = imported;
    expect(agreement.status).toBe("draft");
    expect(agreement.source?.sha256).toBe(sha256);
    expect(agreement.terms.durations.breach_notification_to_controller).toEqual({
      amount: 48,
      unit: "hours",
    });
    const provenance = agreement.provenance.breach_notification_to_controller;
    expect(provenance).toMatchObject({ kind: "analysed", sha256 });
    expect(provenance?.kind === "analysed" && provenance.quote).toMatch(/quarante-huit \(48\) heures/);
    expect(imported.createdOrganisations.map((o) => [o.name, o.calendar])).toEqual([
      ["Collège des Tilleuls", "FR-ALSACE-MOSELLE"],
      ["Menus Malins SAS", "FR"],
    ]);
    // "dans les meilleurs délais" sets no number: the user must confirm how it is read.
    expect(imported.confirm).toContainEqual(
      expect.objectContaining({ kind: "qualifier", id: "dsr_forwarding_to_controller" }),
    );
    expect(imported.confirm.some((c) => c.kind === "checklist")).toBe(true);
    const stored = await showAgreement({ register, principal, input: { id: agreement.id } });
    expect(stored.agreement).toEqual(agreement);
  });

  it("lists pending obligations by deadline, before a date, for the organisation that owes or is owed them", async () => {
    const { school, vendor } = await twoParties();
    const calendar = calendarFor("FR");
    await inTransaction(register, principal, NOW, async (unit) => {
      const draft = (hours: number, holderId: string, counterpartyId: string) => ({
        kind: "notify_breach_to_controller",
        holderId,
        counterpartyId,
        agreementId: null,
        trigger: { type: "breach.recorded", id: `b${hours}`, at: NOW },
        ...dueUnderTerm(NOW, "breach_notification_to_controller", { amount: hours, unit: "hours" }, calendar),
        what: { fr: `notifier ${hours}`, en: `notify ${hours}` },
      });
      await recordObligations(unit, [
        draft(72, vendor.id, school.id),
        draft(24, vendor.id, school.id),
        draft(48, school.id, vendor.id),
      ]);
    });
    const all = await listDueObligations({ register, principal, input: {}, now: NOW });
    expect(all.map((o) => o.what.en)).toEqual(["notify 24", "notify 48", "notify 72"]);
    // 24 hours from 10:15 Paris start at 11:00 and expire at 11:00 the next day (Reg. 1182/71 Art. 3(1)).
    expect(all[0]?.due).toBe("2026-05-08T11:00:00+02:00");
    const before = await listDueObligations({
      register,
      principal,
      input: { before: "2026-05-10" },
      now: NOW,
    });
    expect(before.map((o) => o.what.en)).toEqual(["notify 24", "notify 48"]);
    const owedBySchool = await listDueObligations({
      register,
      principal,
      input: { organisation: "Lycée Marie-Curie", heldOnly: true },
      now: NOW,
    });
    expect(owedBySchool.map((o) => o.what.en)).toEqual(["notify 48"]);
    const concerningSchool = await listDueObligations({
      register,
      principal,
      input: { organisation: "0693456G" },
      now: NOW,
    });
    expect(concerningSchool).toHaveLength(3);
    const later = await listDueObligations({ register, principal, input: {}, now: NOW + 30 * 3_600_000 });
    expect(later.map((o) => o.status)).toEqual(["late", "open", "open"]);
    const elsewhere = await listDueObligations({
      register,
      principal: localOperator("x", "t-other"),
      input: {},
      now: NOW,
    });
    expect(elsewhere).toEqual([]);
  });

  it("fills an empty register with the demo world, deadlines from each agreement, and refuses a second run", async () => {
    const summary = await seedDemo({ register, principal, input: { seedsDir: null }, now: NOW });
    expect(summary.organisations.map((o) => o.type)).toEqual(
      expect.arrayContaining(["academie", "collectivite", "ecole", "college", "lycee", "editeur"]),
    );
    expect(summary.agreements.every((a) => a.source === "typed")).toBe(true);
    const due = await listDueObligations({ register, principal, input: {}, now: NOW });
    // The région and one school of the demo have no address: the sub-processor's announcement cannot reach them,
    // and the processor holds a duty to find a recipient for each instead.
    expect(due.map((o) => o.kind).sort()).toEqual([
      "decide_on_subprocessor_change",
      "decide_on_subprocessor_change",
      "find_recipient",
      "find_recipient",
      "forward_request_to_controller",
      "notify_breach_to_controller",
      "notify_breach_to_controller",
      "security_measures_review",
    ]);
    // The hand-entered Korrigo agreement gives 24 hours from a breach known at 05:15 Paris.
    expect(due[0]).toMatchObject({ kind: "notify_breach_to_controller", due: "2026-05-08T06:00:00+02:00" });
    // Scolares (Belgian calendar): 3 working days from Wednesday 6 May 08:15 Brussels.
    expect(due.find((o) => o.kind === "forward_request_to_controller")?.due).toBe(
      "2026-05-12T00:00:00+02:00",
    );
    // Its yearly security review counts from the agreement's effect, 1 September 2025: to the end of 1 September 2026.
    expect(due.find((o) => o.kind === "security_measures_review")?.due).toBe("2026-09-02T00:00:00+02:00");
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
    await expect(
      seedDemo({ register, principal, input: { seedsDir: null }, now: NOW }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it.runIf(existsSync(DEFAULT_SEEDS_DIR))(
    "reads the vendors' agreements from the shared seeds when they are there",
    async () => {
      const summary = await seedDemo({ register, principal, now: NOW });
      expect(summary.seedsUsed.length).toBeGreaterThanOrEqual(3);
      expect(summary.agreements.filter((a) => a.source !== "typed").length).toBe(5);
      const agreements = await listAgreements({ register, principal });
      expect(agreements.filter((a) => a.sourceSha256 !== null)).toHaveLength(5);
    },
  );
});

if (!existsSync(DEFAULT_SEEDS_DIR)) {
  console.warn(`register tests: ${DEFAULT_SEEDS_DIR} is absent, so the demo-from-seeds test is skipped`);
}
