// The process's OS threads, to see that worker threads end with the work that started them (Linux only).

import { readdirSync } from "node:fs";

function osThreads(): number | null {
  try {
    return readdirSync("/proc/self/task").length;
  } catch {
    return null;
  }
}

/**
 * Runs `work` twice (its assertions included) and resolves with the threads it left behind: none when every worker it started has ended. Counted
 * after a first run of the same work, so that threads the runtime starts once and keeps (its thread pool, compiler
 * helpers) are not taken for leaks, and polled briefly, since an ended worker's thread leaves a moment later.
 */
export async function threadsLeftBy(work: () => Promise<unknown>): Promise<number> {
  await work();
  const before = osThreads();
  await work();
  if (before === null) return 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    const left = (osThreads() ?? before) - before;
    if (left <= 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (osThreads() ?? before) - before;
}
