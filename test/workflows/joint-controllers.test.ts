// Joint controllers of a school ENT on each engine (GDPR Art. 26): conventions on the Ministry's kit models hold
// their allocation of duties, editable per party, journalled and carried in bundles.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { setJointAllocation } from "../../src/app/agreements/set-joint-allocation.js";
import { showAgreement } from "../../src/app/agreements/show-agreement.js";
import { recordBreach } from "../../src/app/breaches/record-breach.js";
import { showBreach } from "../../src/app/breaches/show-breach.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { exportBundle } from "../../src/app/register/export-bundle.js";
import { importBundle } from "../../src/app/register/import-bundle.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { reader } from "../../src/app/register/unit-of-work.js";
import { holderOf } from "../../src/domain/joint-allocation.js";
import type { Organisation } from "../../src/domain/organisation.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";

const principal: Principal = localOperator("test:dpo", "t-joint");
const NOW = Date.parse("2026-03-02T09:00:00Z");

describe.each(ENGINES)("joint-controller conventions on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;
  let academie: Organisation;
  let region: Organisation;
  let lycee: Organisation;

  const organisation = (name: string, type: Organisation["type"]) =>
    createOrganisation({ register, principal, input: { name, type, roles: ["controller"] }, now: NOW });

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    academie = await organisation("Académie de Valbonne", "academie");
    region = await organisation("Région Sud-Est", "collectivite");
    lycee = await organisation("Lycée Jean-Moulin", "lycee");
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  const conventionModel2 = () =>
    createAgreement({
      register,
      principal,
      input: {
        kind: "joint_controller",
        title: "Convention ENT — Lycée Jean-Moulin",
        parties: [
          { organisation: "Académie de Valbonne", role: "joint_controller" },
          { organisation: "Région Sud-Est", role: "joint_controller" },
          { organisation: "Lycée Jean-Moulin", role: "joint_controller" },
        ],
        ent: { ent: "ENT Sud-Est", model: 2 },
      },
      now: NOW,
    });

  it("a convention on model 2 holds the kit's allocation, the lycée among the schools it covers, and the 48-hour alert", async () => {
    const agreement = await conventionModel2();
    const detail = await showAgreement({ register, principal, input: { id: agreement.id } });
    const arrangement = detail.arrangement;
    expect(arrangement?.ent).toBe("ENT Sud-Est");
    expect(arrangement?.schools).toEqual([lycee.id]);
    const controllers = [academie.id, region.id, lycee.id];
    const allocation = arrangement?.allocation ?? [];
    expect(
      holderOf(allocation, "notify_authority", { perimeter: "several_schools", controllers })?.holders,
    ).toEqual([academie.id]);
    expect(
      holderOf(allocation, "notify_authority", { perimeter: "one_school", school: lycee.id, controllers })
        ?.holders,
    ).toEqual([lycee.id]);
    expect(detail.agreement.terms.durations.incident_alert_between_controllers).toEqual({
      amount: 48,
      unit: "hours",
    });
    expect(detail.agreement.provenance.incident_alert_between_controllers).toEqual({
      kind: "generated",
      template: "ent-kit-model-2",
    });
  });

  it("a party edits who holds a duty, the edit is journalled and the rest of the preset stays", async () => {
    const agreement = await conventionModel2();
    const edited = await setJointAllocation({
      register,
      principal,
      input: {
        agreement: agreement.id.slice(0, 8),
        duty: "contact_point",
        perimeter: "any",
        holder: "Académie de Valbonne",
      },
      now: NOW + 1000,
    });
    const controllers = [academie.id, region.id, lycee.id];
    expect(
      holderOf(edited.allocation, "contact_point", { perimeter: "one_school", school: lycee.id, controllers })
        ?.holders,
    ).toEqual([academie.id]);
    expect(
      holderOf(edited.allocation, "notify_authority", {
        perimeter: "one_school",
        school: lycee.id,
        controllers,
      })?.holders,
    ).toEqual([lycee.id]);
    const events = await reader(register, principal).journal.page(principal.tenant, 0, 1000);
    const set = events.filter((e) => e.type === "joint_arrangement.set");
    expect(set).toHaveLength(2);
  });

  it("refuses to give a duty to an organisation that is not a party", async () => {
    const agreement = await conventionModel2();
    await organisation("Département du Var", "collectivite");
    await expect(
      setJointAllocation({
        register,
        principal,
        input: {
          agreement: agreement.id,
          duty: "answer_requests",
          perimeter: "any",
          holder: "Département du Var",
        },
        now: NOW,
      }),
    ).rejects.toThrow(/n'est pas partie|not a party/);
  });

  it("a bundle carries the allocation to another register", async () => {
    const agreement = await conventionModel2();
    const bundle = await exportBundle({ register, principal, now: NOW });
    expect(bundle.tables.joint_arrangements).toHaveLength(1);
    const dir = mkdtempSync(join(tmpdir(), "art28-joint-"));
    const target = await createTestDatabase(engine);
    const other = await openRegister({ env: { DATABASE_URL: target.url } });
    try {
      const file = join(dir, "bundle.json");
      writeFileSync(file, JSON.stringify(bundle));
      await importBundle({ register: other, principal, input: { path: file }, now: NOW + 1 });
      const copied = await showAgreement({ register: other, principal, input: { id: agreement.id } });
      expect(copied.arrangement).toEqual(
        (await showAgreement({ register, principal, input: { id: agreement.id } })).arrangement,
      );
    } finally {
      await other.close();
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("a breach at the ENT vendor", () => {
    let ecole: Organisation;
    const AWARE = Date.parse("2026-03-03T08:00:00Z");
    // Reg. 1182/71 Art. 3(1): the hour of the event does not count, so periods run from 09:00.
    const HOUR = 3600_000;
    const FROM = AWARE + HOUR;

    beforeEach(async () => {
      ecole = await organisation("École Jules-Ferry", "ecole");
      await createOrganisation({
        register,
        principal,
        input: { name: "ENT Éditions SAS", type: "editeur", roles: ["processor"] },
        now: NOW,
      });
      await conventionModel2();
      await createAgreement({
        register,
        principal,
        input: {
          kind: "joint_controller",
          title: "Convention ENT — écoles",
          parties: [
            { organisation: "Académie de Valbonne", role: "joint_controller" },
            { organisation: "Région Sud-Est", role: "joint_controller" },
          ],
          ent: { ent: "ENT Sud-Est", model: 1, schools: ["École Jules-Ferry"] },
          status: "active",
          effectiveOn: "2025-09-01",
        },
        now: NOW,
      });
      await createAgreement({
        register,
        principal,
        input: {
          kind: "dpa",
          title: "Marché ENT — clause de sous-traitance",
          parties: [
            { organisation: "Région Sud-Est", role: "controller" },
            { organisation: "ENT Éditions SAS", role: "processor" },
          ],
          terms: {
            durations: {
              breach_notification_to_controller: { amount: 48, unit: "hours" },
              dsr_forwarding_to_controller: { amount: 3, unit: "working_days" },
            },
          },
          ent: { ent: "ENT Sud-Est", signedForAllBy: "Région Sud-Est" },
          status: "active",
          effectiveOn: "2025-09-01",
        },
        now: NOW,
      });
    });

    const breachTouching = (...schools: string[]) =>
      recordBreach({
        register,
        principal,
        input: {
          processor: "ENT Éditions SAS",
          details: { natures: ["confidentiality"], awareAt: AWARE, description: "messagerie exposée" },
          schools,
        },
        now: AWARE + 3600_000,
      });

    it("touching one lycée puts the CNIL duty on the lycée, the vendor's 48-hour notice being due to every joint controller", async () => {
      const recorded = await breachTouching("Lycée Jean-Moulin");
      expect(recorded.duties.map((d) => d.counterpartyId).sort()).toEqual(
        [academie.id, region.id, lycee.id].sort(),
      );
      for (const duty of recorded.duties) expect(duty.due).toBe(FROM + 48 * HOUR);
      const authority = recorded.joint?.duties.find((d) => d.kind === "notify_breach_to_authority");
      expect(authority?.holderId).toBe(lycee.id);
      expect(authority?.due).toBe(FROM + 72 * HOUR);
      expect(recorded.joint?.why.fr).toContain("ne touchent que ses élèves");
    });

    it("touching a lycée and an école puts the CNIL duty on the académie, every other joint controller alerted within 48 hours", async () => {
      const recorded = await breachTouching("Lycée Jean-Moulin", "École Jules-Ferry");
      const joint = recorded.joint?.duties ?? [];
      expect(joint.find((d) => d.kind === "notify_breach_to_authority")?.holderId).toBe(academie.id);
      expect(joint.find((d) => d.kind === "assess_breach_for_data_subjects")?.holderId).toBe(academie.id);
      const alerts = joint.filter((d) => d.kind === "alert_joint_controller");
      expect(alerts.map((a) => a.counterpartyId).sort()).toEqual([region.id, lycee.id].sort());
      for (const alert of alerts) {
        expect(alert.holderId).toBe(academie.id);
        expect(alert.due).toBe(FROM + 48 * HOUR);
      }
      const shown = await showBreach({ register, principal, input: { breach: recorded.breach.id } });
      const cnil = shown.pending.find((p) => p.kind === "notify_breach_to_authority");
      expect(cnil?.holder).toBe("Académie de Valbonne");
      expect(cnil?.what.fr).toContain("plusieurs établissements");
      expect(ecole.id).toBeDefined();
    });

    it("refuses a school no convention of the ENT covers", async () => {
      await organisation("Collège Hors-Champ", "college");
      await expect(breachTouching("Collège Hors-Champ")).rejects.toThrow(/aucun accord ENT|no ENT agreement/);
    });
  });
});
