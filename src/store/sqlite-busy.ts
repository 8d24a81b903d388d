// A SQLite file another process is writing: waited for within a bound, in a few tries, then reported as busy.

import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";
import { Art28Error } from "../domain/error.js";

/** How long a write waits for another process's lock by default, in all (DATABASE_URL's file, ART28_BUSY_MS). */
export const DEFAULT_BUSY_WAIT_MS = 20_000;
/** The wait is split into this many tries, with a random pause between them. */
export const BUSY_TRIES = 4;

/** SQLITE_BUSY and its extended codes (better-sqlite3 names them `SQLITE_BUSY_SNAPSHOT` and so on). */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

export function busyError(path: string, waitedMs: number): Art28Error {
  const seconds = Math.round(waitedMs / 100) / 10;
  return new Art28Error(
    "busy",
    {
      fr: `la base SQLite ${path} est occupée par un autre programme qui écrit (attendu ${seconds} s) : réessayez dans un instant`,
      en: `the SQLite database ${path} is busy with another program writing (waited ${seconds} s): try again in a moment`,
    },
    { argument: "DATABASE_URL" },
  );
}

/** Runs a synchronous SQLite call, turning a busy database into the `busy` error. */
export function unlessBusy<T>(path: string, waitMs: number, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (isSqliteBusy(error)) throw busyError(path, waitMs);
    throw error;
  }
}

/**
 * The handle as Kysely sees it: every statement that finds the file still busy once SQLite's busy timeout has run
 * out fails with the `busy` error, never a raw « database is locked ».
 */
export function busyAwareHandle(
  handle: BetterSqlite3.Database,
  path: string,
  waitMs: number,
): SqliteDatabase {
  const guard = <T>(call: () => T): T => unlessBusy(path, waitMs, call);
  return {
    close: () => handle.close(),
    prepare(text: string): SqliteStatement {
      const statement = guard(() => handle.prepare(text));
      return {
        reader: statement.reader,
        all: (parameters) => guard(() => statement.all(parameters)),
        run: (parameters) => guard(() => statement.run(parameters)),
        iterate: (parameters) => guard(() => statement.iterate(parameters)),
      };
    },
  };
}

/**
 * Takes the write lock, trying `BUSY_TRIES` times: each try waits up to its share of the bound in SQLite's busy
 * handler (which blocks the thread), then a random pause of up to 50 ms lets this process's other work run and
 * breaks the lockstep of writers that keep missing the lock in the same order.
 */
export async function takeWriteLock(begin: () => Promise<unknown>, path: string): Promise<void> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await begin();
      return;
    } catch (error) {
      const busy = isSqliteBusy(error) || (error instanceof Art28Error && error.code === "busy");
      if (!busy) throw error;
      if (attempt >= BUSY_TRIES) throw busyError(path, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
    }
  }
}
