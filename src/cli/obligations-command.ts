// `art28 obligations due`: what is owed, by whom, by when — pending obligations in deadline order.

import type { Command } from "commander";
import { closeObligation } from "../app/obligations/close-obligation.js";
import { listDueObligations } from "../app/obligations/list-due-obligations.js";
import { invalidInput } from "../domain/error.js";
import { OBLIGATION_STATUS_LABELS } from "../domain/obligation.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerObligationsCommand(program: Command, context: CliContext): void {
  const { say, lang, print } = context;
  const obligations = program
    .command("obligations")
    .description(
      say("les obligations nées des accords et des événements", "obligations born of agreements and events"),
    );
  obligations
    .command("due")
    .description(say("les obligations en attente, par échéance", "pending obligations, by deadline"))
    .option(
      "--before <date>",
      say(
        "seulement celles dues avant cette date (AAAA-MM-JJ)",
        "only those due before this date (YYYY-MM-DD)",
      ),
    )
    .option(
      "--org <name>",
      say("seulement celles que doit cette organisation", "only those this organisation owes"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { before?: string; org?: string; owedBy?: boolean; json?: boolean }) => {
      const now = Date.now();
      const list = await withRegister(context, (register, principal) =>
        listDueObligations({
          register,
          principal,
          input: { before: options.before, organisation: options.org, heldOnly: options.owedBy },
          now,
        }),
      );
      if (options.json) {
        print(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) {
        print(say("aucune obligation en attente", "no pending obligations"));
        return;
      }
      for (const o of list) {
        const late = o.status === "late" ? say(" EN RETARD", " LATE") : "";
        const to = o.counterparty ? say(` → ${o.counterparty.name}`, ` → ${o.counterparty.name}`) : "";
        print(`${o.due}${late}  ${o.holder.name}${to}`);
        const basis =
          o.basis.kind === "interpreted" || o.basis.kind === "interpreted_statute"
            ? say(
                " (délai interprété : la clause ne donne pas de nombre)",
                " (interpreted period: the clause states no number)",
              )
            : "";
        print(`    ${o.what[lang]}${basis}`);
        if (o.agreement)
          print(`    ${say("accord", "agreement")}: ${o.agreement.title} (${o.agreement.id.slice(0, 8)})`);
        // Whole: obligation ids are time-ordered, so ones opened together share their first characters.
        print(`    ${say("pour la clore", "to close it")}: art28 obligations close ${o.id}`);
      }
    });

  obligations
    .command("close")
    .description(
      say(
        "clôt une obligation : faite (avec sa preuve) ou levée (avec la raison)",
        "close an obligation: done (with its evidence) or waived (with the reason)",
      ),
    )
    .argument("<id>", say("identifiant de l'obligation", "obligation id"))
    .option("--done", say("faite", "done"))
    .option("--waive", say("levée", "waived"))
    .requiredOption("--note <text>", say("la preuve ou la raison", "the evidence or the reason"))
    .option("--sha256 <hash>", say("empreinte d'un document joint", "sha256 of an attached document"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        id: string,
        options: { done?: boolean; waive?: boolean; note: string; sha256?: string; json?: boolean },
      ) => {
        if (Boolean(options.done) === Boolean(options.waive)) {
          throw invalidInput(
            { fr: "indiquez --done ou --waive", en: "give --done or --waive" },
            { argument: "--done" },
          );
        }
        const closed = await withRegister(context, (register, principal) =>
          closeObligation({
            register,
            principal,
            input: {
              id,
              outcome: options.done ? "done" : "waived",
              note: options.note,
              sha256: options.sha256,
            },
            now: Date.now(),
          }),
        );
        if (options.json) print(JSON.stringify(closed, null, 2));
        else
          print(
            say(
              `obligation ${closed.id} close : ${OBLIGATION_STATUS_LABELS[closed.status].fr}`,
              `obligation ${closed.id} closed: ${OBLIGATION_STATUS_LABELS[closed.status].en}`,
            ),
          );
      },
    );
}
