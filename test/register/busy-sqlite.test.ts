// A SQLite file another process is writing: art28 waits for it within a bound, then says it is busy (exit 75).

import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { Art28Error } from "../../src/domain/error.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { PROJECT_ROOT, runCli } from "../cli.js";
import { createTestDatabase, type TestDatabase } from "./databases.js";

const principal: Principal = localOperator("test:busy", "t-busy");

// Another program holding the write lock: BEGIN IMMEDIATE, a line on stdout once held, then COMMIT after a while.
const HOLDER = `
const Database = (await import("better-sqlite3")).default;
const db = new Database(process.env.HOLDER_PATH);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("held\\n");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.HOLDER_MS));
db.exec("COMMIT");
db.close();
`;

async function holdWriteLock(path: string, ms: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", HOLDER], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOLDER_PATH: path, HOLDER_MS: String(ms) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the lock holder ended first (${code})`)));
  });
  return child;
}

function ended(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function appendOne(register: Register): Promise<void> {
  await inTransaction(register, principal, Date.UTC(2026, 4, 7), async (unit) => {
    unit.record({
      type: "request.received",
      payload: { v: 1, requestId: "r", receivedBy: "x", receivedAt: 0, right: "access" },
    });
  });
}

// Writers that each hold the lock a while in every transaction, as an import or a fan-out does.
const WRITER = `
const { openRegister } = await import("./src/app/register/open-register.ts");
const { inTransaction } = await import("./src/app/register/unit-of-work.ts");
const register = await openRegister({ env: { DATABASE_URL: process.env.WRITER_URL } });
const principal = { id: "writer:" + process.pid, tenant: "t-busy", grants: [{ kind: "tenant" }] };
for (let t = 0; t < 12; t++) {
  await inTransaction(register, principal, Date.now(), async (unit) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
    unit.record({ type: "request.received", payload: { v: 1, requestId: process.pid + "-" + t, receivedBy: "x", receivedAt: 0, right: "access" } });
  });
}
await register.close();
`;

function writer(url: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", WRITER], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WRITER_URL: url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe("a SQLite file another process is writing", () => {
  let database: TestDatabase;
  let path: string;

  beforeEach(async () => {
    database = await createTestDatabase("sqlite");
    path = database.url.slice("file:".length);
    await (await openRegister({ env: { DATABASE_URL: database.url } })).close();
  });
  afterEach(async () => {
    await database.drop();
  });

  it("is waited for, and the write goes in once the other program commits", async () => {
    const holder = await holdWriteLock(path, 800);
    const register = await openRegister({ env: { DATABASE_URL: database.url, ART28_BUSY_MS: "10000" } });
    try {
      await appendOne(register);
      expect(await verifyJournal({ register, principal })).toMatchObject({ fault: null, count: 1 });
    } finally {
      await register.close();
      await ended(holder);
    }
  });

  it("is reported busy, in French and English, once held beyond the wait allowed", async () => {
    const holder = await holdWriteLock(path, 4_000);
    const register = await openRegister({ env: { DATABASE_URL: database.url, ART28_BUSY_MS: "400" } });
    try {
      const failure = await appendOne(register).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Art28Error);
      expect(failure).toMatchObject({ code: "busy" });
      expect((failure as Art28Error).text.fr).toMatch(/occupée/);
      expect((failure as Art28Error).text.en).toMatch(/busy/);
      await ended(holder);
      await appendOne(register);
      expect(await verifyJournal({ register, principal })).toMatchObject({ fault: null, count: 1 });
    } finally {
      await register.close();
    }
  });

  it("makes the CLI say busy in one line with exit code 75, not an internal error", async () => {
    const holder = await holdWriteLock(path, 6_000);
    try {
      const run = runCli(["organisations", "add", "--name", "Collège Jean Moulin", "--uai", "0750001A"], {
        DATABASE_URL: database.url,
        ART28_BUSY_MS: "300",
        ART28_LANG: "fr",
      });
      expect(run.status).toBe(75);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^art28: DATABASE_URL : la base SQLite .* est occupée/);
      expect(run.stderr).not.toMatch(/erreur interne/);
    } finally {
      await ended(holder);
    }
  });

  it("lets several writers each holding the lock a while all write, none starved", async () => {
    const runs = await Promise.all(Array.from({ length: 5 }, () => writer(database.url)));
    expect(runs.map((r) => r.stderr)).toEqual(Array(5).fill(""));
    expect(runs.map((r) => r.code)).toEqual(Array(5).fill(0));
    const register = await openRegister({ env: { DATABASE_URL: database.url } });
    try {
      expect(await verifyJournal({ register, principal })).toMatchObject({ fault: null, count: 60 });
    } finally {
      await register.close();
    }
  });
});
