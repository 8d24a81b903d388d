// Register speed: pending obligations of one organisation before a date among 1,000,000 (p95 target ≤ 20 ms),
// journal appends in batches against raw inserts of the same rows (ratio ≥ 0.5) and journal verification against bare
// sha256 over the same bytes (ratio ≥ 0.5), and how both grow from 2,000 to 200,000 events, on SQLite and,
// when DATABASE_URL names a PostgreSQL server, on a fresh database of its own that is dropped afterwards.

import { hash } from "node:crypto";
import type { Register } from "../src/app/register/open-register.js";
import { inTransaction, newId, newTimeOrderedId, reader } from "../src/app/register/unit-of-work.js";
import { verifyJournal } from "../src/app/register/verify-journal.js";
import type { Obligation } from "../src/domain/obligation-record.js";
import { buildOrganisation, type Organisation } from "../src/domain/organisation.js";
import { localOperator, type Principal } from "../src/domain/principal.js";
import { canonicalEvent } from "../src/store/journal-link-hash.js";
import { repositoriesFor } from "../src/store/repositories.js";
import { onEachEngine } from "./engines.js";
import { plainInsertMs, rowsOf } from "./plain-insert.js";

type Emit = (name: string, value: number, unit: string, limit?: number | null) => void;

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

  const appendRate = await appendEvents(register, principal, APPEND_EVENTS);
  // The limit: the same rows, inserted raw into a bare copy of the table, a transaction per batch as above.
  const rows = await rowsOf(register, "journal", principal.tenant);
  const plainMs = await plainInsertMs(register, new Map([["journal", rows]]), {
    transactionRows: APPEND_BATCH,
  });
  emit(`register.journal_append.${engine}`, appendRate, "events/s", APPEND_EVENTS / (plainMs / 1000));

  const t1 = performance.now();
  const verification = await verifyJournal({ register, principal });
  const seconds = (performance.now() - t1) / 1000;
  if (verification.fault || verification.count !== APPEND_EVENTS)
    throw new Error("bench journal did not verify");
  // The limit: bare sha256 over the same bytes each link hashes (prepared beforehand, not timed).
  const hashed = rows.map(
    (r) =>
      `${r.prev_hash}${canonicalEvent({ tenant: principal.tenant, seq: Number(r.seq), at: Number(r.at), actor: String(r.actor), type: String(r.type), payload: String(r.payload) })}`,
  );
  const t2 = performance.now();
  for (const text of hashed) hash("sha256", text, "hex");
  const hashSeconds = (performance.now() - t2) / 1000;
  emit(
    `register.journal_verify.${engine}`,
    verification.count / seconds,
    "events/s",
    rows.length / hashSeconds,
  );

  // Growth: the same appends and verification on 1/100 and 1/10 of the events, each in a tenant of its own; the
  // 100× figure is the one above; 1000× continues the 10×→100× step (2 million events would not fit the budget).
  const rates = new Map<number, { append: number; verify: number }>([
    [100, { append: appendRate, verify: verification.count / seconds }],
  ]);
  for (const scale of [1, 10]) {
    const who = localOperator("bench", `bench-growth-${scale}`);
    const count = (APPEND_EVENTS / 100) * scale;
    const append = await appendEvents(register, who, count);
    const v0 = performance.now();
    const checked = await verifyJournal({ register, principal: who });
    if (checked.fault || checked.count !== count) throw new Error("bench growth journal did not verify");
    rates.set(scale, { append, verify: count / ((performance.now() - v0) / 1000) });
  }
  for (const what of ["append", "verify"] as const) {
    for (const scale of [1, 10, 100]) {
      emit(
        `register.journal_${what}.${engine}@${scale}x`,
        rates.get(scale)?.[what] ?? Number.NaN,
        "events/s",
      );
    }
    const r10 = rates.get(10)?.[what] ?? Number.NaN;
    const r100 = rates.get(100)?.[what] ?? Number.NaN;
    emit(`register.journal_${what}.${engine}@1000x_extrapolated`, r100 * (r100 / r10), "events/s");
  }
}

/** Appends `count` events in transactions of APPEND_BATCH, returning events per second. */
async function appendEvents(register: Register, who: Principal, count: number): Promise<number> {
  const t0 = performance.now();
  for (let appended = 0; appended < count; appended += APPEND_BATCH) {
    await inTransaction(register, who, START, async (unit) => {
      for (let i = 0; i < Math.min(APPEND_BATCH, count - appended); i++) {
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
  return count / ((performance.now() - t0) / 1000);
}

export default async function (emit: Emit): Promise<void> {
  await onEachEngine((register, engine) => measure(register, engine, emit));
}
