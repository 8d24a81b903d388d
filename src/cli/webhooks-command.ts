// `art28 webhooks`: endpoints that receive an organisation's reminders and notices as JSON signed with HMAC-SHA256.

import type { Command } from "commander";
import { addWebhookEndpoint } from "../app/organisations/add-webhook-endpoint.js";
import { listRecipients } from "../app/organisations/list-recipients.js";
import { removeWebhookEndpoint } from "../app/organisations/remove-webhook-endpoint.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerWebhooksCommand(program: Command, context: CliContext): void {
  const { say, print } = context;
  const webhooks = program
    .command("webhooks")
    .description(
      say(
        "les webhooks signés (HMAC-SHA256) qui reçoivent avis et rappels",
        "signed webhooks (HMAC-SHA256) that receive notices and reminders",
      ),
    );
  webhooks
    .command("add")
    .description(say("ajoute un webhook à une organisation", "add a webhook to an organisation"))
    .requiredOption(
      "--org <name>",
      say("l'organisation (nom, UAI, SIRET…)", "the organisation (name, UAI, SIRET…)"),
    )
    .requiredOption(
      "--url <url>",
      say("l'adresse http(s) qui reçoit les POST", "the http(s) URL receiving the POSTs"),
    )
    .option(
      "--secret <secret>",
      say(
        "la clé de signature, 16 caractères au moins (ou la variable ART28_WEBHOOK_SECRET, qui n'apparaît pas dans l'historique du shell)",
        "the signing key, at least 16 characters (or ART28_WEBHOOK_SECRET, which stays out of the shell history)",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { org: string; url: string; secret?: string; json?: boolean }) => {
      const secret = options.secret ?? context.config.webhookSecret ?? "";
      const endpoint = await withRegister(context, (register, principal) =>
        addWebhookEndpoint({
          register,
          principal,
          input: { organisation: options.org, url: options.url, secret },
          now: Date.now(),
        }),
      );
      if (options.json) {
        const { url: _url, ...shown } = endpoint;
        print(JSON.stringify({ ...shown, url: endpoint.url.split("?")[0] }, null, 2));
      } else
        print(
          say(
            `webhook ${endpoint.id} ajouté pour ${endpoint.organisation} (le secret est enregistré et ne sera plus affiché)`,
            `webhook ${endpoint.id} added for ${endpoint.organisation} (the secret is stored and will not be shown again)`,
          ),
        );
    });
  webhooks
    .command("list")
    .description(say("les webhooks, sans leurs secrets", "the webhooks, without their secrets"))
    .option("--org <name>", say("une seule organisation", "one organisation only"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { org?: string; json?: boolean }) => {
      const list = await withRegister(context, (register, principal) =>
        listRecipients({
          register,
          principal,
          input: options.org !== undefined ? { organisation: options.org } : {},
        }),
      );
      const rows = list.flatMap((r) => r.webhooks.map((w) => ({ organisation: r.organisation, ...w })));
      if (options.json) {
        print(JSON.stringify(rows, null, 2));
        return;
      }
      if (rows.length === 0) print(say("aucun webhook", "no webhooks"));
      for (const w of rows) print(`${w.id}  ${w.organisation}  ${w.url}`);
    });
  webhooks
    .command("remove")
    .description(say("retire un webhook", "remove a webhook"))
    .argument("<id>", say("identifiant du webhook (ou son début)", "webhook id (or its start)"))
    .requiredOption("--org <name>", say("l'organisation", "the organisation"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      const removed = await withRegister(context, (register, principal) =>
        removeWebhookEndpoint({
          register,
          principal,
          input: { organisation: options.org, id },
          now: Date.now(),
        }),
      );
      if (options.json) print(JSON.stringify(removed));
      else print(say(`webhook ${removed.id} retiré`, `webhook ${removed.id} removed`));
    });
}
