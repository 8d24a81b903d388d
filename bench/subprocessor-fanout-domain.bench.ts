// The domain's share of one sub-processor change fanned out to 10,000 agreements (windows only, no storage).

import { calendarFor } from "../src/domain/calendar.js";
import type { Duration } from "../src/domain/duration.js";
import {
  openObjectionWindows,
  type SubprocessorAgreement,
  type SubprocessorChange,
  settleObjectionWindow,
} from "../src/domain/subprocessor-change.js";

type Emit = (name: string, value: number, unit: string) => void;

export default async function (emit: Emit): Promise<void> {
  const calendars = ["FR", "FR-ALSACE-MOSELLE", "BE"].map((c) => calendarFor(c));
  const periods: Duration[] = [
    { amount: 14, unit: "days" },
    { amount: 30, unit: "days" },
    { amount: 4, unit: "weeks" },
    { amount: 7, unit: "working_days" },
    { qualifier: "reasonable" },
  ];
  const agreements: SubprocessorAgreement[] = Array.from({ length: 10_000 }, (_, i) => ({
    agreementId: `agreement-${i}`,
    controllerId: `school-${i}`,
    processorId: "vendor",
    terms: {
      durations: { subprocessor_objection_period: periods[i % periods.length] as Duration },
      objectionSilence: i % 2 === 0 ? "accepted" : "refused",
    },
    calendar: calendars[i % calendars.length] as SubprocessorAgreement["calendar"],
  }));
  const change: SubprocessorChange = {
    id: "change",
    processorId: "vendor",
    kind: "addition",
    subprocessor: {
      name: "HostCo",
      siret: null,
      activity: "hosting",
      location: "FR",
      transferMechanism: "none",
    },
    replaces: null,
    announcedAt: Date.parse("2026-12-10T09:00:00+01:00"),
  };
  openObjectionWindows(change, agreements); // warm the calendars
  const runs: number[] = [];
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    const windows = openObjectionWindows(
      { ...change, announcedAt: change.announcedAt + run * 86_400_000 },
      agreements,
    );
    const later = change.announcedAt + 90 * 86_400_000;
    for (const w of windows) settleObjectionWindow(w, [], later);
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  emit("subprocessor change fan-out to 10,000 agreements, domain only (median)", runs[10] ?? NaN, "ms");
}
