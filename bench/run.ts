// Runs every bench/*.bench.ts (or those named on the command line) and prints one JSON line per figure.

import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

export type Emit = (name: string, value: number, unit: string) => void;

const dir = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const emit: Emit = (name, value, unit) => {
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toPrecision(6)), unit })}\n`);
};

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
process.exitCode = failed ? 1 : 0;
