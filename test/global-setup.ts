// Builds dist/ once before the suite, so every CLI test spawns the same fresh `art28` binary.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// Several test runs may share one working tree (engineers, editors' watchers): one build at a time, so
// no run spawns a binary while another half-writes it. flock(1) is util-linux; without it, build alone.
const LOCK = join(tmpdir(), "art28-build.lock");

function hasFlock(): boolean {
  return spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
}

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = [process.execPath, "node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"];
  const [command, ...args] = hasFlock() ? ["flock", LOCK, ...tsc] : tsc;
  const build = spawnSync(command as string, args, { cwd: root, encoding: "utf8" });
  if (build.status === 0) return;
  const output = `${build.stdout ?? ""}${build.stderr ?? ""}`.trim();
  // tsc still emits JavaScript when it finds type errors (exit 2). Those errors fail `npm test` in its
  // own typecheck step; here they must not hide every CLI test's result.
  if (build.status === 2 && existsSync(join(root, "dist/cli/main.js"))) {
    console.warn(`[global-setup] tsc reported type errors; the CLI tests run on what it emitted:\n${output}`);
    return;
  }
  throw new Error(`building dist/ failed (${build.error?.message ?? `exit ${build.status}`}):\n${output}`);
}
