// Use case: bring the database named by the environment up to the latest schema and say where it stands.

import { locate, migrate, openStore } from "../../store/database.js";
import { readConfiguration } from "../configuration/read-configuration.js";

export interface MigrateDatabaseOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export interface MigrationView {
  readonly engine: "sqlite" | "postgres";
  readonly applied: readonly string[];
  readonly current: readonly string[];
}

export async function migrateDatabase({ env, cwd }: MigrateDatabaseOptions): Promise<MigrationView> {
  const store = await openStore(locate(readConfiguration(env).databaseUrl, cwd), { migrate: false });
  try {
    const report = await migrate(store);
    return { engine: store.engine, applied: report.applied, current: report.current };
  } finally {
    await store.close();
  }
}
