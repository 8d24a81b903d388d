// Which language the CLI speaks: --lang, else ART28_LANG, else French; any other language is refused, not ignored.

import type { Language } from "../domain/duration.js";
import { invalidInput } from "../domain/error.js";

const LANGUAGES: readonly Language[] = ["fr", "en"];

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The language asked for; an unknown `--lang` or `ART28_LANG` is an error naming it (exit 2). */
export function detectLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") break;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value === undefined) continue;
    if (isLanguage(value)) return value;
    throw unknownLanguage("--lang", value);
  }
  const fromEnv = env.ART28_LANG;
  if (fromEnv === undefined || fromEnv === "") return "fr";
  if (isLanguage(fromEnv)) return fromEnv;
  throw unknownLanguage("ART28_LANG", fromEnv);
}

function unknownLanguage(argument: string, value: string) {
  return invalidInput(
    {
      fr: `art28 ne parle pas « ${value} »`,
      en: `art28 does not speak "${value}"`,
    },
    { argument, accepted: { fr: "fr (par défaut) ou en", en: "fr (the default) or en" } },
  );
}

/** The user named by `--as USER` (or `--as=USER`), read before parsing so every command opens its register as them. */
export function detectActingUser(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--as") return argv[i + 1];
    if (arg.startsWith("--as=")) return arg.slice(5);
  }
  return undefined;
}

/** Picks the text of the CLI's language. */
export type Say = (fr: string, en: string) => string;

export function sayIn(lang: Language): Say {
  return (fr, en) => (lang === "fr" ? fr : en);
}
