// `art28 demo`: fill an empty register with a believable world to try every command on.

import type { Command } from "commander";
import { seedDemo } from "../app/register/seed-demo.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerDemoCommand(program: Command, context: CliContext): void {
  const { say, lang, print } = context;
  program
    .command("demo")
    .description(
      say(
        "remplit une base vide : académie, collectivité, écoles, éditeurs, accords et obligations ouvertes",
        "fill an empty database: académie, local authority, schools, vendors, agreements and open obligations",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { json?: boolean }) => {
      const summary = await withRegister(context, (register, principal) =>
        seedDemo({ register, principal, now: Date.now(), lang }),
      );
      if (options.json) {
        print(JSON.stringify(summary, null, 2));
        return;
      }
      print(
        say(
          `démo prête : ${summary.organisations.length} organisations, ${summary.agreements.length} accords, ${summary.obligations} obligations ouvertes`,
          `demo ready: ${summary.organisations.length} organisations, ${summary.agreements.length} agreements, ${summary.obligations} open obligations`,
        ),
      );
      for (const a of summary.agreements) {
        const source =
          a.source === "typed"
            ? say("saisi", "typed in")
            : say(`lu dans ${a.source}`, `read from ${a.source}`);
        print(`  ${a.id.slice(0, 8)}  ${a.title} (${source})`);
      }
      if (summary.seedsUsed.length === 0) {
        print(
          say(
            `  (accords de référence absents de ${summary.seedsDir ?? "—"} : équivalents saisis à la main)`,
            `  (seed agreements not found in ${summary.seedsDir ?? "—"}: hand-entered equivalents used)`,
          ),
        );
      }
      print(
        say(
          "ensuite : art28 obligations due, art28 journal verify",
          "next: art28 obligations due, art28 journal verify",
        ),
      );
    });
}
