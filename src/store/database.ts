// Opens the register's database named by DATABASE_URL: a SQLite file by default, PostgreSQL for shared servers.

import { resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import type pg from "pg";
import { Art28Error, invalidInput } from "../domain/error.js";
import type { Engine } from "./engine.js";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";
import {
  BUSY_TRIES,
  busyAwareHandle,
  DEFAULT_BUSY_WAIT_MS,
  takeWriteLock,
  unlessBusy,
} from "./sqlite-busy.js";

export const DEFAULT_SQLITE_FILE = "art28.sqlite";

export type Location =
  | { readonly engine: "sqlite"; readonly path: string }
  | { readonly engine: "postgres"; readonly url: string };

/** Reads DATABASE_URL: unset → ./art28.sqlite; `file:PATH` → that SQLite file; `postgres(ql)://…` → PostgreSQL. */
export function locate(databaseUrl: string | undefined, cwd: string = process.cwd()): Location {
  const url = databaseUrl?.trim();
  if (!url) return { engine: "sqlite", path: resolve(cwd, DEFAULT_SQLITE_FILE) };
  if (url.startsWith("file:")) {
    let path = url.slice("file:".length);
    if (path.startsWith("//")) path = decodeURIComponent(new URL(url).pathname);
    if (path.length === 0) throw badUrl(url);
    return { engine: "sqlite", path: resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return { engine: "postgres", url };
  throw badUrl(url);
}

function badUrl(url: string): Art28Error {
  return invalidInput(
    {
      fr: `DATABASE_URL « ${redact(url)} » n'est pas reconnue`,
      en: `DATABASE_URL "${redact(url)}" is not understood`,
    },
    {
      argument: "DATABASE_URL",
      accepted: {
        fr: "vide (./art28.sqlite), file:/chemin/fichier.sqlite ou postgres://utilisateur@hôte/base",
        en: "empty (./art28.sqlite), file:/path/file.sqlite or postgres://user@host/database",
      },
    },
  );
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, "$1:***@");
}

export interface Store {
  readonly engine: Engine;
  readonly location: Location;
  readonly db: Kysely<Database>;
  /** Runs `work` in one transaction; on SQLite it takes the write lock at once (BEGIN IMMEDIATE). */
  transaction<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** The better-sqlite3 handle, for the online backup API; null on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | null;
  close(): Promise<void>;
}

// PostgreSQL returns int8 as text by default; instants and seqs are below 2^53, so numbers are exact.
const INT8_OID = 20;
function numericTypes(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser(oid: number, format?: "text" | "binary") {
      if (oid === INT8_OID && format !== "binary") return (value: string) => Number(value);
      // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept the union format
      return types.getTypeParser(oid, format as any);
    },
  } as pg.CustomTypesConfig;
}

export interface OpenOptions {
  /** Apply pending migrations (the default): every start brings the schema up to date. */
  readonly migrate?: boolean;
  readonly poolSize?: number;
  /** SQLite: how long, in all, a write waits for another process's lock before failing as busy (20 s). */
  readonly busyWaitMs?: number;
}

export async function openStore(location: Location, options: OpenOptions = {}): Promise<Store> {
  const store =
    location.engine === "sqlite"
      ? openSqlite(location, options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS)
      : await openPostgres(location, options.poolSize ?? 10);
  if (options.migrate !== false) {
    try {
      await migrate(store);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

function openSqlite(location: Extract<Location, { engine: "sqlite" }>, busyWaitMs: number): Store {
  let handle: BetterSqlite3.Database;
  try {
    handle = new BetterSqlite3(location.path);
  } catch (error) {
    throw new Art28Error(
      "unavailable",
      {
        fr: `impossible d'ouvrir la base SQLite ${location.path} : ${(error as Error).message}`,
        en: `cannot open the SQLite database ${location.path}: ${(error as Error).message}`,
      },
      { argument: "DATABASE_URL" },
    );
  }
  // The busy timeout first: switching to WAL needs the file's lock, which another process may hold.
  const tryWaitMs = Math.max(1, Math.round(busyWaitMs / BUSY_TRIES));
  handle.pragma(`busy_timeout = ${tryWaitMs}`);
  unlessBusy(location.path, tryWaitMs, () => {
    handle.pragma("journal_mode = WAL");
    handle.pragma("synchronous = NORMAL");
    handle.pragma("foreign_keys = ON");
    // 64 MiB of page cache (the default is 2 MiB): the obligation indexes of a large register stay in memory.
    handle.pragma("cache_size = -65536");
  });
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: busyAwareHandle(handle, location.path, tryWaitMs) }),
  });
  return {
    engine: "sqlite",
    location,
    db,
    sqlite: handle,
    async transaction(work) {
      // BEGIN IMMEDIATE: take the write lock before reading, so two processes never both read the same
      // journal head and then fail to upgrade (or fork the chain). Another process's lock is waited for, within
      // the bound, in a few tries; then the database is reported busy.
      return db.connection().execute(async (connection) => {
        await takeWriteLock(() => sql`begin immediate`.execute(connection), location.path);
        try {
          const result = await work(connection);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          await sql`rollback`.execute(connection);
          throw error;
        }
      });
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPostgres(
  location: Extract<Location, { engine: "postgres" }>,
  poolSize: number,
): Promise<Store> {
  // Loaded only for a PostgreSQL register: SQLite users do not pay its 40 ms at every start.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: location.url, max: poolSize, types: numericTypes(pg.types) });
  // An idle connection the server ends (restart, pg_terminate_backend, a forced DROP DATABASE, or one still closing
  // after close()) is already dropped by the pool, which opens another on demand; unheard, the pool's "error" event
  // would end the whole process.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: "postgres",
    location,
    db,
    sqlite: null,
    async transaction(work) {
      return db.transaction().execute(work);
    },
    async close() {
      await db.destroy();
    },
  };
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: readonly string[];
}

/** Applies every pending migration; PostgreSQL serialises concurrent starts with Kysely's advisory lock. */
export async function migrate(store: Store): Promise<MigrationReport> {
  // Unordered: migrations written in parallel branches may land with names before ones already applied.
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(store.engine),
    allowUnorderedMigrations: true,
  });
  let outcome: Awaited<ReturnType<Migrator["migrateToLatest"]>>;
  try {
    outcome = await migrator.migrateToLatest();
  } catch (error) {
    throw unreachable(store, error);
  }
  if (outcome.error) throw unreachable(store, outcome.error);
  const applied = (outcome.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  const current = (await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
  return { applied, current };
}

function unreachable(store: Store, error: unknown): Art28Error {
  if (error instanceof Art28Error) return error;
  const where = store.location.engine === "sqlite" ? store.location.path : redact(store.location.url);
  const message = error instanceof Error ? error.message : String(error);
  return new Art28Error("unavailable", {
    fr: `base de données ${where} inutilisable : ${message}`,
    en: `database ${where} unusable: ${message}`,
  });
}
