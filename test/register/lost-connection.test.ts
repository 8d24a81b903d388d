// A PostgreSQL server that ends the register's idle connections (a restart, an administrator, a failover) costs the
// register those connections, never the process.

import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from "./databases.js";

const principal: Principal = localOperator("test:dpo", "t-lost-connection");
const NOW = Date.parse("2026-05-07T08:15:00Z");

describe.skipIf(!POSTGRES_URL)("a register on PostgreSQL whose connections the server ends", () => {
  let database: TestDatabase;
  let register: Register;

  beforeEach(async () => {
    database = await createTestDatabase("postgres");
    register = await openRegister({ env: { DATABASE_URL: database.url } });
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  async function endEveryConnection(): Promise<number> {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ ended: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1",
        [new URL(database.url).pathname.slice(1)],
      );
      return rows.filter((row) => row.ended).length;
    } finally {
      await admin.end();
    }
  }

  it("drops the ended connections and carries on with new ones", async () => {
    // Several idle connections in the pool, all ended at once.
    await Promise.all(
      ["École Jean-Jaurès", "Collège Louise-Michel", "Lycée Victor-Hugo"].map((name) =>
        createOrganisation({ register, principal, input: { name, type: "ecole" }, now: NOW }),
      ),
    );
    expect(await endEveryConnection()).toBeGreaterThan(0);
    // The server's notices reach the idle clients on their own schedule; give them a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));

    await createOrganisation({
      register,
      principal,
      input: { name: "Rectorat de Lyon", type: "academie" },
      now: NOW,
    });
    const journal = await verifyJournal({ register, principal });
    expect(journal.fault).toBeNull();
    expect(journal.count).toBe(4);
  });
});
