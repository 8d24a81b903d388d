// One transaction per use case: the repositories of the actor's tenant, and the journal events it records,
// appended in that same transaction so a change and its proof commit or vanish together.

import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "../domain/actor.js";
import type { JournalEntry, NewJournalEvent } from "../domain/journal-event.js";
import { canonicalJson } from "../store/journal.js";
import { type Repositories, repositoriesFor } from "../store/repositories.js";
import type { Register } from "./open-register.js";

export interface UnitOfWork extends Repositories {
  readonly actor: Actor;
  readonly now: number;
  /** Records an event, appended to the journal when the work is done, before commit. */
  record(event: NewJournalEvent): void;
}

export async function inTransaction<T>(
  register: Register,
  actor: Actor,
  now: number,
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<{ result: T; journal: JournalEntry[] }> {
  return register.store.transaction(async (db) => {
    const events: NewJournalEvent[] = [];
    const unit: UnitOfWork = {
      ...repositoriesFor(db, register.store.engine, actor.tenant, () => now),
      actor,
      now,
      record: (event) => {
        events.push(event);
      },
    };
    const result = await work(unit);
    const journal = await unit.journal.append({ tenant: actor.tenant, actor: actor.id, at: now }, events);
    return { result, journal };
  });
}

/** Reads without a transaction of its own (a single consistent query per call). */
export function reader(register: Register, actor: Actor): Repositories {
  return repositoriesFor(register.store.db, register.store.engine, actor.tenant);
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
  const bytes = randomBytes(16);
  const ms = Date.now();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** sha256 of a value's canonical JSON: lets the journal pin the content of what it records. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
