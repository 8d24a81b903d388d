// Breaches wired end to end on each engine: one action fans a processor's breach out to every controller under its
// own agreement's delay and calendar; controllers' 72 hours; phased notices; the consolidated authority notice.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { addBreachUpdate } from "../../src/app/breaches/add-breach-update.js";
import { assessBreachRiskFor } from "../../src/app/breaches/assess-breach-risk.js";
import { notifyAuthority } from "../../src/app/breaches/notify-authority.js";
import { recordBreach } from "../../src/app/breaches/record-breach.js";
import { recordBreachAwareness } from "../../src/app/breaches/record-breach-awareness.js";
import { showBreach } from "../../src/app/breaches/show-breach.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import type { Duration } from "../../src/domain/duration.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";

const principal: Principal = localOperator("test:dpo", "t-breach");
const SETUP = Date.parse("2026-03-01T09:00:00+01:00");
// Friday 27 March 2026, 16:40 in Paris; summer time starts on Sunday 29 March at 02:00.
const AWARE = "2026-03-27T16:40:00+01:00";
const RECORDED = Date.parse("2026-03-27T17:05:00+01:00");

describe.each(ENGINES)("breaches on %s", (engine) => {
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

  async function expectJournalHolds() {
    const verification = await verifyJournal({ register, principal });
    expect(verification.fault).toBeNull();
    return verification.count;
  }

  async function world() {
    const org = (input: Parameters<typeof createOrganisation>[0]["input"]) =>
      createOrganisation({ register, principal, input, now: SETUP });
    const vendor = await org({ name: "Cahiers Numériques", type: "editeur", roles: ["processor"] });
    const lycee = await org({ name: "Lycée Jean-Jaurès", type: "lycee", roles: ["controller"] });
    const athenee = await org({ name: "Athénée de Namur", country: "BE", roles: ["controller"] });
    const ecole = await org({ name: "École des Tilleuls", type: "ecole", roles: ["controller"] });
    const outsider = await org({ name: "Autre Éditeur", type: "editeur", roles: ["processor"] });
    const agree = (title: string, controllerId: string, delay: Duration, processorId = vendor.id) =>
      createAgreement({
        register,
        principal,
        input: {
          kind: "dpa",
          title,
          parties: [
            { organisationId: controllerId, role: "controller" },
            { organisationId: processorId, role: "processor" },
          ],
          effectiveOn: "2025-09-01",
          status: "active",
          terms: { durations: { breach_notification_to_controller: delay } },
        },
        now: SETUP,
      });
    await agree("Cahier de textes", lycee.id, { amount: 24, unit: "hours" });
    // A second agreement of the same controller, with a longer delay: the earliest deadline binds.
    await agree("Agenda", lycee.id, { amount: 48, unit: "hours" });
    await agree("Bulletins", athenee.id, { amount: 48, unit: "hours" });
    await agree("Carnet de liaison", ecole.id, { qualifier: "without_undue_delay" });
    await agree("Autre", ecole.id, { amount: 1, unit: "hours" }, outsider.id);
    return { vendor, lycee, athenee, ecole };
  }

  const details = {
    natures: ["confidentiality"],
    discoveredAt: "2026-03-27T15:10:00+01:00",
    awareAt: AWARE,
    description: "Export des carnets de notes laissé public sur un espace de stockage",
    dataCategories: ["identité", "notes"],
  };

  it("opens one notification duty per controller, under its own agreement's delay, in its own calendar", async () => {
    const { vendor, lycee, athenee, ecole } = await world();
    const recorded = await recordBreach({
      register,
      principal,
      input: { processor: vendor.name, details },
      now: RECORDED,
    });
    const byController = new Map(recorded.duties.map((d) => [d.counterpartyId, d]));
    expect(recorded.duties).toHaveLength(3);
    // Reg. 1182/71 Art. 3(1): the hour of the event (16:00-17:00) is not counted; 24 h from 17:00 on Friday.
    expect(byController.get(lycee.id)?.due).toBe(Date.parse("2026-03-28T17:00:00+01:00"));
    expect(byController.get(lycee.id)?.basis).toMatchObject({ kind: "term", duration: { amount: 24 } });
    // 48 elapsed hours in Brussels cross the change to summer time: 18:00 on Sunday, local.
    expect(byController.get(athenee.id)?.due).toBe(Date.parse("2026-03-29T18:00:00+02:00"));
    // "Sans délai": read as 48 hours and marked as interpreted.
    expect(byController.get(ecole.id)?.due).toBe(Date.parse("2026-03-29T18:00:00+02:00"));
    expect(byController.get(ecole.id)?.basis).toMatchObject({
      kind: "interpreted",
      qualifier: "without_undue_delay",
      duration: { amount: 48, unit: "hours" },
    });
    const shown = await showBreach({
      register,
      principal,
      input: { breach: recorded.breach.id.slice(0, 8) },
    });
    expect(shown.notifications.map((n) => n.controller).sort()).toEqual(
      ["Athénée de Namur", "Lycée Jean-Jaurès", "École des Tilleuls"].sort(),
    );
    expect(shown.pending).toHaveLength(3);
    expect(shown.register.map((r) => r.entry.side)).toEqual(["processor"]);
    await expectJournalHolds();
  });

  it("sends the initial notice then an update carrying what changed, closing each notification duty once", async () => {
    const { vendor } = await world();
    const recorded = await recordBreach({
      register,
      principal,
      input: { processor: vendor.name, details },
      now: RECORDED,
    });
    const first = await addBreachUpdate({
      register,
      principal,
      input: { breach: recorded.breach.id },
      now: RECORDED + 60_000,
    });
    expect(first.notice).toMatchObject({ phase: "initial", sequence: 1, complete: false });
    expect(first.recipients).toBe(3);
    const second = await addBreachUpdate({
      register,
      principal,
      input: {
        breach: recorded.breach.id,
        changes: { approximatePeople: 840, approximateRecords: 12_000, measuresTaken: "Accès public retiré" },
      },
      now: RECORDED + 3_600_000,
    });
    expect(second.notice).toMatchObject({ phase: "update", sequence: 2 });
    expect(second.notice.changed).toEqual(["approximatePeople", "approximateRecords", "measuresTaken"]);
    await expect(
      addBreachUpdate({
        register,
        principal,
        input: { breach: recorded.breach.id },
        now: RECORDED + 7_200_000,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const shown = await showBreach({ register, principal, input: { breach: recorded.breach.id } });
    expect(shown.pending).toHaveLength(0);
    expect(shown.notices).toHaveLength(6);
    await expectJournalHolds();
  });

  it("gives a controller 72 hours from its awareness when there is a risk, and lets the processor file for it", async () => {
    const { vendor, lycee, athenee, ecole } = await world();
    const recorded = await recordBreach({
      register,
      principal,
      input: { processor: vendor.name, details, notify: true },
      now: RECORDED,
    });
    const breach = recorded.breach.id;
    const atRisk = {
      dataKinds: ["assessment"],
      identifiability: "direct",
      exposure: "public",
      vulnerablePeople: true,
    };
    const later = Date.parse("2026-03-30T10:00:00+02:00");
    await assessBreachRiskFor({
      register,
      principal,
      input: { breach, keeper: lycee.name, factors: atRisk },
      now: later,
    });
    await expect(
      recordBreachAwareness({ register, principal, input: { breach, controller: athenee.name }, now: later }),
    ).rejects.toMatchObject({ code: "conflict" });
    const aware = await recordBreachAwareness({
      register,
      principal,
      input: { breach, controller: lycee.name, awareAt: "2026-03-30T09:20:00+02:00", mandateProcessor: true },
      now: later,
    });
    expect(aware.authority).toBe("CNIL");
    const toAuthority = aware.duties.find((d) => d.kind === "notify_breach_to_authority");
    // 72 hours from 10:00 on Monday (the hour of awareness is not counted).
    expect(toAuthority?.due).toBe(Date.parse("2026-04-02T10:00:00+02:00"));
    expect(aware.duties.map((d) => d.kind).sort()).toEqual([
      "communicate_breach_to_data_subjects",
      "notify_breach_to_authority",
      "notify_breach_to_authority_on_behalf",
    ]);
    // A controller that sees no risk owes the authority nothing, and says why in its register.
    const noRisk = { dataKinds: ["identification"], identifiability: "negligible", exposure: "none" };
    await assessBreachRiskFor({
      register,
      principal,
      input: { breach, keeper: ecole.name, factors: noRisk },
      now: later,
    });
    const quiet = await recordBreachAwareness({
      register,
      principal,
      input: { breach, controller: ecole.name },
      now: later,
    });
    expect(quiet.duties).toHaveLength(0);
    expect(quiet.awareAt).toBe(RECORDED);

    const filed = await notifyAuthority({
      register,
      principal,
      input: { breach, by: vendor.name, reference: "CNIL-2026-0042" },
      now: later + 3_600_000,
    });
    expect(filed).toHaveLength(1);
    expect(filed[0]?.onBehalfOf).toEqual([lycee.id]);
    expect(filed[0]?.closed.map((d) => d.kind).sort()).toEqual([
      "notify_breach_to_authority",
      "notify_breach_to_authority_on_behalf",
    ]);
    expect(filed[0]?.closed.every((d) => d.evidence?.sha256?.length === 64)).toBe(true);
    await expect(
      notifyAuthority({ register, principal, input: { breach, by: lycee.name }, now: later + 7_200_000 }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expectJournalHolds();
  });

  it("lets a controller record its own breach: register entry first, then 72 hours from its own awareness", async () => {
    const { vendor, lycee, ecole } = await world();
    const recorded = await recordBreach({
      register,
      principal,
      input: { controller: lycee.name, details },
      now: RECORDED,
    });
    expect(recorded.breach).toMatchObject({ side: "controller", recordedBy: lycee.id });
    expect(recorded.duties).toHaveLength(0);
    const breach = recorded.breach.id;
    // Nobody to notify under Art. 33(2), and no processor to mandate.
    await expect(
      addBreachUpdate({ register, principal, input: { breach }, now: RECORDED }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    // Another school never heard of it.
    await expect(
      assessBreachRiskFor({
        register,
        principal,
        input: { breach, keeper: ecole.name, factors: {} },
        now: RECORDED,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await assessBreachRiskFor({
      register,
      principal,
      input: {
        breach,
        keeper: lycee.name,
        factors: {
          dataKinds: ["assessment"],
          identifiability: "direct",
          exposure: "public",
          vulnerablePeople: true,
        },
      },
      now: RECORDED,
    });
    await expect(
      recordBreachAwareness({
        register,
        principal,
        input: { breach, controller: lycee.name, mandateProcessor: true },
        now: RECORDED,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const aware = await recordBreachAwareness({
      register,
      principal,
      input: { breach, controller: lycee.name },
      now: RECORDED,
    });
    // Its awareness is the one it recorded, Friday 16:40: 72 elapsed hours from 17:00 cross into summer time
    // and end at 18:00 on Monday, local.
    expect(aware.awareAt).toBe(Date.parse(AWARE));
    expect(aware.duties.find((d) => d.kind === "notify_breach_to_authority")?.due).toBe(
      Date.parse("2026-03-30T18:00:00+02:00"),
    );
    expect(aware.duties.map((d) => d.kind).sort()).toEqual([
      "communicate_breach_to_data_subjects",
      "notify_breach_to_authority",
    ]);
    // Once is enough: a second awareness would open the same duties twice.
    await expect(
      recordBreachAwareness({
        register,
        principal,
        input: { breach, controller: lycee.name },
        now: RECORDED,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    const shown = await showBreach({ register, principal, input: { breach } });
    expect(shown.register.map((r) => [r.entry.side, r.entry.riskLevel, r.entry.controllerAwareAt])).toEqual([
      ["controller", "high_risk", Date.parse(AWARE)],
    ]);
    // The school files itself; the vendor has nothing to do with this breach.
    await expect(
      notifyAuthority({ register, principal, input: { breach, by: vendor.name }, now: RECORDED + 3_600_000 }),
    ).rejects.toMatchObject({ code: "conflict" });
    const filed = await notifyAuthority({
      register,
      principal,
      input: { breach, by: lycee.name, reference: "CNIL-2026-0077" },
      now: RECORDED + 3_600_000,
    });
    expect(filed[0]?.closed.map((d) => d.kind)).toEqual(["notify_breach_to_authority"]);
    await expectJournalHolds();
  });

  it("refuses a breach that names both sides, or neither", async () => {
    const { vendor, lycee } = await world();
    for (const input of [{ details }, { processor: vendor.name, controller: lycee.name, details }]) {
      await expect(recordBreach({ register, principal, input, now: RECORDED })).rejects.toMatchObject({
        code: "invalid_input",
      });
    }
    await expect(
      recordBreach({ register, principal, input: { controller: vendor.name, details }, now: RECORDED }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("asks a late controller for its reasons before it files with the authority", async () => {
    const { vendor, athenee } = await world();
    const { breach } = await recordBreach({
      register,
      principal,
      input: { processor: vendor.name, details, notify: true },
      now: RECORDED,
    });
    const factors = { dataKinds: ["health"], identifiability: "direct", exposure: "limited" };
    await assessBreachRiskFor({
      register,
      principal,
      input: { breach: breach.id, keeper: athenee.name, factors },
      now: RECORDED,
    });
    const aware = await recordBreachAwareness({
      register,
      principal,
      input: { breach: breach.id, controller: athenee.name },
      now: RECORDED,
    });
    expect(aware.authority).toBe("APD");
    const late = Date.parse("2026-04-03T12:00:00+02:00");
    await expect(
      notifyAuthority({ register, principal, input: { breach: breach.id, by: athenee.name }, now: late }),
    ).rejects.toMatchObject({ code: "invalid_input", details: { argument: "reasons" } });
    const [filed] = await notifyAuthority({
      register,
      principal,
      input: { breach: breach.id, by: athenee.name, reasonsForDelay: "Enquête du prestataire en cours" },
      now: late,
    });
    expect(filed?.late).toBe(true);
    await expectJournalHolds();
  });
});
