// `art28 worker`: sends what the outbox holds (e-mail over SMTP_URL, signed webhooks) and sweeps reminders, until
// stopped (SIGINT/SIGTERM: it finishes the message in hand) or, with --once, until nothing is due.

import type { Command } from "commander";
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_INTERVAL_MS,
  DEFAULT_LEASE_MS,
  readWorkerConfig,
  runOutboxWorker,
  type WorkerEvent,
} from "../app/outbox/run-outbox-worker.js";
import { invalidInput } from "../domain/error.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

function seconds(value: string, option: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > 86_400) {
    throw invalidInput(
      { fr: `${option} attend un nombre de secondes`, en: `${option} expects a number of seconds` },
      { argument: option, accepted: { fr: `de ${min} à 86400`, en: `${min} to 86400` } },
    );
  }
  return n;
}

export function registerWorkerCommand(program: Command, context: CliContext): void {
  const { say, print, when } = context;
  program
    .command("worker")
    .description(
      say(
        "envoie les courriels et webhooks en attente et les rappels d'échéance (SMTP_URL, MAIL_FROM)",
        "sends waiting e-mails and webhooks and deadline reminders (SMTP_URL, MAIL_FROM)",
      ),
    )
    .option("--once", say("envoie ce qui est dû puis s'arrête", "send what is due, then stop"))
    .option(
      "--interval <seconds>",
      say(
        `pause quand rien n'est dû (défaut ${DEFAULT_INTERVAL_MS / 1000})`,
        `pause when nothing is due (default ${DEFAULT_INTERVAL_MS / 1000})`,
      ),
    )
    .option(
      "--batch <n>",
      say(
        `messages réservés à la fois (défaut ${DEFAULT_BATCH_SIZE})`,
        `messages claimed at a time (default ${DEFAULT_BATCH_SIZE})`,
      ),
    )
    .option(
      "--lease <seconds>",
      say(
        `durée d'une réservation ; passé ce délai un autre worker reprend les messages (défaut ${DEFAULT_LEASE_MS / 1000})`,
        `how long a claim holds; past it another worker takes the messages back (default ${DEFAULT_LEASE_MS / 1000})`,
      ),
    )
    .option("--json", say("une ligne JSON par événement", "one JSON line per event"))
    .action(
      async (options: {
        once?: boolean;
        interval?: string;
        batch?: string;
        lease?: string;
        json?: boolean;
      }) => {
        const intervalMs = options.interval
          ? seconds(options.interval, "--interval", 0.05) * 1000
          : undefined;
        const leaseMs = options.lease ? seconds(options.lease, "--lease", 1) * 1000 : undefined;
        let batchSize: number | undefined;
        if (options.batch !== undefined) {
          batchSize = Number(options.batch);
          if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
            throw invalidInput(
              {
                fr: "--batch attend un entier de 1 à 1000",
                en: "--batch expects a whole number from 1 to 1000",
              },
              { argument: "--batch" },
            );
          }
        }
        // Checked before anything starts: a bad SMTP_URL or reminder setting is one line, not a half-run worker.
        const config = readWorkerConfig(context.env);
        const stop = new AbortController();
        const onSignal = (): void => stop.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        try {
          const report = await withRegister(context, (register) =>
            runOutboxWorker({
              register,
              config,
              signal: stop.signal,
              once: options.once === true,
              ...(intervalMs !== undefined ? { intervalMs } : {}),
              ...(leaseMs !== undefined ? { leaseMs } : {}),
              ...(batchSize !== undefined ? { batchSize } : {}),
              onEvent: (event) => print(options.json ? JSON.stringify(event) : describe(event)),
            }),
          );
          print(
            options.json
              ? JSON.stringify({ type: "stopped", ...report })
              : say(
                  `arrêt : ${report.sent} envoyé(s), ${report.retried} à réessayer, ${report.dead} abandonné(s), ${report.reminded} rappel(s), ${report.settled} fenêtre(s) réglée(s)`,
                  `stopped: ${report.sent} sent, ${report.retried} to retry, ${report.dead} given up, ${report.reminded} reminder(s), ${report.settled} window(s) settled`,
                ),
          );
        } finally {
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
        }
      },
    );

  function describe(event: WorkerEvent): string {
    switch (event.type) {
      case "started":
        return say(`worker ${event.worker} démarré`, `worker ${event.worker} started`);
      case "sent":
        return say(
          `envoyé      ${event.id} (${event.channel}, ${event.kind})`,
          `sent        ${event.id} (${event.channel}, ${event.kind})`,
        );
      case "retry":
        return say(
          `à réessayer ${event.id} (tentative ${event.attempts}, à ${when(event.at)}) : ${event.reason}`,
          `retry       ${event.id} (attempt ${event.attempts}, at ${when(event.at)}): ${event.reason}`,
        );
      case "dead":
        return say(
          `abandonné   ${event.id} après ${event.attempts} tentative(s) : ${event.reason}`,
          `given up    ${event.id} after ${event.attempts} attempt(s): ${event.reason}`,
        );
      case "lost":
        return say(
          `repris par un autre worker ${event.id} (réservation expirée)`,
          `taken back by another worker ${event.id} (claim expired)`,
        );
      case "swept":
        return say(
          `rappels : ${event.reminded} échéance(s), ${event.messages} message(s)${event.unaddressed ? `, ${event.unaddressed} sans destinataire (art28 contacts set)` : ""}`,
          `reminders: ${event.reminded} deadline(s), ${event.messages} message(s)${event.unaddressed ? `, ${event.unaddressed} with no recipient (art28 contacts set)` : ""}`,
        );
      case "settled":
        return say(
          `fenêtres d'opposition réglées : ${event.windows} (art28 subprocessor changes)`,
          `objection windows settled: ${event.windows} (art28 subprocessor changes)`,
        );
    }
  }
}
