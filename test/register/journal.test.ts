// The journal chains every event with sha256 over RFC 8785 JSON, refuses rewrites, and locates tampering.

import canonicalize from "canonicalize";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRegister, type Register } from "../../src/app/open-register.js";
import { inTransaction } from "../../src/app/unit-of-work.js";
import { verifyJournal } from "../../src/app/verify-journal.js";
import type { Actor } from "../../src/domain/actor.js";
import { canonicalEvent } from "../../src/store/journal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "./databases.js";

const actor: Actor = { id: "test:journal", tenant: "t-journal" };
const NOW = Date.UTC(2026, 4, 7, 8, 15);

async function appendEvents(register: Register, count: number, who: Actor = actor): Promise<void> {
  await inTransaction(register, who, NOW, async (unit) => {
    for (let i = 0; i < count; i++) {
      unit.record({
        type: "breach.recorded",
        payload: {
          v: 1,
          breachId: `b${i}`,
          processorId: "p",
          awareAt: NOW + i,
          description: `incident ${i} — « é »`,
        },
      });
    }
  });
}

/** What an intruder with database access does first: remove the append-only triggers. */
async function dropTriggers(register: Register): Promise<void> {
  const { db, engine } = register.store;
  if (engine === "sqlite") {
    await sql`DROP TRIGGER journal_no_update`.execute(db);
    await sql`DROP TRIGGER journal_no_delete`.execute(db);
  } else {
    await sql`DROP TRIGGER journal_no_update ON journal`.execute(db);
    await sql`DROP TRIGGER journal_no_truncate ON journal`.execute(db);
  }
}

describe("the canonical form of an event", () => {
  it("is exactly what the canonicalize library produces for {seq, at, actor, tenant, type, payload}", () => {
    const payload = { z: [1, 2.5, "x"], a: { é: true, b: null }, n: 1e21 };
    const link = {
      tenant: 'tën"ant',
      seq: 42,
      at: NOW,
      actor: "cli:amélie",
      type: "x.y",
      payload: canonicalize(payload) as string,
    };
    expect(canonicalEvent(link)).toBe(canonicalize({ ...link, payload }));
  });
});

describe.each(ENGINES)("the journal on %s", (engine) => {
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

  it("verifies an intact chain, giving its count and head hash", async () => {
    await appendEvents(register, 5);
    await appendEvents(register, 3);
    const result = await verifyJournal({ register, actor, pageSize: 3 });
    expect(result.fault).toBeNull();
    expect(result.count).toBe(8);
    expect(result.head?.seq).toBe(8);
    expect(result.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps one chain per tenant, so tenants never see each other's events", async () => {
    await appendEvents(register, 4);
    await appendEvents(register, 2, { id: "test:other", tenant: "t-other" });
    expect((await verifyJournal({ register, actor })).count).toBe(4);
    expect((await verifyJournal({ register, actor: { id: "x", tenant: "t-other" } })).count).toBe(2);
  });

  it("refuses UPDATE and DELETE on the journal at the database level", async () => {
    await appendEvents(register, 2);
    const { db } = register.store;
    await expect(sql`UPDATE journal SET type = 'forged' WHERE seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM journal WHERE seq = 2`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verifyJournal({ register, actor })).fault).toBeNull();
  });

  it("finds an altered payload and names its seq", async () => {
    await appendEvents(register, 10);
    await dropTriggers(register);
    await sql`UPDATE journal SET payload = replace(payload, 'incident 6', 'incident 9') WHERE seq = 7`.execute(
      register.store.db,
    );
    const { fault } = await verifyJournal({ register, actor, pageSize: 4 });
    expect(fault).toMatchObject({ seq: 7, reason: "altered" });
  });

  it("finds an event rewritten with its hash recomputed, through the next event's link", async () => {
    await appendEvents(register, 6);
    await dropTriggers(register);
    await sql`UPDATE journal SET hash = ${"f".repeat(64)} WHERE seq = 3`.execute(register.store.db);
    const { fault } = await verifyJournal({ register, actor });
    expect(fault).toMatchObject({ seq: 3, reason: "altered" });
  });

  it("finds a deleted event in the middle as missing", async () => {
    await appendEvents(register, 10);
    await dropTriggers(register);
    await sql`DELETE FROM journal WHERE seq = 4`.execute(register.store.db);
    const { fault } = await verifyJournal({ register, actor, pageSize: 3 });
    expect(fault).toMatchObject({ seq: 4, reason: "missing" });
  });

  it("finds the first and the last events deleted as missing", async () => {
    await appendEvents(register, 5);
    await dropTriggers(register);
    await sql`DELETE FROM journal WHERE seq = 5`.execute(register.store.db);
    expect((await verifyJournal({ register, actor })).fault).toMatchObject({ seq: 5, reason: "missing" });
    await sql`DELETE FROM journal WHERE seq = 1`.execute(register.store.db);
    expect((await verifyJournal({ register, actor })).fault).toMatchObject({ seq: 1, reason: "missing" });
  });

  it("finds two swapped events as reordered", async () => {
    await appendEvents(register, 8);
    await dropTriggers(register);
    const { db } = register.store;
    await sql`UPDATE journal SET seq = -1 WHERE seq = 5`.execute(db);
    await sql`UPDATE journal SET seq = 5 WHERE seq = 6`.execute(db);
    await sql`UPDATE journal SET seq = 6 WHERE seq = -1`.execute(db);
    const { fault } = await verifyJournal({ register, actor, pageSize: 5 });
    expect(fault).toMatchObject({ seq: 5, reason: "reordered" });
  });

  it("finds swapped contents between two rows as reordered", async () => {
    await appendEvents(register, 4);
    await dropTriggers(register);
    const { db } = register.store;
    // Swap everything but seq between rows 2 and 3.
    await sql`UPDATE journal SET tenant_id = 'tmp' WHERE seq = 2`.execute(db);
    await sql`UPDATE journal SET seq = 2 WHERE seq = 3 AND tenant_id = ${actor.tenant}`.execute(db);
    await sql`UPDATE journal SET seq = 3, tenant_id = ${actor.tenant} WHERE tenant_id = 'tmp'`.execute(db);
    const { fault } = await verifyJournal({ register, actor });
    expect(fault).toMatchObject({ seq: 2, reason: "reordered" });
  });

  it("keeps one unforked chain when many transactions append at once", async () => {
    // On PostgreSQL, two pools stand for two server processes. Two SQLite handles in one thread would block the
    // thread on the file lock, so there the concurrency is that of one handle's queued transactions.
    const second =
      engine === "postgres" ? await openRegister({ env: { DATABASE_URL: database.url } }) : register;
    try {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => appendEvents(i % 2 === 0 ? register : second, 5)),
      );
    } finally {
      if (second !== register) await second.close();
    }
    const result = await verifyJournal({ register, actor });
    expect(result.fault).toBeNull();
    expect(result.count).toBe(60);
  });
});
