// The journal chains every event with sha256 over RFC 8785 JSON, refuses rewrites, and locates tampering.

import { dirname, join } from "node:path";
import canonicalize from "canonicalize";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { openStore } from "../../src/store/database.js";
import { canonicalEvent, linkHash } from "../../src/store/journal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "./databases.js";
import { threadsLeftBy } from "./os-threads.js";

const principal: Principal = localOperator("test:journal", "t-journal");
const NOW = Date.UTC(2026, 4, 7, 8, 15);

async function appendEvents(register: Register, count: number, who: Principal = principal): Promise<void> {
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

async function headOf(register: Register): Promise<{ seq: number; hash: string }> {
  return register.store.db
    .selectFrom("journal_head")
    .select(["seq", "hash"])
    .where("tenant_id", "=", principal.tenant)
    .executeTakeFirstOrThrow();
}

/** A row written straight into the table, its hash computed as the application would. */
async function insertForged(
  register: Register,
  seq: number,
  prevHash: string,
  tenant = principal.tenant,
): Promise<void> {
  const link = { tenant, seq, at: NOW, actor: "intruder", type: "breach.recorded", payload: '{"v":1}' };
  const hash = linkHash(prevHash, link);
  await sql`INSERT INTO journal (tenant_id, seq, at, actor, type, payload, prev_hash, hash)
    VALUES (${tenant}, ${seq}, ${NOW}, ${link.actor}, ${link.type}, ${link.payload}, ${prevHash}, ${hash})`.execute(
    register.store.db,
  );
}

/** Threads of this process, where the system lists them (Linux): worker threads are threads. */
/** What an intruder with database access does first: remove the append-only triggers. */
async function dropTriggers(register: Register): Promise<void> {
  const { db, engine } = register.store;
  if (engine === "sqlite") {
    for (const trigger of [
      "journal_no_update",
      "journal_no_delete",
      "journal_in_chain",
      "journal_moves_head",
      "journal_head_follows_rows",
      "journal_head_no_delete",
      "journal_head_starts_empty",
    ]) {
      await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
    }
  } else {
    await sql`DROP TRIGGER journal_no_update ON journal`.execute(db);
    await sql`DROP TRIGGER journal_no_truncate ON journal`.execute(db);
    await sql`DROP TRIGGER journal_in_chain ON journal`.execute(db);
    await sql`DROP TRIGGER journal_head_guard ON journal_head`.execute(db);
    await sql`DROP TRIGGER journal_head_no_truncate ON journal_head`.execute(db);
  }
}

describe("the canonical form of an event", () => {
  it("is exactly what the canonicalize library produces for {seq, at, principal, tenant, type, payload}", () => {
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

describe("the journal of an in-memory database", () => {
  it("is verified in the calling thread, which alone can see it", async () => {
    const store = await openStore({ engine: "sqlite", path: ":memory:" });
    const register: Register = { store, where: ":memory:", close: () => store.close() };
    try {
      await appendEvents(register, 5);
      const result = await verifyJournal({ register, principal, threads: 3 });
      expect(result.fault).toBeNull();
      expect(result.count).toBe(5);
    } finally {
      await register.close();
    }
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
    const result = await verifyJournal({ register, principal, pageSize: 3 });
    expect(result.fault).toBeNull();
    expect(result.count).toBe(8);
    expect(result.head?.seq).toBe(8);
    expect(result.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps one chain per tenant, so tenants never see each other's events", async () => {
    await appendEvents(register, 4);
    await appendEvents(register, 2, localOperator("test:other", "t-other"));
    expect((await verifyJournal({ register, principal })).count).toBe(4);
    expect((await verifyJournal({ register, principal: localOperator("x", "t-other") })).count).toBe(2);
  });

  it("refuses UPDATE and DELETE on the journal at the database level", async () => {
    await appendEvents(register, 2);
    const { db } = register.store;
    await expect(sql`UPDATE journal SET type = 'forged' WHERE seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM journal WHERE seq = 2`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
  });

  it("refuses removing the journal head, its row or all rows, at the database level", async () => {
    await appendEvents(register, 3);
    const { db } = register.store;
    await expect(sql`DELETE FROM journal_head`.execute(db)).rejects.toThrow(/journal head/);
    await expect(
      sql`DELETE FROM journal_head WHERE tenant_id = ${principal.tenant}`.execute(db),
    ).rejects.toThrow(/journal head/);
    if (engine === "postgres") {
      await expect(sql`TRUNCATE journal_head`.execute(db)).rejects.toThrow(/journal head/);
    } else {
      await expect(
        sql`INSERT OR REPLACE INTO journal_head (tenant_id, seq, hash) VALUES (${principal.tenant}, 0, ${"0".repeat(64)})`.execute(
          db,
        ),
      ).rejects.toThrow(/journal head/);
    }
    expect(await verifyJournal({ register, principal })).toMatchObject({ fault: null, count: 3 });
  });

  it("refuses moving the head but by appending, at the database level", async () => {
    await appendEvents(register, 3);
    const { db } = register.store;
    await expect(sql`UPDATE journal_head SET seq = 2`.execute(db)).rejects.toThrow(/journal head/);
    await expect(sql`UPDATE journal_head SET hash = ${"e".repeat(64)}`.execute(db)).rejects.toThrow(
      /journal head/,
    );
    await expect(sql`UPDATE journal_head SET seq = 1000`.execute(db)).rejects.toThrow(/journal head/);
    expect(await verifyJournal({ register, principal })).toMatchObject({ fault: null, count: 3 });
  });

  it("refuses a row out of chain, so later writes still append and verify", async () => {
    await appendEvents(register, 3);
    const head = await headOf(register);
    // Past the head, at the head, and at head+1 citing another hash.
    await expect(insertForged(register, 5, head.hash)).rejects.toThrow(/follow the head/);
    await expect(insertForged(register, 3, head.hash)).rejects.toThrow();
    await expect(insertForged(register, 4, "a".repeat(64))).rejects.toThrow(/follow the head/);
    await expect(insertForged(register, 1, "0".repeat(64), "t-new")).rejects.toThrow(/follow the head/);
    await appendEvents(register, 2);
    expect(await verifyJournal({ register, principal })).toMatchObject({ fault: null, count: 5 });
  });

  it("finds a cut-off tail against a head exported earlier, which the chain alone cannot show", async () => {
    await appendEvents(register, 5);
    await appendEvents(register, 2);
    const exported = (await verifyJournal({ register, principal })).head;
    expect(exported?.seq).toBe(7);
    if (!exported) return;
    expect((await verifyJournal({ register, principal, exported })).fault).toBeNull();
    // An older state put back: the last two events gone and the head moved back with them.
    await dropTriggers(register);
    const { db } = register.store;
    const fifth = await db
      .selectFrom("journal")
      .select("hash")
      .where("seq", "=", 5)
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM journal WHERE seq > 5`.execute(db);
    await sql`UPDATE journal_head SET seq = 5, hash = ${fifth.hash}`.execute(db);
    expect(await verifyJournal({ register, principal })).toMatchObject({ fault: null, count: 5 });
    expect((await verifyJournal({ register, principal, exported })).fault).toMatchObject({
      seq: 6,
      reason: "missing",
    });
    expect(
      (await verifyJournal({ register, principal, exported: { seq: 5, hash: "c".repeat(64) } })).fault,
    ).toMatchObject({ seq: 5, reason: "altered" });
  });

  // A small journal is streamed through one verifier; a large one is checked in slices, by the calling thread and
  // workers side by side, and a fault then named by streaming on from the end of the slices found intact: it must
  // be named the same way. `threads` forces slices on these small journals.
  describe.each([
    { threads: undefined, how: "streamed through one verifier" },
    { threads: 0, how: "checked in slices by the calling thread" },
    { threads: 3, how: "checked in slices by the calling thread and three workers" },
  ])("$how", ({ threads }) => {
    it("verifies an intact chain, giving the same head as one verifier", async () => {
      await appendEvents(register, 7);
      const result = await verifyJournal({ register, principal, threads });
      expect(result).toEqual(await verifyJournal({ register, principal }));
      expect(result.fault).toBeNull();
      expect(result.count).toBe(7);
    });

    it("finds an altered payload and names its seq", async () => {
      await appendEvents(register, 10);
      await dropTriggers(register);
      await sql`UPDATE journal SET payload = replace(payload, 'incident 6', 'incident 9') WHERE seq = 7`.execute(
        register.store.db,
      );
      const { fault } = await verifyJournal({ register, principal, pageSize: 4, threads });
      expect(fault).toMatchObject({ seq: 7, reason: "altered" });
    });

    it("finds an event rewritten with its hash recomputed, through the next event's link", async () => {
      await appendEvents(register, 6);
      await dropTriggers(register);
      await sql`UPDATE journal SET hash = ${"f".repeat(64)} WHERE seq = 3`.execute(register.store.db);
      const { fault } = await verifyJournal({ register, principal, threads });
      expect(fault).toMatchObject({ seq: 3, reason: "altered" });
    });

    it("finds a deleted event in the middle as missing", async () => {
      await appendEvents(register, 10);
      await dropTriggers(register);
      await sql`DELETE FROM journal WHERE seq = 4`.execute(register.store.db);
      const { fault } = await verifyJournal({ register, principal, pageSize: 3, threads });
      expect(fault).toMatchObject({ seq: 4, reason: "missing" });
    });

    it("finds the first and the last events deleted as missing", async () => {
      await appendEvents(register, 5);
      await dropTriggers(register);
      await sql`DELETE FROM journal WHERE seq = 5`.execute(register.store.db);
      expect((await verifyJournal({ register, principal, threads })).fault).toMatchObject({
        seq: 5,
        reason: "missing",
      });
      await sql`DELETE FROM journal WHERE seq = 1`.execute(register.store.db);
      expect((await verifyJournal({ register, principal, threads })).fault).toMatchObject({
        seq: 1,
        reason: "missing",
      });
    });

    it("finds two swapped events as reordered", async () => {
      await appendEvents(register, 8);
      await dropTriggers(register);
      const { db } = register.store;
      await sql`UPDATE journal SET seq = -1 WHERE seq = 5`.execute(db);
      await sql`UPDATE journal SET seq = 5 WHERE seq = 6`.execute(db);
      await sql`UPDATE journal SET seq = 6 WHERE seq = -1`.execute(db);
      const { fault } = await verifyJournal({ register, principal, pageSize: 5, threads });
      expect(fault).toMatchObject({ seq: 5, reason: "reordered" });
    });

    it("finds swapped contents between two rows as reordered", async () => {
      await appendEvents(register, 4);
      await dropTriggers(register);
      const { db } = register.store;
      // Swap everything but seq between rows 2 and 3.
      await sql`UPDATE journal SET tenant_id = 'tmp' WHERE seq = 2`.execute(db);
      await sql`UPDATE journal SET seq = 2 WHERE seq = 3 AND tenant_id = ${principal.tenant}`.execute(db);
      await sql`UPDATE journal SET seq = 3, tenant_id = ${principal.tenant} WHERE tenant_id = 'tmp'`.execute(
        db,
      );
      const { fault } = await verifyJournal({ register, principal, threads });
      expect(fault).toMatchObject({ seq: 2, reason: "reordered" });
    });

    it("finds an event rewritten with a hash of its own that the next event does not cite", async () => {
      await appendEvents(register, 6);
      await dropTriggers(register);
      const { db } = register.store;
      // Event 2 ends the first of three slices: its own slice holds, the break is at the boundary.
      const row = await db.selectFrom("journal").selectAll().where("seq", "=", 2).executeTakeFirstOrThrow();
      const payload = row.payload.replace("incident 1", "incident 7");
      const hash = linkHash(row.prev_hash, { ...row, tenant: principal.tenant, payload });
      await sql`UPDATE journal SET payload = ${payload}, hash = ${hash} WHERE seq = 2`.execute(db);
      const { fault } = await verifyJournal({ register, principal, threads });
      expect(fault).toMatchObject({ seq: 2, reason: "altered" });
    });

    it("finds events missing promptly when the head is forged far ahead of them", async () => {
      await appendEvents(register, 6);
      await dropTriggers(register);
      await sql`UPDATE journal_head SET seq = ${1_000_000_000_000}`.execute(register.store.db);
      const { fault } = await verifyJournal({ register, principal, threads });
      expect(fault).toMatchObject({ seq: 7, reason: "missing" });
    });

    it("finds a row inserted past the head as added, once the guards are dropped", async () => {
      await appendEvents(register, 5);
      await dropTriggers(register);
      await insertForged(register, 6, (await headOf(register)).hash);
      const result = await verifyJournal({ register, principal, threads });
      expect(result.fault).toMatchObject({ seq: 6, reason: "added" });
      expect(result.head).toBeNull();
    });

    it("finds a removed head as rows added past an empty head, once the guards are dropped", async () => {
      await appendEvents(register, 4);
      await dropTriggers(register);
      await sql`DELETE FROM journal_head`.execute(register.store.db);
      const result = await verifyJournal({ register, principal, threads });
      expect(result.fault).toMatchObject({ seq: 1, reason: "added" });
      expect(result.count).toBe(0);
    });

    it("finds the head no longer matching the last event", async () => {
      await appendEvents(register, 6);
      await dropTriggers(register);
      await sql`UPDATE journal_head SET hash = ${"e".repeat(64)}`.execute(register.store.db);
      const result = await verifyJournal({ register, principal, threads });
      expect(result.fault).toMatchObject({ seq: 6, reason: "altered" });
      expect(result.head).toBeNull();
    });
  });

  it("checks a large journal in slices, by default and with workers, and stops them all", async () => {
    await appendEvents(register, 25_000);
    const head = await register.store.db.selectFrom("journal_head").selectAll().executeTakeFirstOrThrow();
    for (const threads of [undefined, 2]) {
      const verify = async () => {
        const result = await verifyJournal({ register, principal, threads });
        expect(result).toMatchObject({ fault: null, count: 25_000, head: { seq: 25_000, hash: head.hash } });
      };
      expect(await threadsLeftBy(verify)).toBe(0);
    }
  });

  it("leaves no worker running when another connection cannot reach the database", async () => {
    await appendEvents(register, 6);
    const elsewhere =
      engine === "sqlite"
        ? { engine, path: join(dirname(database.url.slice("file:".length)), "absent", "register.sqlite") }
        : { engine, url: `${database.url}_absent` };
    const misplaced = { ...register, store: { ...register.store, location: elsewhere } } as Register;
    const verify = async () => {
      const verifying = verifyJournal({ register: misplaced, principal, threads: 3 });
      if (engine === "sqlite") {
        // The calling thread reads through the store's own handle: the workers' failure only costs their help.
        expect(await verifying).toEqual(await verifyJournal({ register, principal }));
      } else {
        // There the calling thread needs a connection of its own too.
        await expect(verifying).rejects.toThrow(/absent/);
      }
    };
    expect(await threadsLeftBy(verify)).toBe(0);
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
    const result = await verifyJournal({ register, principal });
    expect(result.fault).toBeNull();
    expect(result.count).toBe(60);
  });
});
