// The outbox worker, in process, on each engine: what a use case enqueues goes out after commit, by e-mail to a
// real SMTP server and by signed webhook to a real receiver; failures are retried with back-off, then given up.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addWebhookEndpoint } from "../../src/app/organisations/add-webhook-endpoint.js";
import { retryOutboxMessage } from "../../src/app/outbox/retry-outbox-message.js";
import {
  readWorkerConfig,
  runOutboxWorker,
  type WorkerConfig,
} from "../../src/app/outbox/run-outbox-worker.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { OutboxQueue } from "../../src/store/outbox-queue.js";
import { repositoriesFor } from "../../src/store/repositories.js";
import { ENGINES } from "../register/databases.js";
import {
  emailMessage,
  openWorld,
  organisation,
  PRINCIPAL,
  startReceiver,
  startSmtp,
  type TestSmtp,
  type World,
} from "./outbox-world.js";

const T0 = Date.parse("2026-09-01T08:00:00Z");
const SECRET = "a-webhook-secret-of-32-characters";

/** Payloads of the tenant's journal events of one type, in order. */
async function journalled(world: World, type: string): Promise<unknown[]> {
  const links = await repositoriesFor(
    world.register.store.db,
    world.register.store.engine,
    PRINCIPAL.tenant,
  ).journal.page(PRINCIPAL.tenant, 0, 1_000);
  return links.filter((l) => l.type === type).map((l) => JSON.parse(l.payload));
}

function config(smtpUrl: string): WorkerConfig {
  return readWorkerConfig({ SMTP_URL: smtpUrl, MAIL_FROM: "art28 <rappels@art28.example>" });
}

describe.each(ENGINES)("the outbox worker on %s", (engine) => {
  let world: World;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  afterEach(async () => {
    await world?.close();
    smtp.received.length = 0;
  });

  it("sends only what a committed transaction enqueued, with the outbox id as Message-ID", async () => {
    world = await openWorld(engine);
    await inTransaction(world.register, PRINCIPAL, T0, async (unit) => {
      await unit.outbox.enqueue({
        id: "kept-1",
        kind: "test.message",
        message: emailMessage("dpo@ecole.example", 1),
      });
    });
    await expect(
      inTransaction(world.register, PRINCIPAL, T0, async (unit) => {
        await unit.outbox.enqueue({
          id: "rolled-back",
          kind: "test.message",
          message: emailMessage("x@y.example", 2),
        });
        throw new Error("the use case fails after enqueuing");
      }),
    ).rejects.toThrow("the use case fails");

    const report = await runOutboxWorker({
      register: world.register,
      config: config(smtp.url),
      once: true,
      clock: () => T0,
    });

    expect(report.sent).toBe(1);
    expect(smtp.received.map((m) => m.messageId)).toEqual(["<kept-1@art28>"]);
    expect(smtp.received[0]?.idempotencyKey).toBe("kept-1");
    expect(smtp.received[0]?.subject).toBe("[art28] message 1 (fr)");
    const entry = await repositoriesFor(world.register.store.db, engine, PRINCIPAL.tenant).outbox.byId(
      "kept-1",
    );
    expect(entry).toMatchObject({ status: "sent", attempts: 1, sentAt: T0, claimedBy: null });
    expect(await journalled(world, "message.delivered")).toEqual([
      {
        v: 1,
        messageId: "kept-1",
        kind: "test.message",
        channel: "email",
        attempts: 1,
        receipt: "<kept-1@art28>",
      },
    ]);
    expect((await verifyJournal({ register: world.register, principal: PRINCIPAL })).fault).toBeNull();
  });

  it("enqueuing the same idempotency key twice keeps one message", async () => {
    world = await openWorld(engine);
    for (let i = 0; i < 2; i++) {
      await inTransaction(world.register, PRINCIPAL, T0, (unit) =>
        unit.outbox.enqueue({
          id: "once",
          kind: "test.message",
          message: emailMessage("dpo@ecole.example", i),
        }),
      );
    }
    await runOutboxWorker({
      register: world.register,
      config: config(smtp.url),
      once: true,
      clock: () => T0,
    });
    expect(smtp.received.map((m) => m.subject)).toEqual(["[art28] message 0 (fr)"]);
  });

  it("posts webhooks signed with the endpoint's secret, the outbox id as Idempotency-Key, and never stores the secret in the message", async () => {
    world = await openWorld(engine);
    const receiver = await startReceiver(SECRET);
    try {
      const school = await organisation(world, "Collège Jean-Moulin", T0);
      const endpoint = await addWebhookEndpoint({
        register: world.register,
        principal: PRINCIPAL,
        input: { organisation: school.name, url: receiver.url, secret: SECRET },
        now: T0,
      });
      await inTransaction(world.register, PRINCIPAL, T0, (unit) =>
        unit.outbox.enqueue({
          id: "hook-1",
          kind: "breach.notice",
          message: {
            channel: "webhook",
            endpointId: endpoint.id,
            event: "breach.notice",
            payload: { breachId: "b-1" },
          },
        }),
      );
      const row = await world.register.store.db
        .selectFrom("outbox")
        .select("message")
        .executeTakeFirstOrThrow();
      expect(row.message).not.toContain(SECRET);

      await runOutboxWorker({
        register: world.register,
        config: config(smtp.url),
        once: true,
        clock: () => T0,
      });

      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]).toMatchObject({
        event: "breach.notice",
        idempotencyKey: "hook-1",
        validSignature: true,
        body: { event: "breach.notice", idempotencyKey: "hook-1", data: { breachId: "b-1" } },
      });
    } finally {
      await receiver.close();
    }
  });

  it("retries a message the SMTP server defers, later each time, and gives it up after the last attempt", async () => {
    world = await openWorld(engine);
    const deferring = await startSmtp({ failAll: true });
    try {
      await inTransaction(world.register, PRINCIPAL, T0, (unit) =>
        unit.outbox.enqueue({
          id: "deferred",
          kind: "test.message",
          message: emailMessage("dpo@ecole.example", 1),
        }),
      );
      const retry = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
      const seen: { type: string; at?: number }[] = [];
      let now = T0;
      const run = () =>
        runOutboxWorker({
          register: world.register,
          config: config(deferring.url),
          once: true,
          clock: () => now,
          random: () => 0.5,
          retry,
          onEvent: (e) => e.type !== "started" && seen.push(e),
        });

      await run();
      expect(seen).toEqual([expect.objectContaining({ type: "retry", attempts: 1, at: T0 + 45_000 })]);
      // Not before its time: a run in between sends nothing.
      now = T0 + 30_000;
      await run();
      expect(seen).toHaveLength(1);
      now = T0 + 45_000;
      await run();
      expect(seen[1]).toEqual(expect.objectContaining({ type: "retry", attempts: 2, at: now + 90_000 }));
      now += 90_000;
      await run();
      expect(seen[2]).toEqual(expect.objectContaining({ type: "dead", attempts: 3 }));
      expect(deferring.received).toHaveLength(0);
      const counts = await new OutboxQueue(world.register.store.db, engine).counts();
      expect(counts).toEqual({ pending: 0, claimed: 0, sent: 0, dead: 1 });
      const [givenUp] = await journalled(world, "message.given_up");
      expect(givenUp).toMatchObject({ messageId: "deferred", channel: "email", attempts: 3 });
      expect(await journalled(world, "message.delivered")).toEqual([]);
    } finally {
      await deferring.close();
    }
  });

  it("gives up at once on a webhook the receiver refuses (4xx) and on a removed endpoint", async () => {
    world = await openWorld(engine);
    const receiver = await startReceiver(SECRET);
    receiver.status = 410;
    try {
      const school = await organisation(world, "Lycée Marie-Curie", T0);
      const endpoint = await addWebhookEndpoint({
        register: world.register,
        principal: PRINCIPAL,
        input: { organisation: school.name, url: receiver.url, secret: SECRET },
        now: T0,
      });
      await inTransaction(world.register, PRINCIPAL, T0, (unit) =>
        unit.outbox.enqueue([
          {
            id: "refused",
            kind: "x",
            message: { channel: "webhook", endpointId: endpoint.id, event: "a.b", payload: {} },
          },
          {
            id: "nowhere",
            kind: "x",
            message: { channel: "webhook", endpointId: "gone", event: "a.b", payload: {} },
          },
        ]),
      );
      const dead: string[] = [];
      await runOutboxWorker({
        register: world.register,
        config: config(smtp.url),
        once: true,
        clock: () => T0,
        onEvent: (e) => e.type === "dead" && dead.push(`${e.id}: ${e.reason}`),
      });
      expect(dead.sort()).toEqual(['nowhere: no webhook endpoint "gone"', "refused: HTTP 410"]);
      // Once the receiver is fixed, the dead message gets another round under the same idempotency key.
      receiver.status = 200;
      await retryOutboxMessage({
        register: world.register,
        principal: PRINCIPAL,
        input: { id: "refused" },
        now: T0 + 1,
      });
      const report = await runOutboxWorker({
        register: world.register,
        config: config(smtp.url),
        once: true,
        clock: () => T0 + 1,
      });
      expect(report.sent).toBe(1);
      expect(receiver.received.map((r) => r.idempotencyKey)).toEqual(["refused", "refused"]);
    } finally {
      await receiver.close();
    }
  });

  it("stops when asked, handing back what it claimed but did not try", async () => {
    world = await openWorld(engine);
    const slow = await startSmtp({ delayMs: 50 });
    try {
      await inTransaction(world.register, PRINCIPAL, T0, (unit) =>
        unit.outbox.enqueue(
          Array.from({ length: 10 }, (_, n) => ({
            kind: "test.message",
            message: emailMessage("dpo@ecole.example", n),
          })),
        ),
      );
      const stop = new AbortController();
      const report = await runOutboxWorker({
        register: world.register,
        config: config(slow.url),
        signal: stop.signal,
        batchSize: 10,
        clock: () => T0,
        onEvent: (e) => e.type === "sent" && stop.abort(),
      });
      expect(report.sent).toBe(1);
      const counts = await new OutboxQueue(world.register.store.db, engine).counts();
      expect(counts).toEqual({ pending: 9, claimed: 0, sent: 1, dead: 0 });
      const attempts = await world.register.store.db
        .selectFrom("outbox")
        .select("attempts")
        .where("status", "=", "pending")
        .execute();
      expect(new Set(attempts.map((a) => Number(a.attempts)))).toEqual(new Set([0]));
    } finally {
      await slow.close();
    }
  });
});

describe("the worker's configuration", () => {
  it("is refused in one line when SMTP_URL is missing or unreadable, or a reminder point is not a period", () => {
    expect(() => readWorkerConfig({})).toThrow("SMTP_URL is not set");
    expect(() => readWorkerConfig({ SMTP_URL: "http://mail.example" })).toThrow("smtp://");
    expect(() =>
      readWorkerConfig({ SMTP_URL: "smtp://mail.example", ART28_REMINDERS: "7 days, soon" }),
    ).toThrow('ART28_REMINDERS: "soon" is not a reminder offset');
  });

  it("reads reminder points in French or English, and no late reminders with none", () => {
    const { reminders } = readWorkerConfig({
      SMTP_URL: "smtp://mail.example",
      ART28_REMINDERS: "2 semaines, 3 days, 12 heures",
      ART28_REMINDER_LATE: "none",
    });
    expect(reminders.before).toEqual([
      { amount: 2, unit: "weeks" },
      { amount: 3, unit: "days" },
      { amount: 12, unit: "hours" },
    ]);
    expect(reminders.lateEvery).toBeNull();
  });
});
