// Deadline computations per second, per unit, on one core (target: at least 1,000,000 a second each).

import { calendarFor } from "../src/domain/calendar.js";
import { expires } from "../src/domain/deadline.js";
import type { DurationUnit } from "../src/domain/duration.js";
import type { Emit } from "./run.js";

const EVENTS = 50_000;
const ROUNDS = 40;

function randomEvents(): Float64Array {
  // A fixed linear congruential sequence: the same events on every run.
  const events = new Float64Array(EVENTS);
  let seed = 42;
  const from = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2030, 0, 1) - from;
  for (let i = 0; i < EVENTS; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    events[i] = from + Math.floor((seed / 2_147_483_648) * span);
  }
  return events;
}

export default async function bench(emit: Emit): Promise<void> {
  const calendar = calendarFor("FR");
  const events = randomEvents();
  const cases: Array<[string, DurationUnit, number]> = [
    ["hours", "hours", 72],
    ["days", "days", 30],
    ["working_days", "working_days", 30],
    ["months", "months", 3],
  ];
  for (const [name, unit, maxAmount] of cases) {
    let sink = 0;
    // Warm the calendar's memo tables and the JIT before timing.
    for (let i = 0; i < EVENTS; i++)
      sink += expires(events[i] as number, { amount: 1 + (i % maxAmount), unit }, calendar).expires;
    const started = process.hrtime.bigint();
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < EVENTS; i++) {
        sink += expires(events[i] as number, { amount: 1 + ((i + r) % maxAmount), unit }, calendar).expires;
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (sink === 0) throw new Error("unreachable: keeps the loop from being optimised away");
    emit(`deadline.${name}.per_second`, (EVENTS * ROUNDS) / seconds, "computations/s");
  }
}
