// Runs every bench/*.bench.ts (or those named on the command line) and prints one JSON line per figure, each beside
// its limit: the same work done the plainest way on this machine in the same run. `--write` regenerates
// BENCHMARKS.md from the figures.

import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Figure, writeBenchmarks } from "./benchmarks-file.js";

/**
 * `limit`, in the figure's unit: what the plainest way to do the same work achieves (null when there is none to
 * compare with). The ratio is then the share of that speed reached: value/limit for a rate, limit/value for a time.
 */
export type Emit = (name: string, value: number, unit: string, limit?: number | null) => void;

const dir = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const write = args.includes("--write");
const wanted = args.filter((a) => !a.startsWith("--"));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const figures: Figure[] = [];
const round = (n: number) => Number(n.toPrecision(6));

const emit: Emit = (name, value, unit, limit = null) => {
  const isTime = unit === "ms" || unit === "s";
  const ratio =
    limit === null || !(limit > 0) || !(value > 0) ? null : isTime ? limit / value : value / limit;
  const figure: Figure = {
    name,
    value: round(value),
    unit,
    limit: limit === null ? null : round(limit),
    ratio: ratio === null ? null : Number(ratio.toFixed(3)),
  };
  figures.push(figure);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
};

const started = Date.now();
let failed = false;
for (const file of files) {
  try {
    const module = (await import(pathToFileURL(`${dir}/${file}`).href)) as {
      default: (emit: Emit) => Promise<void>;
    };
    await module.default(emit);
  } catch (error) {
    failed = true;
    process.stderr.write(`bench ${file} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
if (write) writeBenchmarks(figures, { benches: files, seconds: (Date.now() - started) / 1000, failed });
process.exitCode = failed ? 1 : 0;
