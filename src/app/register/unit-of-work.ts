// One transaction per use case: the repositories of the principal's tenant, and the journal events it records,
// appended in that same transaction so a change and its proof commit or vanish together.

import { createHash, randomUUID } from "node:crypto";
import type { JournalEntry, NewJournalEvent } from "../../domain/journal-event.js";
import type { Principal } from "../../domain/principal.js";
import { canonicalJson } from "../../store/journal.js";
import { type Repositories, repositoriesFor } from "../../store/repositories.js";
import { Access } from "../access/access.js";
import type { Register } from "./open-register.js";

/** The tenant's repositories, and what the principal may reach in them. */
export interface Scoped extends Repositories {
  readonly access: Access;
}

export interface UnitOfWork extends Scoped {
  readonly principal: Principal;
  readonly now: number;
  /** Records an event, appended to the journal when the work is done, before commit. */
  record(event: NewJournalEvent): void;
}

export async function inTransaction<T>(
  register: Register,
  principal: Principal,
  now: number,
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<{ result: T; journal: JournalEntry[] }> {
  return register.store.transaction(async (db) => {
    const events: NewJournalEvent[] = [];
    const repositories = repositoriesFor(db, register.store.engine, principal.tenant, () => now);
    const unit: UnitOfWork = {
      ...repositories,
      access: new Access(principal, repositories, now, "change"),
      principal,
      now,
      record: (event) => {
        events.push(event);
      },
    };
    const result = await work(unit);
    const journal = await unit.journal.append(
      { tenant: principal.tenant, actor: principal.id, at: now },
      events,
    );
    return { result, journal };
  });
}

/** Reads without a transaction of its own (a single consistent query per call), as far as the principal may read. */
export function reader(register: Register, principal: Principal, now: number = Date.now()): Scoped {
  const repositories = repositoriesFor(register.store.db, register.store.engine, principal.tenant);
  return { ...repositories, access: new Access(principal, repositories, now, "read") };
}

/** A random UUID: ids people read and type by their first characters (agreements, organisations). */
export function newId(): string {
  return randomUUID();
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, for high-volume rows (obligations). Ids made
 * close in time sort close together, so B-tree primary keys grow at their right edge instead of splitting at random.
 */
export function newTimeOrderedId(): string {
  // randomUUID draws from a cached entropy pool (randomBytes(16) per id costs ten times more in a 10,000-row
  // fan-out); its variant bits are already RFC 9562's, so only the time and the version nibble are replaced.
  const random = randomUUID();
  const time = Date.now().toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`;
}

/** sha256 of a value's canonical JSON: lets the journal pin the content of what it records. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
