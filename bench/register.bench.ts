// Register speed: pending obligations of one organisation before a date among 1,000,000 (p95 target ≤ 20 ms),
// journal appends in batches (≥ 20,000 events/s) and journal verification (≥ 300,000 events/s), on SQLite and,
// when DATABASE_URL names a PostgreSQL server, on a fresh database of its own that is dropped afterwards.

import type { Register } from "../src/app/register/open-register.js";
import { inTransaction, newId, newTimeOrderedId, reader } from "../src/app/register/unit-of-work.js";
import { verifyJournal } from "../src/app/register/verify-journal.js";
import type { Obligation } from "../src/domain/obligation-record.js";
import { buildOrganisation, type Organisation } from "../src/domain/organisation.js";
import { localOperator, type Principal } from "../src/domain/principal.js";
import { repositoriesFor } from "../src/store/repositories.js";
import { onEachEngine } from "./engines.js";

type Emit = (name: string, value: number, unit: string) => void;

const OBLIGATIONS = 1_000_000;
const ORGANISATIONS = 2_000;
const QUERIES = 400;
const APPEND_BATCH = 1_000;
const APPEND_EVENTS = 200_000;
const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00Z");
const principal: Principal = localOperator("bench", "bench");

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** 1,000,000 obligations over 2,000 organisations, due across two years, 70 % still open. */
async function loadObligations(register: Register): Promise<Organisation[]> {
  const organisations: Organisation[] = [];
  await register.store.transaction(async (db) => {
    const repositories = repositoriesFor(db, register.store.engine, principal.tenant);
    for (let i = 0; i < ORGANISATIONS; i++) {
      const organisation = buildOrganisation(
        { name: `Établissement ${i}`, type: "college", roles: ["controller", "processor"] },
        { id: newId(), tenant: principal.tenant, now: START },
      );
      organisations.push(organisation);
      await repositories.organisations.insert(organisation);
    }
  });
  const batch = 50_000;
  for (let offset = 0; offset < OBLIGATIONS; offset += batch) {
    const rows: Obligation[] = [];
    for (let i = offset; i < offset + batch; i++) {
      const holder = organisations[i % ORGANISATIONS] as Organisation;
      const counterparty = organisations[(i * 7 + 1) % ORGANISATIONS] as Organisation;
      const due = START + ((i * 7919) % (730 * 24)) * 3_600_000;
      rows.push({
        id: newTimeOrderedId(),
        tenant: principal.tenant,
        kind: "notify_breach_to_controller",
        holderId: holder.id,
        counterpartyId: counterparty.id,
        agreementId: null,
        trigger: { type: "breach.recorded", id: `b${i}`, at: due - DAY },
        due,
        basis: {
          kind: "term",
          termId: "breach_notification_to_controller",
          duration: { amount: 24, unit: "hours" },
        },
        what: { fr: "Notifier la violation", en: "Notify the breach" },
        status: i % 10 < 7 ? "open" : "done",
        evidence: null,
        createdAt: START,
        closedAt: null,
      });
    }
    await register.store.transaction((db) =>
      repositoriesFor(db, register.store.engine, principal.tenant).obligations.insert(rows),
    );
  }
  return organisations;
}

async function measure(register: Register, engine: string, emit: Emit): Promise<void> {
  const organisations = await loadObligations(register);
  const obligations = reader(register, principal).obligations;
  // Warm-up: the first queries load the index pages; a dashboard in use has them cached.
  for (let q = 0; q < 20; q++) {
    await obligations.due({ holderId: (organisations[q] as Organisation).id, before: START + 60 * DAY });
  }
  const timings: number[] = [];
  let found = 0;
  for (let q = 0; q < QUERIES; q++) {
    const holder = organisations[(q * 37) % ORGANISATIONS] as Organisation;
    const before = START + (30 + (q % 300)) * DAY;
    const t0 = performance.now();
    found += (await obligations.due({ holderId: holder.id, before })).length;
    timings.push(performance.now() - t0);
  }
  timings.sort((a, b) => a - b);
  emit(`register.obligations_due_one_org_1m.p95.${engine}`, percentile(timings, 95), "ms");
  emit(`register.obligations_due_one_org_1m.rows_per_query.${engine}`, found / QUERIES, "rows");

  const t0 = performance.now();
  for (let appended = 0; appended < APPEND_EVENTS; appended += APPEND_BATCH) {
    await inTransaction(register, principal, START, async (unit) => {
      for (let i = 0; i < APPEND_BATCH; i++) {
        unit.record({
          type: "breach.recorded",
          payload: {
            v: 1,
            breachId: `b${appended + i}`,
            processorId: "p",
            awareAt: START + i,
            description: "bench",
          },
        });
      }
    });
  }
  emit(`register.journal_append.${engine}`, APPEND_EVENTS / ((performance.now() - t0) / 1000), "events/s");

  const t1 = performance.now();
  const verification = await verifyJournal({ register, principal });
  const seconds = (performance.now() - t1) / 1000;
  if (verification.fault || verification.count !== APPEND_EVENTS)
    throw new Error("bench journal did not verify");
  emit(`register.journal_verify.${engine}`, verification.count / seconds, "events/s");
}

export default async function (emit: Emit): Promise<void> {
  await onEachEngine((register, engine) => measure(register, engine, emit));
}
