// Backups of the whole database: SQLite's online backup API, or pg_dump / pg_restore for PostgreSQL.

import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { Art28Error } from "../domain/error.js";
import type { Location, Store } from "./database.js";

export interface BackupReport {
  readonly method: "sqlite-online-backup" | "pg_dump" | "pg_restore";
  readonly file: string;
  readonly bytes: number;
}

function refuseOverwrite(file: string): void {
  if (existsSync(file)) {
    throw new Art28Error(
      "conflict",
      {
        fr: `${file} existe déjà : choisissez un autre nom`,
        en: `${file} already exists: choose another name`,
      },
      { argument: "file" },
    );
  }
}

/** A consistent copy of the whole database while it stays in use. */
export async function backupStore(store: Store, file: string): Promise<BackupReport> {
  refuseOverwrite(file);
  if (store.sqlite) {
    await store.sqlite.backup(file);
    return { method: "sqlite-online-backup", file, bytes: statSync(file).size };
  }
  if (store.location.engine !== "postgres") throw new Error("unreachable");
  await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${store.location.url}`]);
  return { method: "pg_dump", file, bytes: statSync(file).size };
}

/** True when any tenant has organisations or journal events: a restore would replace them. */
export async function holdsData(store: Store): Promise<boolean> {
  const organisations = await store.db.selectFrom("organisations").select("id").limit(1).execute();
  const journal = await store.db.selectFrom("journal").select("seq").limit(1).execute();
  return organisations.length > 0 || journal.length > 0;
}

/** Replaces the database at `location` with the backup in `file`. The caller has closed its own connections. */
export async function restoreInto(location: Location, file: string): Promise<BackupReport> {
  if (!existsSync(file)) {
    throw new Art28Error(
      "not_found",
      { fr: `sauvegarde ${file} introuvable`, en: `backup ${file} not found` },
      {
        argument: "file",
      },
    );
  }
  if (location.engine === "sqlite") {
    let source: BetterSqlite3.Database;
    try {
      source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      const tables = source
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'journal'")
        .all();
      if (tables.length === 0) throw new Error("no journal table");
      const check = source.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(String(check));
    } catch (error) {
      throw new Art28Error(
        "unsupported_format",
        {
          fr: `${file} n'est pas une sauvegarde art28 SQLite valide (${(error as Error).message})`,
          en: `${file} is not a valid art28 SQLite backup (${(error as Error).message})`,
        },
        { argument: "file" },
      );
    }
    try {
      // The backup API writes the target page by page under its lock, WAL file included.
      await source.backup(location.path);
    } finally {
      source.close();
    }
    return { method: "sqlite-online-backup", file, bytes: statSync(file).size };
  }
  await run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    `--dbname=${location.url}`,
    file,
  ]);
  return { method: "pg_restore", file, bytes: statSync(file).size };
}

function run(command: "pg_dump" | "pg_restore", args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") {
        reject(
          new Art28Error("unavailable", {
            fr: `${command} est introuvable : installez les outils clients PostgreSQL (paquet postgresql-client), ou sauvegardez avec les outils de votre hébergeur`,
            en: `${command} is not on PATH: install the PostgreSQL client tools (package postgresql-client), or back up with your host's tools`,
          }),
        );
      } else reject(error);
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else {
        reject(
          new Art28Error("unavailable", {
            fr: `${command} a échoué (code ${code}) : ${stderr.trim().split("\n")[0] ?? ""}`,
            en: `${command} failed (code ${code}): ${stderr.trim().split("\n")[0] ?? ""}`,
          }),
        );
      }
    });
  });
}
