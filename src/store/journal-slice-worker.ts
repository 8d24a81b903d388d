// Worker thread: joins a journal verification, checking slices through a read-only connection of its own.

import { parentPort, workerData } from "node:worker_threads";
import type { Location } from "./database.js";
import type { SliceReport } from "./journal-slice-check.js";
import { checkSlices, openSliceSource, type SliceJob, SliceQueue } from "./journal-slice-queue.js";

export interface SliceWorkerData {
  readonly location: Location;
  readonly job: SliceJob;
}

/** One message per slice checked. */
export interface SliceWorkerMessage {
  readonly index: number;
  readonly report: SliceReport;
}

async function join({ location, job }: SliceWorkerData, port: NonNullable<typeof parentPort>): Promise<void> {
  const source = await openSliceSource(location);
  try {
    await checkSlices(new SliceQueue(job), source, (index, report) => {
      port.postMessage({ index, report } satisfies SliceWorkerMessage);
    });
  } finally {
    await source.close();
  }
}

// No top-level await: from source, this module is loaded through tsx's CommonJS hook (see journal-slices.ts).
if (parentPort) {
  join(workerData as SliceWorkerData, parentPort).catch((error: unknown) => {
    // Thrown outside the promise, it ends this worker with an "error" event, whatever the unhandled-rejection mode.
    setImmediate(() => {
      throw error;
    });
  });
}
