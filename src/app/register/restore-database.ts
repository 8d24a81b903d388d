// Use case: replace the database named by the environment with a backup, then check every tenant's journal.

import { resolve } from "node:path";
import { Art28Error } from "../../domain/error.js";
import type { JournalVerification } from "../../domain/journal-event.js";
import { DEFAULT_TENANT, localOperator } from "../../domain/principal.js";
import { type BackupReport, holdsData, restoreInto } from "../../store/backup.js";
import { locate, openStore } from "../../store/database.js";
import { readConfiguration } from "../configuration/read-configuration.js";
import { openRegister } from "./open-register.js";
import { reader } from "./unit-of-work.js";
import { verifyJournal } from "./verify-journal.js";

export interface RestoreDatabaseOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly input: {
    readonly file: string;
    /** Replace a database that holds data (otherwise refused). */
    readonly force?: boolean;
  };
}

export interface RestoreReport extends BackupReport {
  readonly journals: readonly JournalVerification[];
}

export async function restoreDatabase({ env, cwd, input }: RestoreDatabaseOptions): Promise<RestoreReport> {
  const location = locate(readConfiguration(env).databaseUrl, cwd);
  const current = await openStore(location);
  try {
    if (!input.force && (await holdsData(current))) {
      throw new Art28Error(
        "conflict",
        {
          fr: "la base contient des données : la restauration les remplacerait (ajoutez --force pour le vouloir)",
          en: "the database holds data: restoring would replace it (add --force to mean it)",
        },
        { argument: "--force" },
      );
    }
  } finally {
    await current.close();
  }
  const report = await restoreInto(location, resolve(cwd ?? process.cwd(), input.file));
  // Reopened through the register: pending migrations apply to an older backup, then every chain is checked.
  const register = await openRegister({ env, cwd });
  try {
    const journals: JournalVerification[] = [];
    const restorer = localOperator("restore", DEFAULT_TENANT);
    for (const tenant of await reader(register, restorer).journal.tenants()) {
      journals.push(await verifyJournal({ register, principal: { ...restorer, tenant } }));
    }
    return { ...report, journals };
  } finally {
    await register.close();
  }
}
