// Checks a journal's chain in slices, side by side on the calling thread and worker threads, for large journals.

import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Store } from "./database.js";
import type { SliceReport } from "./journal-slice-check.js";
import {
  checkSlices,
  openSliceSource,
  SliceQueue,
  type SliceSource,
  sqliteSource,
} from "./journal-slice-queue.js";
import type { SliceWorkerData, SliceWorkerMessage } from "./journal-slice-worker.js";

/** Below this many events, the store's own connection streams the chain fast enough. */
const PARALLEL_FROM = 20_000;
/** What starting a worker costs (a thread and its imports, about 50 ms), in events it could have checked meanwhile. */
const WORKER_START_EVENTS = 25_000;
const FROM_SOURCE = import.meta.url.endsWith(".ts");
/** Each worker holds a database connection (on PostgreSQL, a server process): a few cores' worth is enough. */
const MAX_WORKERS = 8;
/** Large enough that a slice's query costs little beside its rows; small enough to share the tail out evenly. */
const MAX_SLICE = 10_000;
const MAX_SLICES = 1 << 20;

export interface SliceOptions {
  readonly store: Store;
  readonly tenant: string;
  /** The last seq to check: the head read before checking began. */
  readonly upTo: number;
  /**
   * Worker threads joining the calling thread. By default, for journals of 20,000 events or more, one per CPU
   * beyond the first as long as it pays for its start; smaller journals are not sliced at all (an empty answer).
   */
  readonly threads?: number | undefined;
  /** Whether the calling thread checks slices too (default true; tests leave them all to workers). */
  readonly callingThread?: boolean;
}

/**
 * Cuts seq [1, upTo] into slices that the calling thread and its workers claim one at a time off a shared counter,
 * so that the caller starts at once and workers join as soon as they are up, and a slow thread never holds the rest
 * back. Returns the reports in seq order up to the first slice that is broken or was not checked (later ones cannot
 * change the verdict: fault location reads on from the end of the intact prefix).
 *
 * A worker that fails (it cannot start or connect, say) is not an error: the slices it did not report are simply not
 * vouched for, and the verifier reads them itself. Workers are terminated on every path.
 */
export async function checkJournalSlices({
  store,
  tenant,
  upTo,
  threads,
  callingThread = true,
}: SliceOptions): Promise<SliceReport[]> {
  if (threads === undefined && upTo < PARALLEL_FROM) return [];
  // Another connection cannot see an in-memory SQLite database: the calling thread checks it alone.
  const workerCount = store.sqlite?.memory
    ? 0
    : Math.max(0, Math.min(MAX_WORKERS, Math.floor(threads ?? defaultWorkers(upTo))));
  const participants = workerCount + (callingThread ? 1 : 0);
  if (participants === 0) return [];
  // About eight slices a participant, so that the last ones to finish hold the others back little; never so many
  // that a head forged far ahead of the rows makes the slice counter overflow.
  const size = Math.max(
    1,
    Math.min(MAX_SLICE, Math.ceil(upTo / (participants * 8))),
    Math.ceil(upTo / MAX_SLICES),
  );
  const queue = new SliceQueue(SliceQueue.job(tenant, upTo, size));
  const reports = new Map<number, SliceReport>();

  let settle = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  let running = 0;
  let callerDone = !callingThread;
  // Done when every slice up to the first broken one has its report, or when nobody is left to report.
  let reported = 0; // slices [0, reported) all have their reports
  const check = () => {
    while (reports.has(reported)) reported++;
    if (reported > Math.min(queue.count - 1, queue.firstBroken()) || (running === 0 && callerDone)) settle();
  };

  const workers: Worker[] = [];
  try {
    for (let w = 0; w < workerCount; w++) {
      let worker: Worker;
      try {
        worker = startWorker({ location: store.location, job: queue.job });
      } catch {
        break; // No worker can start here (from source without tsx, say): the others do without it.
      }
      workers.push(worker);
      running++;
      worker.on("message", ({ index, report }: SliceWorkerMessage) => {
        reports.set(index, report);
        check();
      });
      // Tolerated: see above. The listener also keeps the error from being thrown in this thread.
      worker.on("error", () => {});
      worker.once("exit", () => {
        running--;
        check();
      });
    }
    if (callingThread) {
      const source = await callerSource(store);
      try {
        await checkSlices(
          queue,
          source,
          (index, report) => {
            reports.set(index, report);
          },
          () => new Promise((resolve) => setImmediate(resolve)),
        );
      } finally {
        await source.close();
      }
      callerDone = true;
    }
    check();
    await settled;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  const ordered: SliceReport[] = [];
  for (let report = reports.get(0); report !== undefined; report = reports.get(ordered.length)) {
    ordered.push(report);
    if (!report.intact) break;
  }
  return ordered;
}

/** One per CPU beyond the calling thread's, as long as each checks several times what starting it cost. */
function defaultWorkers(upTo: number): number {
  return Math.min(availableParallelism() - 1, Math.floor(upTo / (4 * WORKER_START_EVENTS)));
}

/** SQLite: the store's own handle (no iterator stays open across an await); PostgreSQL: a client of its own. */
async function callerSource(store: Store): Promise<SliceSource> {
  return store.sqlite ? sqliteSource(store.sqlite, false) : openSliceSource(store.location);
}

/**
 * Starts a worker on the module beside this one: compiled JavaScript in dist/. From source (tsx, vitest) it is
 * TypeScript, and Node 20 gives workers none of the main thread's module hooks, so the worker first registers tsx's
 * CommonJS hook (a development dependency, present wherever the sources run): it starts in a tenth of the time of
 * tsx's ESM loader, which runs on a thread of its own in each worker. That is why nothing the worker loads may need
 * an import-only package or top-level await.
 */
function startWorker(workerData: SliceWorkerData): Worker {
  const here = import.meta.url;
  if (!FROM_SOURCE) return new Worker(new URL("./journal-slice-worker.js", here), { workerData });
  const tsx = JSON.stringify(createRequire(here).resolve("tsx/cjs/api"));
  const entry = JSON.stringify(fileURLToPath(new URL("./journal-slice-worker.ts", here)));
  return new Worker(`require(${tsx}).register(); require(${entry});`, { eval: true, workerData });
}
