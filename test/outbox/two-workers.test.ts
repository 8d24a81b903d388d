// Exactly-once delivery with two worker processes on PostgreSQL.
//
// What "exactly once" means here: every message is DELIVERED at least once, and its EFFECT happens once, because
// every delivery of one message carries the same idempotency key (the outbox row id, as the e-mail's Message-ID
// `<id@art28>` and the webhook's Idempotency-Key header). Two workers running together never send the same
// message twice: they claim disjoint batches with FOR UPDATE SKIP LOCKED. A worker killed outright can leave at
// most one message sent but not yet marked sent (it sends one at a time and marks each at once); that message is
// sent again once the lease runs out, with the same Message-ID, so the receiver recognises the duplicate.

import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import { OutboxQueue } from "../../src/store/outbox-queue.js";
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from "../register/databases.js";
import { emailMessage, PRINCIPAL, startSmtp, type TestSmtp } from "./outbox-world.js";

const BIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const MESSAGES = 300;
const LEASE_SECONDS = 3;
const BATCH = 20;

if (!POSTGRES_URL)
  console.warn("outbox: DATABASE_URL is not a postgres:// URL, so the two-worker test is skipped");

interface Worker {
  readonly process: ChildProcess;
  readonly id: Promise<string>;
  readonly sent: string[];
  readonly exited: Promise<number | null>;
}

function startWorker(databaseUrl: string, smtpUrl: string): Worker {
  const child = spawn(
    process.execPath,
    [
      BIN,
      "worker",
      "--json",
      "--interval",
      "0.1",
      "--batch",
      String(BATCH),
      "--lease",
      String(LEASE_SECONDS),
    ],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, ART28_LANG: "en" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const sent: string[] = [];
  let resolveId: (id: string) => void = () => {};
  const id = new Promise<string>((resolve) => {
    resolveId = resolve;
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    const event = JSON.parse(line) as { type: string; id?: string; worker?: string };
    if (event.type === "started") resolveId(event.worker as string);
    if (event.type === "sent") sent.push(event.id as string);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    process: child,
    id,
    sent,
    exited,
  };
}

async function enqueue(register: Register, prefix: string): Promise<string[]> {
  const { result } = await inTransaction(register, PRINCIPAL, Date.now(), (unit) =>
    unit.outbox.enqueue(
      Array.from({ length: MESSAGES }, (_, n) => ({
        id: `${prefix}-${String(n).padStart(3, "0")}`,
        kind: "test.message",
        message: emailMessage(`dpo-${n % 7}@ecole.example`, n),
      })),
    ),
  );
  return result;
}

async function waitUntilAllSent(register: Register, timeoutMs: number): Promise<void> {
  const queue = new OutboxQueue(register.store.db, register.store.engine);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.counts();
    if (counts.sent === MESSAGES) return;
    if (Date.now() > until) throw new Error(`not all sent in time: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function deliveriesById(smtp: TestSmtp): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const m of smtp.received)
    byKey.set(m.idempotencyKey, [...(byKey.get(m.idempotencyKey) ?? []), m.messageId]);
  return byKey;
}

describe.skipIf(!POSTGRES_URL)("two worker processes on PostgreSQL", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setUp(
    delayMs: number,
  ): Promise<{ register: Register; smtp: TestSmtp; database: TestDatabase }> {
    const database = await createTestDatabase("postgres");
    cleanup.push(() => database.drop());
    const register = await openRegister({ env: { DATABASE_URL: database.url } });
    cleanup.push(() => register.close());
    const smtp = await startSmtp({ delayMs });
    cleanup.push(() => smtp.close());
    return { register, smtp, database };
  }

  function spawnWorker(database: TestDatabase, smtp: TestSmtp): Worker {
    const worker = startWorker(database.url, smtp.url);
    cleanup.push(async () => {
      if (worker.process.exitCode === null && worker.process.signalCode === null)
        worker.process.kill("SIGKILL");
      await worker.exited;
    });
    return worker;
  }

  it(`drain ${MESSAGES} messages together, each delivered exactly once`, async () => {
    const { register, smtp, database } = await setUp(2);
    const a = spawnWorker(database, smtp);
    const b = spawnWorker(database, smtp);
    await Promise.all([a.id, b.id]);
    const ids = await enqueue(register, "pair");

    await waitUntilAllSent(register, 60_000);
    a.process.kill("SIGTERM");
    b.process.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    // Every message arrived once: as many deliveries as messages, and as many distinct Message-IDs.
    expect(smtp.received).toHaveLength(MESSAGES);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(MESSAGES);
    expect(new Set(smtp.received.map((m) => m.messageId))).toEqual(new Set(ids.map((id) => `<${id}@art28>`)));
    // Both workers took part, and no message was sent by both.
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    expect(a.sent.length + b.sent.length).toBe(MESSAGES);
    expect(a.sent.filter((id) => b.sent.includes(id))).toEqual([]);
  }, 120_000);

  it("finish after one is killed mid-batch: every message arrives, one twice — the one in flight — under the same Message-ID", async () => {
    const database = await createTestDatabase("postgres");
    cleanup.push(() => database.drop());
    const register = await openRegister({ env: { DATABASE_URL: database.url } });
    cleanup.push(() => register.close());
    const workers = new Map<string, Worker>();
    const inFlight = "kill-150";
    let killedId = "";
    let stranded: string[] = [];
    // When message 150 has reached the server, and before the server answers 250, the worker sending it is
    // killed outright: it has delivered the message but can never mark it sent.
    const smtp = await startSmtp({
      delayMs: 2,
      hold: {
        key: inFlight,
        until: async () => {
          const row = await register.store.db
            .selectFrom("outbox")
            .select("claimed_by")
            .where("id", "=", inFlight)
            .executeTakeFirstOrThrow();
          killedId = row.claimed_by as string;
          const victim = workers.get(killedId) as Worker;
          victim.process.kill("SIGKILL");
          await victim.exited;
          stranded = (
            await register.store.db
              .selectFrom("outbox")
              .select("id")
              .where("status", "=", "claimed")
              .where("claimed_by", "=", killedId)
              .execute()
          ).map((r) => r.id);
        },
      },
    });
    cleanup.push(() => smtp.close());
    const a = spawnWorker(database, smtp);
    const b = spawnWorker(database, smtp);
    for (const w of [a, b]) workers.set(await w.id, w);
    const ids = await enqueue(register, "kill");

    await waitUntilAllSent(register, 60_000);
    const survivor = [...workers].find(([id]) => id !== killedId)?.[1] as Worker;
    survivor.process.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);

    const deliveries = deliveriesById(smtp);
    // Every message arrived.
    expect(new Set(deliveries.keys())).toEqual(new Set(ids));
    // Exactly one arrived twice: the one in flight when its worker died (it was still claimed by it), and both
    // copies carry the same Message-ID, the outbox id, which is how a receiver recognises the second.
    const duplicates = [...deliveries].filter(([, copies]) => copies.length > 1);
    expect(duplicates).toEqual([[inFlight, [`<${inFlight}@art28>`, `<${inFlight}@art28>`]]]);
    expect(smtp.received).toHaveLength(MESSAGES + 1);
    expect(stranded).toContain(inFlight);
    // The rest of the dead worker's batch was sent once, by the survivor, after the lease ran out.
    for (const id of stranded) expect(survivor.sent).toContain(id);
    expect(await new OutboxQueue(register.store.db, register.store.engine).counts()).toEqual({
      pending: 0,
      claimed: 0,
      sent: MESSAGES,
      dead: 0,
    });
    console.info(
      `two workers, one killed: ${stranded.length} messages stranded until the lease ran out, ${duplicates.length} delivered twice`,
    );
  }, 120_000);
});
