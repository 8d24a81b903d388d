// The databases the register suite runs on: a temp SQLite file always, and a fresh PostgreSQL database with a
// random name when DATABASE_URL points at a server (dropped afterwards: other engineers share that server).

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestDatabase {
  readonly engine: "sqlite" | "postgres";
  /** DATABASE_URL for the register under test. */
  readonly url: string;
  drop(): Promise<void>;
}

export const POSTGRES_URL = /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")
  ? process.env.DATABASE_URL
  : undefined;

if (!POSTGRES_URL) {
  console.warn("register tests: DATABASE_URL is not a postgres:// URL, so the PostgreSQL run is skipped");
}

export const ENGINES: readonly ("sqlite" | "postgres")[] = POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabaseOptions {
  /** PostgreSQL only: an ICU collation for the database (`fr-FR-u-ka-shifted` weighs no punctuation, say). */
  readonly icuLocale?: string;
}

export async function createTestDatabase(
  engine: "sqlite" | "postgres",
  { icuLocale }: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "art28-register-"));
    return {
      engine,
      url: `file:${join(dir, "register.sqlite")}`,
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!POSTGRES_URL) throw new Error("no PostgreSQL server configured");
  const name = `art28_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(
      icuLocale
        ? `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${icuLocale}' LOCALE 'C.UTF-8'`
        : `CREATE DATABASE ${name}`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    engine,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
