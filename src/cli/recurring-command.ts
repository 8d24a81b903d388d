// `art28 recurring add|list|stop`: duties that come back on a schedule under an agreement (reviews, audits).

import type { Command } from "commander";
import { listRecurringDuties } from "../app/obligations/list-recurring-duties.js";
import { scheduleRecurringDuty } from "../app/obligations/schedule-recurring-duty.js";
import { stopRecurringDuty } from "../app/obligations/stop-recurring-duty.js";
import { formatDuration } from "../domain/duration.js";
import { invalidInput } from "../domain/error.js";
import { RECURRING_DUTY_KINDS, RECURRING_DUTY_LABELS } from "../domain/recurring-duty.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerRecurringCommand(program: Command, context: CliContext): void {
  const { say, lang, print, when } = context;
  const group = program
    .command("recurring")
    .description(
      say(
        "obligations périodiques d'un accord : revues de sécurité, du registre, des accès, audits",
        "an agreement's recurring duties: security, record and access reviews, audits",
      ),
    );

  group
    .command("add")
    .description(
      say(
        "fixe une obligation qui revient ; sa prochaine échéance s'ouvre, et chaque clôture ouvre la suivante",
        "set a duty that comes back; its next occurrence opens, and closing each opens the one after",
      ),
    )
    .requiredOption(
      "--agreement <id>",
      say("l'accord (ou le début de son identifiant)", "the agreement (or its id's start)"),
    )
    .requiredOption("--kind <kind>", RECURRING_DUTY_KINDS.join(" | "))
    .requiredOption(
      "--every <period>",
      say("périodicité : 1 an, 6 mois, 2 semaines…", "period: 1 year, 6 months…"),
    )
    .option(
      "--holder <side>",
      say(
        "controller | processor (défaut : selon l'obligation)",
        "controller | processor (default: per duty)",
      ),
    )
    .option(
      "--from <date>",
      say(
        "point de départ (défaut : entrée en vigueur de l'accord)",
        "start (default: the agreement's effect)",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: {
        agreement: string;
        kind: string;
        every: string;
        holder?: string;
        from?: string;
        json?: boolean;
      }) => {
        const holder = options.holder?.trim().toLowerCase();
        if (holder !== undefined && holder !== "controller" && holder !== "processor") {
          throw invalidInput(
            { fr: `côté inconnu : « ${options.holder} »`, en: `unknown side: "${options.holder}"` },
            { argument: "holder", accepted: { fr: "controller, processor", en: "controller, processor" } },
          );
        }
        const scheduled = await withRegister(context, (register, principal) =>
          scheduleRecurringDuty({
            register,
            principal,
            input: {
              agreement: options.agreement,
              kind: options.kind,
              every: options.every,
              ...(holder ? { holder } : {}),
              ...(options.from ? { from: options.from } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(scheduled, null, 2));
          return;
        }
        print(
          say(
            `obligation périodique ${scheduled.duty.id} : ${RECURRING_DUTY_LABELS[scheduled.duty.kind].fr}, périodicité ${formatDuration(scheduled.duty.every, "fr")}`,
            `recurring duty ${scheduled.duty.id}: ${RECURRING_DUTY_LABELS[scheduled.duty.kind].en}, every ${formatDuration(scheduled.duty.every, "en")}`,
          ),
        );
        print(`  ${say("prochaine échéance", "next due")} ${when(scheduled.obligation.due)}`);
      },
    );

  group
    .command("list")
    .description(
      say("les obligations périodiques et leur prochaine échéance", "recurring duties and their next due"),
    )
    .option(
      "--agreement <id>",
      say("d'un seul accord (ou le début de son identifiant)", "of one agreement (or its id's start)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { agreement?: string; json?: boolean }) => {
      const duties = await withRegister(context, (register, principal) =>
        listRecurringDuties({
          register,
          principal,
          input: options.agreement ? { agreement: options.agreement } : {},
        }),
      );
      if (options.json) {
        print(JSON.stringify(duties, null, 2));
        return;
      }
      if (duties.length === 0) print(say("aucune obligation périodique", "no recurring duty"));
      for (const d of duties) {
        const state =
          d.endedAt !== null
            ? say(`arrêtée le ${when(d.endedAt)}`, `stopped ${when(d.endedAt)}`)
            : d.next
              ? say(`prochaine échéance ${when(d.next.due)}`, `next due ${when(d.next.due)}`)
              : say("aucune échéance ouverte", "no occurrence open");
        print(
          `${d.id.slice(0, 8)}  ${RECURRING_DUTY_LABELS[d.kind][lang]} — ${d.holder.name}, ${say("périodicité", "every")} ${formatDuration(d.every, lang)}`,
        );
        print(`    ${d.agreement.title} (${d.agreement.id.slice(0, 8)}) ; ${state}`);
      }
    });

  group
    .command("stop")
    .description(
      say(
        "arrête une obligation périodique : l'échéance ouverte est levée avec la raison",
        "stop a recurring duty: its open occurrence is waived with the reason",
      ),
    )
    .argument("<duty>", say("identifiant (ou son début)", "id (or its start)"))
    .requiredOption("--reason <text>", say("pourquoi elle s'arrête", "why it stops"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (reference: string, options: { reason: string; json?: boolean }) => {
      const stopped = await withRegister(context, (register, principal) =>
        stopRecurringDuty({
          register,
          principal,
          input: { duty: reference, reason: options.reason },
          now: Date.now(),
        }),
      );
      if (options.json) print(JSON.stringify(stopped, null, 2));
      else
        print(
          say(
            `obligation périodique arrêtée ; ${stopped.waived} échéance(s) levée(s)`,
            `recurring duty stopped; ${stopped.waived} occurrence(s) waived`,
          ),
        );
    });
}
