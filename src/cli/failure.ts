// Turns any failure into one line on stderr and an exit code: never a stack trace for the user.

import { CommanderError } from "commander";
import type { Language } from "../domain/duration.js";
import { Art28Error } from "../domain/error.js";
import { EXIT_CODE } from "./exit-code.js";

export interface Failure {
  readonly line: string;
  readonly exitCode: number;
}

const OPTION_NAMES: Record<string, string> = {
  from: "--from",
  period: "--period",
  calendar: "--calendar",
  policy: "--policy",
  html: "--html",
  at: "--at",
  awareAt: "--aware",
  discoveredAt: "--discovered",
  occurredFrom: "--from",
  occurredUntil: "--until",
  "dpo-email": "--dpo-email",
  email: "--email",
  uai: "--uai",
  siren: "--siren",
  siret: "--siret",
  bce: "--bce",
};

function optionName(argument: string): string {
  return OPTION_NAMES[argument] ?? (argument.startsWith("-") ? argument : argument);
}

function commanderLine(error: CommanderError, lang: Language): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const fr: Record<string, string> = {
    "commander.unknownOption": `option inconnue ${quoted} (voir --help)`,
    "commander.unknownCommand": `commande inconnue ${quoted} (voir art28 --help)`,
    "commander.missingMandatoryOptionValue": `option obligatoire manquante : ${quoted}`,
    "commander.optionMissingArgument": `l'option ${quoted} attend une valeur`,
    "commander.missingArgument": `argument manquant : ${quoted}`,
    "commander.excessArguments": "trop d'arguments (voir --help)",
    "commander.invalidArgument": error.message.replace(/^error: /, ""),
  };
  if (lang === "fr" && fr[error.code]) return fr[error.code] as string;
  return error.message.replace(/^error: /, "");
}

export function describeFailure(error: unknown, lang: Language, verbose = false): Failure {
  if (error instanceof Art28Error) {
    const { argument, accepted } = error.details;
    let line = error.text[lang];
    if (argument) line = `${optionName(argument)} : ${line}`;
    if (accepted) line += lang === "fr" ? ` — attendu : ${accepted.fr}` : ` — expected: ${accepted.en}`;
    return { line: `art28: ${line.replace(/\s*\n\s*/g, " ")}`, exitCode: EXIT_CODE[error.code] };
  }
  if (error instanceof CommanderError) {
    return { line: `art28: ${commanderLine(error, lang)}`, exitCode: 2 };
  }
  const message = error instanceof Error ? error.message : String(error);
  const detail = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  return {
    line:
      lang === "fr"
        ? `art28: erreur interne : ${message} (ART28_DEBUG=1 pour le détail)${detail}`
        : `art28: internal error: ${message} (set ART28_DEBUG=1 for details)${detail}`,
    exitCode: EXIT_CODE.internal,
  };
}
