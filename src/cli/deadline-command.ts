// `art28 deadline`: when does a period expire, under Regulation 1182/71.

import type { Command } from "commander";
import { computeDeadline } from "../app/obligations/compute-deadline.js";
import type { CliContext } from "./context.js";

export function registerDeadlineCommand(program: Command, { say, lang, print }: CliContext): void {
  program
    .command("deadline")
    .description(
      say(
        "calcule l'échéance d'un délai (règlement 1182/71, art. 3)",
        "compute when a period expires (Regulation 1182/71, Art. 3)",
      ),
    )
    .requiredOption(
      "--from <instant>",
      say(
        "événement de départ, ISO 8601 avec décalage (2026-05-07T10:15:00+02:00) ou date (2026-05-07)",
        "the starting event, ISO 8601 with an offset (2026-05-07T10:15:00+02:00) or a date (2026-05-07)",
      ),
    )
    .requiredOption(
      "--period <period>",
      say(
        "durée : « 72 heures », « 3 jours ouvrés », « 1 mois », « 72 hours »…",
        'the period: "72 hours", "3 working days", "1 month", "72 heures"…',
      ),
    )
    .option(
      "--calendar <calendar>",
      say(
        "FR (par défaut), FR-ALSACE-MOSELLE, FR-57, FR-67, FR-68 ou BE",
        "FR (default), FR-ALSACE-MOSELLE, FR-57, FR-67, FR-68 or BE",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action((options: { from: string; period: string; calendar?: string; json?: boolean }) => {
      const view = computeDeadline({
        input: { from: options.from, period: options.period, calendar: options.calendar },
        lang,
      });
      if (options.json) {
        const { description: _description, ...data } = view;
        print(JSON.stringify(data, null, 2));
      } else {
        print(view.description);
      }
    });
}
