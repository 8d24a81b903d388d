#!/usr/bin/env node
// The `art28` command: parses arguments and hands each command to its use case.

import { Command } from "commander";
import { type Configuration, readConfiguration } from "../app/configuration/read-configuration.js";
import type { Language } from "../domain/duration.js";
import { formatInstant } from "../domain/instant.js";
import { registerAgreementsCommand } from "./agreements-command.js";
import { registerAnalyzeCommand } from "./analyze-command.js";
import { registerAuditCommand } from "./audit-command.js";
import { registerBackupCommand } from "./backup-command.js";
import { registerBreachCommand } from "./breach-command.js";
import { registerContactsCommand } from "./contacts-command.js";
import type { CliContext } from "./context.js";
import { registerDbCommand } from "./db-command.js";
import { registerDeadlineCommand } from "./deadline-command.js";
import { registerDemoCommand } from "./demo-command.js";
import { registerEndCommand } from "./end-command.js";
import { registerExchangeCommand } from "./exchange-command.js";
import { describeFailure } from "./failure.js";
import { registerGenerateCommand } from "./generate-command.js";
import { registerInstructionCommand } from "./instruction-command.js";
import { registerJournalCommand } from "./journal-command.js";
import { detectActingUser, detectLanguage, sayIn } from "./language.js";
import { registerObligationsCommand } from "./obligations-command.js";
import { registerOrganisationsCommand } from "./organisations-command.js";
import { registerOutboxCommand } from "./outbox-command.js";
import { registerRecurringCommand } from "./recurring-command.js";
import { registerRequestCommand } from "./request-command.js";
import { registerSubprocessorCommand } from "./subprocessor-command.js";
import { registerUsersCommand } from "./users-command.js";
import { registerWebhooksCommand } from "./webhooks-command.js";
import { registerWorkerCommand } from "./worker-command.js";

const HELP_TITLES: Record<string, string> = {
  "Usage:": "Utilisation :",
  "Options:": "Options :",
  "Commands:": "Commandes :",
  "Arguments:": "Arguments :",
  "Global Options:": "Options globales :",
};

export function buildProgram(context: CliContext): Command {
  const { say, lang } = context;
  const program = new Command("art28")
    .description(
      say(
        "art28 — les contrats de sous-traitance RGPD (art. 28) devenus des obligations suivies, pour les écoles et leurs éditeurs",
        "art28 — GDPR Art. 28 data-processing agreements turned into tracked obligations, for schools and their vendors",
      ),
    )
    .option("--lang <lang>", say("langue : fr (par défaut) ou en", "language: fr (default) or en"))
    .option(
      "--as <user>",
      say(
        "agit comme cet utilisateur enregistré (adresse ou id), avec ses droits, au lieu de l'opérateur local",
        "act as this registered user (address or id), with its grants, instead of the local operator",
      ),
    )
    .helpOption("-h, --help", say("affiche l'aide", "display help"))
    .helpCommand("help [command]", say("affiche l'aide d'une commande", "display help for a command"))
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: () => {} });
  if (lang === "fr") program.configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title });
  program.addHelpText(
    "after",
    say(
      "\nCodes de sortie : 0 fait ; 1 refusé par l'état du registre (conflit : déjà fait, déjà clos, autre étape attendue) ou vérification en échec (journal altéré) ; 2 entrée invalide (argument, fichier, format, identifiant inconnu) ; 3 service indisponible (base de données, SMTP) ; 75 base occupée par un autre programme, réessayer ; 70 erreur interne.",
      "\nExit codes: 0 done; 1 refused by the register's state (conflict: already done, already closed, another step expected) or a failed check (altered journal); 2 bad input (argument, file, format, unknown id); 3 service unavailable (database, SMTP); 75 database busy with another program, try again; 70 internal error.",
    ),
  );
  registerDeadlineCommand(program, context);
  registerAnalyzeCommand(program, context);
  registerDbCommand(program, context);
  registerJournalCommand(program, context);
  registerOrganisationsCommand(program, context);
  registerAgreementsCommand(program, context);
  registerObligationsCommand(program, context);
  registerDemoCommand(program, context);
  registerBackupCommand(program, context);
  registerExchangeCommand(program, context);
  registerBreachCommand(program, context);
  registerRequestCommand(program, context);
  registerSubprocessorCommand(program, context);
  registerAuditCommand(program, context);
  registerInstructionCommand(program, context);
  registerEndCommand(program, context);
  registerRecurringCommand(program, context);
  registerContactsCommand(program, context);
  registerWebhooksCommand(program, context);
  registerWorkerCommand(program, context);
  registerOutboxCommand(program, context);
  registerGenerateCommand(program, context);
  registerUsersCommand(program, context);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: () => {} });
    command.helpOption("-h, --help", say("affiche l'aide", "display help"));
    if (lang === "fr") command.configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title });
  }
  return program;
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let lang: Language;
  try {
    lang = detectLanguage(argv, env);
  } catch (error) {
    process.stderr.write(`${describeFailure(error, "fr").line}\n`);
    return describeFailure(error, "fr").exitCode;
  }
  let config: Configuration;
  try {
    config = readConfiguration(env);
  } catch (error) {
    const failure = describeFailure(error, lang);
    process.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  }
  const context: CliContext = {
    config,
    lang,
    say: sayIn(lang),
    print: (text) => process.stdout.write(`${text}\n`),
    when: (instant) => formatInstant(instant, Intl.DateTimeFormat().resolvedOptions().timeZone),
    env,
  };
  const as = detectActingUser(argv);
  if (as !== undefined) Object.assign(context, { as });
  const program = buildProgram(context);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof Error && "exitCode" in error && (error as { exitCode: number }).exitCode === 0)
      return 0;
    const failure = describeFailure(error, lang, config.debug);
    process.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  }
}

// A reader that stops early (`art28 obligations due | head`) closes the pipe: stop quietly rather than crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") process.stderr.write(`art28: ${error.message}\n`);
  process.exit(error.code === "EPIPE" ? 0 : 1);
});
process.exitCode = await main(process.argv.slice(2), process.env);
