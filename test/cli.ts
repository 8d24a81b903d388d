// Runs the built `art28` binary as a user would, for end-to-end CLI tests.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = PROJECT_ROOT,
): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    // Instants print in the machine's zone: tests pin it to UTC unless they say otherwise.
    env: { ...process.env, ART28_LANG: undefined, ART28_DEBUG: undefined, TZ: "UTC", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
