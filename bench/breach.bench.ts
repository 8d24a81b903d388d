// One breach fanned out to 1,000 controllers, every deadline (obligation), notification row, initial notice, journal
// event and outbox e-mail committed in one transaction: target ≤ 1 s on SQLite, and on PostgreSQL when DATABASE_URL
// names a server (a fresh database of its own, dropped afterwards).

import { recordBreach } from "../src/app/breaches/record-breach.js";
import type { Register } from "../src/app/register/open-register.js";
import { inTransaction, newId, reader } from "../src/app/register/unit-of-work.js";
import { type Agreement, EMPTY_PROCESSING } from "../src/domain/agreement.js";
import type { Duration } from "../src/domain/duration.js";
import { epochDayFromIso } from "../src/domain/epoch-day.js";
import { buildOrganisation } from "../src/domain/organisation.js";
import { localOperator, type Principal } from "../src/domain/principal.js";
import { onEachEngine } from "./engines.js";

type Emit = (name: string, value: number, unit: string) => void;

const CONTROLLERS = 1_000;
const principal: Principal = localOperator("bench", "bench");
const START = Date.parse("2026-09-01T08:00:00Z");
const CALENDARS = ["FR", "BE", "FR-ALSACE-MOSELLE"] as const;
const DELAYS: Duration[] = [
  { amount: 24, unit: "hours" },
  { amount: 48, unit: "hours" },
  { amount: 2, unit: "working_days" },
  { qualifier: "without_undue_delay" },
];

/** A vendor with 1,000 school customers in three calendars, each with its own delay and an e-mail contact. */
async function load(register: Register): Promise<string> {
  const vendor = buildOrganisation(
    { name: "Éditeur national", type: "editeur", roles: ["processor"] },
    { id: newId(), tenant: principal.tenant, now: START },
  );
  await inTransaction(register, principal, START, async (unit) => {
    await unit.organisations.insert(vendor);
    for (let i = 0; i < CONTROLLERS; i++) {
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
        terms: { durations: { breach_notification_to_controller: DELAYS[i % DELAYS.length] as Duration } },
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
  return vendor.name;
}

async function measure(register: Register, engine: string, emit: Emit): Promise<void> {
  const vendor = await load(register);
  const now = Date.parse("2026-12-10T09:00:00Z");
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const recorded = await recordBreach({
    register,
    principal,
    input: {
      processor: vendor,
      details: {
        natures: ["confidentiality"],
        discoveredAt: now - 3_600_000,
        awareAt: now - 1_800_000,
        description: "Sauvegarde exposée",
        dataCategories: ["identité", "notes"],
      },
      notify: true,
    },
    now,
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const outbox = await reader(register, principal).outbox.counts();
  if (recorded.duties.length !== CONTROLLERS || outbox.pending !== CONTROLLERS)
    throw new Error(`bench fan-out incomplete: ${recorded.duties.length} duties, ${outbox.pending} messages`);
  emit(`breach.record_fanout_1000.${engine}`, ms, "ms");
  // This process's CPU time for the same work: on a shared machine, wall time also counts the others' load.
  emit(`breach.record_fanout_1000_cpu.${engine}`, (cpu.user + cpu.system) / 1000, "ms");
}

export default async function (emit: Emit): Promise<void> {
  await onEachEngine((register, engine) => measure(register, engine, emit));
}
