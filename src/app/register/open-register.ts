// Opens the register named by the environment (DATABASE_URL), migrated and ready, for any adapter.

import { userInfo } from "node:os";
import { invalidInput } from "../../domain/error.js";
import { DEFAULT_TENANT, localOperator, type Principal } from "../../domain/principal.js";
import { locate, openStore, redact, type Store } from "../../store/database.js";

/** An open register. Adapters hold it and hand it to use cases; its inside is the store's business. */
export interface Register {
  readonly store: Store;
  /** Where the data lives, for messages: the SQLite path or the PostgreSQL URL without password. */
  readonly where: string;
  close(): Promise<void>;
}

export interface OpenRegisterOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Apply pending migrations (default true). */
  readonly migrate?: boolean;
}

export async function openRegister({ env, cwd, migrate = true }: OpenRegisterOptions): Promise<Register> {
  const location = locate(env.DATABASE_URL, cwd);
  const store = await openStore(location, { migrate, busyWaitMs: busyWait(env) });
  return {
    store,
    where: location.engine === "sqlite" ? location.path : redact(location.url),
    close: () => store.close(),
  };
}

/** ART28_BUSY_MS: how long a write waits for another process's lock on a SQLite file (a whole number of ms). */
function busyWait(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.ART28_BUSY_MS?.trim();
  if (!text) return undefined;
  if (!/^\d{1,7}$/.test(text)) {
    throw invalidInput(
      {
        fr: `ART28_BUSY_MS « ${text} » n'est pas un nombre de millisecondes`,
        en: `ART28_BUSY_MS "${text}" is not a number of milliseconds`,
      },
      { argument: "ART28_BUSY_MS" },
    );
  }
  return Number(text);
}

/** The principal of a command-line session: the system user, in the tenant ART28_TENANT (default "default"). */
export function principalFromEnvironment(env: NodeJS.ProcessEnv): Principal {
  let user = env.ART28_ACTOR ?? env.USER ?? env.USERNAME;
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      user = "unknown";
    }
  }
  return localOperator(env.ART28_ACTOR ? user : `cli:${user}`, env.ART28_TENANT?.trim() || DEFAULT_TENANT);
}
