// What every CLI command receives: the language, a way to print, how to show an instant, and the environment.

import type { Configuration } from "../app/configuration/read-configuration.js";
import type { Language } from "../domain/duration.js";
import type { Say } from "./language.js";

export interface CliContext {
  /** The configuration, read from the environment once at start-up. */
  readonly config: Configuration;
  readonly lang: Language;
  readonly say: Say;
  readonly print: (text: string) => void;
  /** An instant as ISO 8601 with its offset, in the machine's time zone (TZ), when no organisation's zone applies. */
  readonly when: (instant: number) => string;
  readonly env: NodeJS.ProcessEnv;
  /** `--as USER`: act as that registered user, with its grants, instead of as the local operator. */
  readonly as?: string;
}
