// `art28 outbox`: what the outbox holds (sent, waiting, given up) and a second chance for a dead message.

import type { Command } from "commander";
import { listOutbox } from "../app/outbox/list-outbox.js";
import { retryOutboxMessage } from "../app/outbox/retry-outbox-message.js";
import { invalidInput } from "../domain/error.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerOutboxCommand(program: Command, context: CliContext): void {
  const { say, print, when } = context;
  const outbox = program
    .command("outbox")
    .description(
      say(
        "les courriels et webhooks à envoyer, envoyés ou abandonnés (art28 worker les envoie)",
        "e-mails and webhooks to send, sent or given up (art28 worker sends them)",
      ),
    );
  outbox
    .command("list")
    .description(
      say("les derniers messages et le compte par statut", "the latest messages and counts by status"),
    )
    .option("--status <status>", say("pending, claimed, sent ou dead", "pending, claimed, sent or dead"))
    .option("--limit <n>", say("combien de messages (défaut 50)", "how many messages (default 50)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { status?: string; limit?: string; json?: boolean }) => {
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 10_000)) {
        throw invalidInput(
          {
            fr: "--limit attend un entier de 1 à 10000",
            en: "--limit expects a whole number from 1 to 10000",
          },
          { argument: "--limit" },
        );
      }
      const listed = await withRegister(context, (register, principal) =>
        listOutbox({
          register,
          principal,
          input: {
            ...(options.status !== undefined ? { status: options.status } : {}),
            ...(limit !== undefined ? { limit } : {}),
          },
        }),
      );
      if (options.json) {
        print(JSON.stringify(listed, null, 2));
        return;
      }
      const c = listed.counts;
      print(
        say(
          `${c.pending} en attente, ${c.claimed} en cours, ${c.sent} envoyé(s), ${c.dead} abandonné(s)`,
          `${c.pending} waiting, ${c.claimed} in progress, ${c.sent} sent, ${c.dead} given up`,
        ),
      );
      for (const m of listed.messages) {
        const at = when(m.sentAt ?? m.notBefore);
        print(`${m.status.padEnd(7)}  ${at}  ${m.channel.padEnd(7)}  ${m.kind}  → ${m.to}`);
        print(`         ${m.id}${m.lastError ? `  (${m.attempts}× : ${m.lastError})` : ""}`);
      }
    });
  outbox
    .command("retry")
    .description(
      say(
        "redonne sa chance à un message abandonné, sous la même clé d'idempotence",
        "give a dead message another round of attempts, under the same idempotency key",
      ),
    )
    .argument("<id>", say("identifiant du message", "message id"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { json?: boolean }) => {
      const retried = await withRegister(context, (register, principal) =>
        retryOutboxMessage({ register, principal, input: { id }, now: Date.now() }),
      );
      if (options.json) print(JSON.stringify(retried));
      else print(say(`message ${retried.id} remis en attente`, `message ${retried.id} waiting again`));
    });
}
