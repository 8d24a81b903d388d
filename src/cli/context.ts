// What every CLI command receives: the language, a way to print, and the environment.

import type { Language } from "../domain/duration.js";
import type { Say } from "./language.js";

export interface CliContext {
  readonly lang: Language;
  readonly say: Say;
  readonly print: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}
