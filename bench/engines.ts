// Runs one benchmark on a fresh SQLite file, then on a fresh PostgreSQL database when DATABASE_URL names a server.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openRegister, type Register } from "../src/app/register/open-register.js";

export type Engine = "sqlite" | "postgres";

async function withRegister(databaseUrl: string, run: (register: Register) => Promise<void>): Promise<void> {
  const register = await openRegister({ env: { DATABASE_URL: databaseUrl } });
  try {
    await run(register);
  } finally {
    await register.close();
  }
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function onEachEngine(
  measure: (register: Register, engine: Engine) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "art28-bench-"));
  try {
    await withRegister(`file:${join(dir, "bench.sqlite")}`, (register) => measure(register, "sqlite"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const server = process.env.DATABASE_URL;
  if (!server || !/^postgres(ql)?:\/\//i.test(server)) return;
  const name = `art28_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    await withRegister(url.toString(), (register) => measure(register, "postgres"));
  } finally {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
