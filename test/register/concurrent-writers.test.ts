// Several processes appending to one journal at once (two server instances, a CLI beside them) never fork the chain.

import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRegister } from "../../src/app/register/open-register.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { localOperator } from "../../src/domain/principal.js";
import { PROJECT_ROOT } from "../cli.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "./databases.js";

const TENANT = "t-concurrent";
const PROCESSES = 3;
const TRANSACTIONS = 20;
const EVENTS = 5;

// Runs in a child process on the sources through tsx (dist/ may be rebuilt by a concurrent test run meanwhile).
const WRITER = `
const { openRegister } = await import("./src/app/register/open-register.ts");
const { inTransaction } = await import("./src/app/register/unit-of-work.ts");
const register = await openRegister({ env: { DATABASE_URL: process.env.WRITER_URL } });
const principal = { id: "writer:" + process.pid, tenant: "${TENANT}", grants: [{ kind: "tenant" }] };
for (let t = 0; t < ${TRANSACTIONS}; t++) {
  await inTransaction(register, principal, Date.now(), async (unit) => {
    for (let e = 0; e < ${EVENTS}; e++) {
      unit.record({ type: "request.received", payload: { v: 1, requestId: process.pid + "-" + t + "-" + e, receivedBy: "x", receivedAt: 0, right: "access" } });
    }
  });
}
await register.close();
`;

function writer(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", WRITER], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WRITER_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
}

describe.each(ENGINES)("concurrent writers on %s", (engine) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    // Migrate once up front, as a deployment does before starting its instances.
    await (await openRegister({ env: { DATABASE_URL: database.url } })).close();
  });
  afterEach(async () => {
    await database.drop();
  });

  it(`keeps one chain when ${PROCESSES} processes append at the same time`, async () => {
    const codes = await Promise.all(Array.from({ length: PROCESSES }, () => writer(database.url)));
    expect(codes).toEqual(Array(PROCESSES).fill(0));
    const register = await openRegister({ env: { DATABASE_URL: database.url } });
    try {
      const result = await verifyJournal({ register, principal: localOperator("test", TENANT) });
      expect(result.fault).toBeNull();
      expect(result.count).toBe(PROCESSES * TRANSACTIONS * EVENTS);
    } finally {
      await register.close();
    }
  });
});
