// Worker threads check slices of a journal through connections of their own, and report which slices hold.

import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { intactPrefix } from "../../src/store/journal-slice-check.js";
import { checkJournalSlices } from "../../src/store/journal-slices.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "./databases.js";
import { threadsLeftBy } from "./os-threads.js";

const principal: Principal = localOperator("test:slices", "t-slices");
const NOW = Date.UTC(2026, 4, 7, 8, 15);
const EVENTS = 40;

describe.each(ENGINES)("slices of a journal checked by workers alone on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    await inTransaction(register, principal, NOW, async (unit) => {
      for (let i = 0; i < EVENTS; i++) {
        unit.record({
          type: "breach.recorded",
          payload: {
            v: 1,
            breachId: `b${i}`,
            processorId: "p",
            awareAt: NOW + i,
            description: `incident ${i}`,
          },
        });
      }
    });
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  const check = () =>
    checkJournalSlices({
      store: register.store,
      tenant: principal.tenant,
      upTo: EVENTS,
      threads: 3,
      callingThread: false,
    });

  it("vouch for the whole chain when it holds, up to the head", async () => {
    const reports = await check();
    expect(reports.every((r) => r.intact)).toBe(true);
    // Contiguous slices from 1 to the head, more than one (three workers share them).
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.map((r) => r.from)).toEqual([1, ...reports.slice(0, -1).map((r) => r.to + 1)]);
    expect(reports[reports.length - 1]?.to).toBe(EVENTS);
    const head = await register.store.db.selectFrom("journal_head").selectAll().executeTakeFirstOrThrow();
    expect(intactPrefix(reports)).toEqual({ seq: EVENTS, hash: head.hash });
  });

  it("stop vouching at the slice holding an altered event", async () => {
    const { db } = register.store;
    await sql`DROP TRIGGER journal_no_update${engine === "postgres" ? sql` ON journal` : sql``}`.execute(db);
    await sql`UPDATE journal SET payload = replace(payload, 'incident 22', 'incident 9') WHERE seq = 23`.execute(
      db,
    );
    const reports = await check();
    const broken = reports[reports.length - 1];
    expect(broken).toMatchObject({ intact: false });
    expect(broken?.from).toBeLessThanOrEqual(23);
    expect(broken?.to).toBeGreaterThanOrEqual(23);
    expect(intactPrefix(reports).seq).toBe((broken?.from ?? 0) - 1);
  });

  it("vouch for nothing when they cannot connect, and are all gone afterwards", async () => {
    const location =
      engine === "sqlite"
        ? { engine, path: `${database.url.slice("file:".length)}.absent` }
        : { engine, url: `${database.url}_absent` };
    const check = async () => {
      const reports = await checkJournalSlices({
        store: { ...register.store, location },
        tenant: principal.tenant,
        upTo: EVENTS,
        threads: 3,
        callingThread: false,
      });
      expect(reports).toEqual([]);
    };
    expect(await threadsLeftBy(check)).toBe(0);
  });
});
