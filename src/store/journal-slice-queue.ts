// The slices a journal verification cuts the chain into: claimed off a counter shared by the calling thread and its
// workers, each read through the claimer's own connection in the drivers' leanest row form, and checked.

import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { Location } from "./database.js";
import { type RawLink, SliceCheck, type SliceReport } from "./journal-slice-check.js";

// This module and its imports are all a worker loads (drivers on demand): every worker pays for its imports before
// it reads a row, and Kysely alone takes longer to load than 10,000 rows to check. Rows come as arrays in `RawLink`
// order: at hundreds of thousands of rows a second, building objects costs as much as hashing them.

/** What a participant needs to join a verification; it crosses to workers (the counter is shared memory). */
export interface SliceJob {
  readonly tenant: string;
  /** The last seq to check. */
  readonly upTo: number;
  /** Seqs per slice; the last slice may be shorter. */
  readonly size: number;
  /** Two int32 cells: the next slice to claim, and the first slice found broken (none: int32 max). */
  readonly counter: SharedArrayBuffer;
}

export interface Slice {
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

const NEXT = 0;
const FIRST_BROKEN = 1;
const NONE = 0x7fffffff;

export class SliceQueue {
  private readonly cells: Int32Array;
  readonly count: number;

  constructor(readonly job: SliceJob) {
    this.cells = new Int32Array(job.counter);
    this.count = Math.ceil(job.upTo / job.size);
  }

  static job(tenant: string, upTo: number, size: number): SliceJob {
    const counter = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    new Int32Array(counter)[FIRST_BROKEN] = NONE;
    return { tenant, upTo, size, counter };
  }

  /** The next slice nobody has taken, or null when none is left that could still matter. */
  claim(): Slice | null {
    const index = Atomics.add(this.cells, NEXT, 1);
    if (index >= this.count || index > this.firstBroken()) return null;
    const from = index * this.job.size + 1;
    return { index, from, to: Math.min(this.job.upTo, from + this.job.size - 1) };
  }

  /** Slices after the first broken one cannot change the verdict: fault location reads on from before it. */
  firstBroken(): number {
    return Atomics.load(this.cells, FIRST_BROKEN);
  }

  markBroken(index: number): void {
    let seen = Atomics.load(this.cells, FIRST_BROKEN);
    while (index < seen) {
      const before = Atomics.compareExchange(this.cells, FIRST_BROKEN, seen, index);
      if (before === seen) return;
      seen = before;
    }
  }
}

/** Reads slices through one connection: the participant's own (a worker's, or the caller's for PostgreSQL). */
export interface SliceSource {
  /** Feeds the rows of the slice to `check`, in seq order, until all are seen or the slice is known broken. */
  feed(tenant: string, slice: Slice, check: SliceCheck): Promise<void>;
  close(): Promise<void>;
}

/**
 * Claims slices until none is left, checking each and handing over its report. `pause` runs between slices (the
 * calling thread yields there, so that the workers' reports and other work get their turn).
 */
export async function checkSlices(
  queue: SliceQueue,
  source: SliceSource,
  report: (index: number, report: SliceReport) => void,
  pause?: () => Promise<void>,
): Promise<void> {
  for (let slice = queue.claim(); slice !== null; slice = queue.claim()) {
    const check = new SliceCheck(queue.job.tenant, slice.from, slice.to);
    await source.feed(queue.job.tenant, slice, check);
    const found = check.report();
    if (!found.intact) queue.markBroken(slice.index);
    report(slice.index, found);
    if (pause) await pause();
  }
}

const COLUMNS = "seq, at, actor, type, payload, prev_hash, hash";

/**
 * Slices read through a better-sqlite3 handle, used by this thread alone: rows up to the head read before the check
 * began are committed and never change, so any snapshot (WAL: readers never wait for the writer) holds them.
 * `owned`: the handle is closed with the source.
 */
export function sqliteSource(handle: BetterSqlite3.Database, owned: boolean): SliceSource {
  const rows = handle
    .prepare<[string, number, number], RawLink>(
      `SELECT ${COLUMNS} FROM journal WHERE tenant_id = ? AND seq >= ? AND seq <= ? ORDER BY seq`,
    )
    .raw(true);
  return {
    async feed(tenant, { from, to }, check) {
      // Pages of a couple of thousand rows cost a quarter less than a row-by-row iterator (one call into the
      // driver a page) and far less than one large array (the garbage collector's work grows with it).
      for (let first = from; first <= to; first += SQLITE_PAGE) {
        const last = Math.min(to, first + SQLITE_PAGE - 1);
        const page = rows.all(tenant, first, last);
        for (const row of page) if (!check.push(row)) return;
        if (page.length < last - first + 1) return; // a seq is missing: the slice cannot hold
      }
    },
    async close() {
      if (owned) handle.close();
    },
  };
}

const SQLITE_PAGE = 2_000;
const INT8_OID = 20;
// Seqs and instants are below 2^53, so numbers are exact; the other columns are text, kept as sent.
const ROW_TYPES = {
  getTypeParser: (oid: number) => (oid === INT8_OID ? Number : (value: string) => value),
};
const BATCH = 2_000;

/**
 * Slices read through a pg client of the participant's own, in one read-only transaction, each through a cursor
 * fetched in batches. A cursor rather than a plain range query: the planner then favours the primary key's order
 * (it expects only part of the rows to be fetched), where a query on a journal not yet analysed sorts the rows,
 * on disk when they outgrow work_mem. The next batch is requested before the current one is handed over, so the
 * server reads while this thread hashes.
 */
export async function postgresSource(client: pg.Client): Promise<SliceSource> {
  await client.query("BEGIN READ ONLY");
  return {
    async feed(tenant, { from, to }, check) {
      await client.query(
        `DECLARE slice NO SCROLL CURSOR FOR SELECT ${COLUMNS} FROM journal
          WHERE tenant_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq`,
        [tenant, from, to],
      );
      const fetch = (): Promise<pg.QueryArrayResult<RawLink>> =>
        client.query<RawLink>({ text: `FETCH ${BATCH} FROM slice`, rowMode: "array", types: ROW_TYPES });
      let next: Promise<pg.QueryArrayResult<RawLink>> | null = fetch();
      try {
        outer: while (next) {
          const { rows }: pg.QueryArrayResult<RawLink> = await next;
          next = rows.length < BATCH ? null : fetch();
          for (const row of rows) if (!check.push(row)) break outer;
        }
      } finally {
        // A batch still in flight when the slice proved broken is read and dropped before the cursor closes.
        if (next) await next;
        await client.query("CLOSE slice");
      }
    },
    async close() {
      await client.end();
    },
  };
}

/** A source on a connection of its own to the store at `location`, for a worker or a PostgreSQL caller. */
export async function openSliceSource(location: Location): Promise<SliceSource> {
  if (location.engine === "sqlite") {
    const { default: Sqlite } = await import("better-sqlite3");
    return sqliteSource(
      new Sqlite(location.path, { readonly: true, fileMustExist: true, timeout: 10_000 }),
      true,
    );
  }
  const { default: postgres } = await import("pg");
  const client = new postgres.Client({ connectionString: location.url });
  await client.connect();
  try {
    return await postgresSource(client);
  } catch (error) {
    await client.end();
    throw error;
  }
}
