// Reminders: the sweep sends one per point before a deadline, one at it and one a day once late, in the holder's
// language, by e-mail and signed webhook, each exactly once however often it runs; closing the duty stops them.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeObligation } from "../../src/app/obligations/close-obligation.js";
import { addWebhookEndpoint } from "../../src/app/organisations/add-webhook-endpoint.js";
import { setOrganisationContact } from "../../src/app/organisations/set-organisation-contact.js";
import { readWorkerConfig, runOutboxWorker } from "../../src/app/outbox/run-outbox-worker.js";
import { readReminderConfig, sweepReminders } from "../../src/app/outbox/sweep-reminders.js";
import { ENGINES } from "../register/databases.js";
import {
  obligation,
  openWorld,
  organisation,
  PRINCIPAL,
  startReceiver,
  startSmtp,
  type TestReceiver,
  type TestSmtp,
  type World,
} from "./outbox-world.js";

const T0 = Date.parse("2026-09-01T08:00:00Z");
const DAY = 86_400_000;
const DUE = T0 + 10 * DAY;
const SECRET = "reminder-webhook-secret-0123456789";

describe.each(ENGINES)("reminders on %s", (engine) => {
  let world: World;
  let smtp: TestSmtp;
  let receiver: TestReceiver;
  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver(SECRET);
  });
  afterAll(async () => {
    await smtp.close();
    await receiver.close();
  });
  afterEach(async () => {
    await world?.close();
    smtp.received.length = 0;
    receiver.received.length = 0;
  });

  /** A vendor owing a breach notice to a school, due in ten days; the vendor reads English and has a webhook. */
  async function vendorOwingSchool(): Promise<string> {
    world = await openWorld(engine);
    const vendor = await organisation(world, "Prestataire ENT", T0);
    const school = await organisation(world, "Collège Jean-Moulin", T0);
    await setOrganisationContact({
      register: world.register,
      principal: PRINCIPAL,
      input: { organisation: vendor.name, email: "dpo@prestataire.example", language: "en" },
      now: T0,
    });
    await addWebhookEndpoint({
      register: world.register,
      principal: PRINCIPAL,
      input: { organisation: vendor.name, url: receiver.url, secret: SECRET },
      now: T0,
    });
    return obligation(world, vendor, school, DUE, T0);
  }

  const sweep = (now: number, env: Record<string, string> = {}) =>
    sweepReminders({ register: world.register, now, config: readReminderConfig(env) });
  const deliver = (now: number) =>
    runOutboxWorker({
      register: world.register,
      config: readWorkerConfig({ SMTP_URL: smtp.url }),
      once: true,
      clock: () => now,
    });

  it("reminds 7 days and 1 day before, at the deadline, then daily once late, each once", async () => {
    await vendorOwingSchool();
    // The notice of the new obligation told its holder; the first sweep only schedules.
    expect(await sweep(T0)).toMatchObject({ examined: 1, reminded: 0 });
    expect(await sweep(DUE - 7 * DAY - 1)).toMatchObject({ examined: 0, reminded: 0 });
    for (const at of [DUE - 7 * DAY, DUE - DAY, DUE, DUE + DAY, DUE + 2 * DAY]) {
      expect(await sweep(at)).toMatchObject({ reminded: 1, messages: 2 });
      // A second sweep at the same instant (another worker, a restart) sends nothing more.
      expect(await sweep(at)).toMatchObject({ reminded: 0, messages: 0 });
      await deliver(at);
    }
    expect(smtp.received.map((m) => m.subject)).toEqual([
      "[art28] Due in 7 days: notify the breach to Collège Jean-Moulin",
      "[art28] Due in 1 day: notify the breach to Collège Jean-Moulin",
      "[art28] Deadline reached: notify the breach to Collège Jean-Moulin",
      "[art28] Overdue (reminder no. 1): notify the breach to Collège Jean-Moulin",
      "[art28] Overdue (reminder no. 2): notify the breach to Collège Jean-Moulin",
    ]);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(5);
    expect(smtp.received.every((m) => m.to.join() === "dpo@prestataire.example")).toBe(true);
    expect(receiver.received.map((h) => (h.body.data.reminder as { kind: string }).kind)).toEqual([
      "before",
      "before",
      "due",
      "late",
      "late",
    ]);
    expect(receiver.received.every((h) => h.validSignature && h.event === "obligation.reminder")).toBe(true);
  });

  it("sends one reminder, not a burst, when the sweep comes back after missing several points", async () => {
    await vendorOwingSchool();
    await sweep(T0);
    expect(await sweep(DUE + 2 * DAY + 3_600_000)).toMatchObject({ reminded: 1, messages: 2 });
    await deliver(DUE + 2 * DAY + 3_600_000);
    expect(smtp.received.map((m) => m.subject)).toEqual([
      "[art28] Overdue (reminder no. 2): notify the breach to Collège Jean-Moulin",
    ]);
    expect(await sweep(DUE + 3 * DAY - 1)).toMatchObject({ reminded: 0 });
    expect(await sweep(DUE + 3 * DAY)).toMatchObject({ reminded: 1 });
  });

  it("follows the configured points, and stops once the obligation is closed", async () => {
    const id = await vendorOwingSchool();
    const points = { ART28_REMINDERS: "3 jours", ART28_REMINDER_LATE: "none" };
    await sweep(T0, points);
    expect(await sweep(DUE - 7 * DAY, points)).toMatchObject({ reminded: 0 });
    expect(await sweep(DUE - 3 * DAY, points)).toMatchObject({ reminded: 1 });
    await closeObligation({
      register: world.register,
      principal: PRINCIPAL,
      input: { id, outcome: "done", note: "notice sent by registered mail" },
      now: DUE - 2 * DAY,
    });
    expect(await sweep(DUE, points)).toMatchObject({ examined: 0, reminded: 0 });
  });

  it("writes to the holder in French by default, and counts a holder nobody can be told", async () => {
    world = await openWorld(engine);
    const vendor = await organisation(world, "Éditeur Sans Contact", T0);
    const school = await organisation(world, "École Victor-Hugo", T0);
    const french = await organisation(world, "Éditeur Francophone", T0);
    await setOrganisationContact({
      register: world.register,
      principal: PRINCIPAL,
      input: { organisation: french.name, email: "rgpd@francophone.example", language: "fr" },
      now: T0,
    });
    await obligation(world, vendor, school, DUE, T0);
    await obligation(world, french, school, DUE, T0);
    await sweep(T0);
    expect(await sweep(DUE)).toMatchObject({ reminded: 2, messages: 1, unaddressed: 1 });
    await deliver(DUE);
    expect(smtp.received.map((m) => m.subject)).toEqual([
      "[art28] Échéance atteinte : notifier la violation à École Victor-Hugo",
    ]);
  });
});
