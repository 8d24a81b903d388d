// Which language the CLI speaks: --lang, else ART28_LANG, else French.

import type { Language } from "../domain/duration.js";

export function detectLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value === "en" || value === "fr") return value;
  }
  return env.ART28_LANG === "en" ? "en" : "fr";
}

/** Picks the text of the CLI's language. */
export type Say = (fr: string, en: string) => string;

export function sayIn(lang: Language): Say {
  return (fr, en) => (lang === "fr" ? fr : en);
}
