// `art28 export` and `art28 import`: the register as a JSON bundle, journal included, and back.

import type { Command } from "commander";
import { exportBundle } from "../app/register/export-bundle.js";
import { importBundle } from "../app/register/import-bundle.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerExchangeCommand(program: Command, context: CliContext): void {
  const { say, print } = context;
  program
    .command("export")
    .description(
      say(
        "écrit le registre (ou la part d'une organisation) en JSON sur la sortie standard, journal compris",
        "write the register (or one organisation's share) as JSON to standard output, journal included",
      ),
    )
    .option(
      "--org <name>",
      say(
        "seulement cette organisation et ce qui la concerne",
        "only this organisation and what concerns it",
      ),
    )
    .action(async (options: { org?: string }) => {
      const bundle = await withRegister(context, (register, principal) =>
        exportBundle({ register, principal, input: { organisation: options.org }, now: Date.now() }),
      );
      process.stdout.write(`${JSON.stringify(bundle)}\n`);
    });
  program
    .command("import")
    .description(
      say(
        "importe un lot écrit par art28 export (registre vide pour un lot complet)",
        "import a bundle written by art28 export (an empty register for a whole one)",
      ),
    )
    .argument("<file>", say("le lot JSON", "the JSON bundle"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (file: string, options: { json?: boolean }) => {
      const result = await withRegister(context, (register, principal) =>
        importBundle({ register, principal, input: { path: file }, now: Date.now() }),
      );
      if (options.json) {
        print(JSON.stringify(result, null, 2));
        return;
      }
      const counts = Object.entries(result.counts)
        .map(([table, n]) => `${table} ${n}`)
        .join(", ");
      print(say(`lot importé (${result.scope}) : ${counts}`, `bundle imported (${result.scope}): ${counts}`));
    });
}
