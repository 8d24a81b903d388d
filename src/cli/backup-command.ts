// `art28 backup FILE` and `art28 restore FILE`: whole-database copies (SQLite online backup, or pg_dump/pg_restore).

import type { Command } from "commander";
import { backupDatabase } from "../app/register/backup-database.js";
import { restoreDatabase } from "../app/register/restore-database.js";
import { Art28Error } from "../domain/error.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerBackupCommand(program: Command, context: CliContext): void {
  const { say, print, env } = context;
  program
    .command("backup")
    .description(
      say(
        "sauvegarde toute la base dans un fichier, sans l'arrêter (SQLite : sauvegarde en ligne ; PostgreSQL : pg_dump)",
        "back the whole database up to a file while it runs (SQLite: online backup; PostgreSQL: pg_dump)",
      ),
    )
    .argument("<file>", say("fichier à créer", "file to create"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (file: string, options: { json?: boolean }) => {
      const report = await withRegister(context, (register) => backupDatabase({ register, input: { file } }));
      if (options.json) print(JSON.stringify(report, null, 2));
      else
        print(
          say(
            `sauvegarde écrite : ${report.file} (${report.bytes} octets, ${report.method})`,
            `backup written: ${report.file} (${report.bytes} bytes, ${report.method})`,
          ),
        );
    });
  program
    .command("restore")
    .description(
      say(
        "remplace la base par une sauvegarde, puis vérifie chaque journal",
        "replace the database with a backup, then verify every journal",
      ),
    )
    .argument("<file>", say("la sauvegarde", "the backup"))
    .option(
      "--force",
      say("remplacer une base qui contient des données", "replace a database that holds data"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (file: string, options: { force?: boolean; json?: boolean }) => {
      const report = await restoreDatabase({ env, input: { file, force: options.force } });
      if (options.json) print(JSON.stringify(report, null, 2));
      else {
        print(
          say(
            `base restaurée depuis ${report.file} (${report.method})`,
            `database restored from ${report.file} (${report.method})`,
          ),
        );
        for (const j of report.journals) {
          print(
            j.fault
              ? say(
                  `  journal ${j.tenant} : rompu à l'événement n° ${j.fault.seq}`,
                  `  journal ${j.tenant}: broken at event #${j.fault.seq}`,
                )
              : say(
                  `  journal ${j.tenant} : ${j.count} événement(s), intègre`,
                  `  journal ${j.tenant}: ${j.count} event(s), intact`,
                ),
          );
        }
      }
      const broken = report.journals.find((j) => j.fault);
      if (broken?.fault) {
        throw new Art28Error("integrity_violation", {
          fr: `la sauvegarde restaurée a un journal rompu (locataire ${broken.tenant}, événement n° ${broken.fault.seq})`,
          en: `the restored backup has a broken journal (tenant ${broken.tenant}, event #${broken.fault.seq})`,
        });
      }
    });
}
