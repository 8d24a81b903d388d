// Opens the register named by the configuration (DATABASE_URL), migrated and ready, for any adapter.

import { locate, openStore, redact, type Store } from "../../store/database.js";
import { readConfiguration } from "../configuration/read-configuration.js";

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
  const { databaseUrl, busyWaitMs } = readConfiguration(env);
  const location = locate(databaseUrl, cwd);
  const store = await openStore(location, { migrate, busyWaitMs });
  return {
    store,
    where: location.engine === "sqlite" ? location.path : redact(location.url),
    close: () => store.close(),
  };
}
