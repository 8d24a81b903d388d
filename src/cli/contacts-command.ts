// `art28 contacts`: where each organisation receives its notices and reminders, and in which language.

import type { Command } from "commander";
import { listRecipients } from "../app/organisations/list-recipients.js";
import { setOrganisationContact } from "../app/organisations/set-organisation-contact.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerContactsCommand(program: Command, context: CliContext): void {
  const { say, print } = context;
  const contacts = program
    .command("contacts")
    .description(
      say(
        "les adresses où les organisations reçoivent avis et rappels",
        "where organisations receive notices and reminders",
      ),
    );
  contacts
    .command("set")
    .description(
      say(
        "fixe l'adresse électronique et la langue d'une organisation",
        "set an organisation's e-mail address and language",
      ),
    )
    .requiredOption(
      "--org <name>",
      say("l'organisation (nom, UAI, SIRET…)", "the organisation (name, UAI, SIRET…)"),
    )
    .requiredOption("--email <address>", say("l'adresse électronique", "the e-mail address"))
    .option("--name <name>", say("le nom du destinataire", "the recipient's name"))
    .option(
      "--language <lang>",
      say("langue des messages : fr ou en", "language of the messages: fr or en"),
      "fr",
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: { org: string; email: string; name?: string; language: string; json?: boolean }) => {
        const contact = await withRegister(context, (register, principal) =>
          setOrganisationContact({
            register,
            principal,
            input: {
              organisation: options.org,
              email: options.email,
              ...(options.name ? { name: options.name } : {}),
              language: options.language,
            },
            now: Date.now(),
          }),
        );
        if (options.json) print(JSON.stringify(contact, null, 2));
        else
          print(
            say(
              `${contact.organisation} : avis et rappels à ${contact.email}, en ${contact.language === "fr" ? "français" : "anglais"}`,
              `${contact.organisation}: notices and reminders to ${contact.email}, in ${contact.language === "fr" ? "French" : "English"}`,
            ),
          );
      },
    );
  contacts
    .command("list")
    .description(say("les destinataires de chaque organisation", "each organisation's recipients"))
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
      if (options.json) {
        print(JSON.stringify(list, null, 2));
        return;
      }
      for (const r of list) {
        const contact = r.contact
          ? `${r.contact.email} (${r.contact.language})`
          : say("aucune adresse", "no address");
        print(`${r.organisation}: ${contact}`);
        for (const w of r.webhooks) print(`    webhook ${w.id.slice(0, 8)}  ${w.url}`);
      }
    });
}
