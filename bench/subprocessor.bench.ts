// One sub-processor change fanned out to 10,000 agreements, every window, deadline (obligation), journal event and
// outbox e-mail committed in one transaction: target ≤ 2 s on SQLite, and on PostgreSQL when DATABASE_URL names a
// server (a fresh database of its own, dropped afterwards).

import type { Register } from "../src/app/register/open-register.js";
import { inTransaction, newId, reader } from "../src/app/register/unit-of-work.js";
import { announceSubprocessorChange } from "../src/app/subprocessor-changes/announce-subprocessor-change.js";
import { type Agreement, EMPTY_PROCESSING } from "../src/domain/agreement.js";
import type { Duration } from "../src/domain/duration.js";
import { epochDayFromIso } from "../src/domain/epoch-day.js";
import { buildOrganisation } from "../src/domain/organisation.js";
import { localOperator, type Principal } from "../src/domain/principal.js";
import { onEachEngine } from "./engines.js";
import { plainInsertMs, rowsOf } from "./plain-insert.js";

type Emit = (name: string, value: number, unit: string, limit?: number | null) => void;

const AGREEMENTS = 10_000;
const principal: Principal = localOperator("bench", "bench");
const START = Date.parse("2026-09-01T08:00:00Z");
const CALENDARS = ["FR", "BE", "FR-ALSACE-MOSELLE"] as const;
const PERIODS: Duration[] = [
  { amount: 14, unit: "days" },
  { amount: 30, unit: "days" },
  { amount: 4, unit: "weeks" },
  { amount: 7, unit: "working_days" },
  { qualifier: "reasonable" },
];

/** A vendor with 10,000 school customers in three calendars, each with its own window and an e-mail contact. */
async function load(register: Register): Promise<string> {
  let vendorName = "";
  await inTransaction(register, principal, START, async (unit) => {
    const vendor = buildOrganisation(
      { name: "Éditeur national", type: "editeur", roles: ["processor"] },
      { id: newId(), tenant: principal.tenant, now: START },
    );
    vendorName = vendor.name;
    await unit.organisations.insert(vendor);
    for (let i = 0; i < AGREEMENTS; i++) {
      const calendar = CALENDARS[i % CALENDARS.length] as string;
      const school = buildOrganisation(
        {
          name: `École ${i}`,
          type: "ecole",
          roles: ["controller"],
          calendar,
          country: calendar === "BE" ? "BE" : "FR",
        },
        { id: newId(), tenant: principal.tenant, now: START },
      );
      await unit.organisations.insert(school);
      await unit.recipients.setContact(
        {
          organisationId: school.id,
          email: `dpo${i}@ecoles.example`,
          name: null,
          language: i % 4 ? "fr" : "en",
        },
        START,
      );
      const agreement: Agreement = {
        id: newId(),
        tenant: principal.tenant,
        kind: "dpa",
        title: `Éditeur national — École ${i}`,
        status: "active",
        parties: [
          { organisationId: school.id, role: "controller" },
          { organisationId: vendor.id, role: "processor" },
        ],
        effectiveOn: epochDayFromIso("2025-09-01"),
        endsOn: null,
        terms: {
          durations: { subprocessor_objection_period: PERIODS[i % PERIODS.length] as Duration },
          subprocessorAuthorization: "general",
          objectionSilence: i % 2 ? "accepted" : "refused",
        },
        provenance: {},
        processing: EMPTY_PROCESSING,
        securityMeasures: [],
        subprocessors: [],
        source: null,
        version: 1,
        createdAt: START,
        updatedAt: START,
      };
      await unit.agreements.insert(agreement, principal.id);
    }
  });
  return vendorName;
}

async function measure(register: Register, engine: string, emit: Emit): Promise<void> {
  const vendor = await load(register);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const announced = await announceSubprocessorChange({
    register,
    principal,
    input: {
      processor: vendor,
      kind: "addition",
      subprocessor: { name: "Nuage Sauvegardes SAS", activity: "sauvegarde", location: "FR" },
    },
    now: Date.parse("2026-12-10T09:00:00Z"),
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const repositories = reader(register, principal);
  const outbox = await repositories.outbox.counts();
  if (announced.windows.length !== AGREEMENTS || outbox.pending !== AGREEMENTS)
    throw new Error(
      `bench fan-out incomplete: ${announced.windows.length} windows, ${outbox.pending} messages`,
    );
  // The limit: the rows the fan-out wrote (change, windows, outbox messages, journal events, all absent before it),
  // inserted raw into bare copies of their tables in one transaction.
  const written = new Map<string, Record<string, unknown>[]>();
  for (const table of ["subprocessor_changes", "subprocessor_windows", "outbox", "journal"]) {
    written.set(table, await rowsOf(register, table, principal.tenant));
  }
  const plainMs = await plainInsertMs(register, written);
  emit(`subprocessor.announce_fanout_10000.${engine}`, ms, "ms", plainMs);
  // This process's CPU time for the same work: on a shared machine, wall time also counts the others' load.
  emit(`subprocessor.announce_fanout_10000_cpu.${engine}`, (cpu.user + cpu.system) / 1000, "ms");
}

export default async function (emit: Emit): Promise<void> {
  await onEachEngine((register, engine) => measure(register, engine, emit));
}
