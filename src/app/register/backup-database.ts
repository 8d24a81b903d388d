// Use case: write a consistent backup of the whole database to a file while it stays in use.

import { resolve } from "node:path";
import { type BackupReport, backupStore } from "../../store/backup.js";
import type { Register } from "./open-register.js";

export interface BackupDatabaseOptions {
  readonly register: Register;
  readonly input: { readonly file: string };
}

export async function backupDatabase({ register, input }: BackupDatabaseOptions): Promise<BackupReport> {
  return backupStore(register.store, resolve(input.file));
}
