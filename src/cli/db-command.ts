// `art28 db migrate`: bring the database named by DATABASE_URL up to the latest schema.

import type { Command } from "commander";
import { migrateDatabase } from "../app/register/migrate-database.js";
import type { CliContext } from "./context.js";

export function registerDbCommand(program: Command, context: CliContext): void {
  const { say, print, env } = context;
  const db = program
    .command("db")
    .description(
      say(
        "la base de données (DATABASE_URL : vide → ./art28.sqlite, file:CHEMIN, postgres://…)",
        "the database (DATABASE_URL: empty → ./art28.sqlite, file:PATH, postgres://…)",
      ),
    );
  db.command("migrate")
    .description(say("applique les migrations en attente", "apply pending migrations"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { json?: boolean }) => {
      const view = await migrateDatabase({ env });
      if (options.json) {
        print(JSON.stringify(view, null, 2));
        return;
      }
      const applied = view.applied.length > 0 ? view.applied.join(", ") : say("aucune", "none");
      print(
        say(
          `base ${view.engine} à jour — migrations appliquées maintenant : ${applied} ; schéma : ${view.current.join(", ")}`,
          `${view.engine} database up to date — migrations applied now: ${applied}; schema: ${view.current.join(", ")}`,
        ),
      );
    });
}
