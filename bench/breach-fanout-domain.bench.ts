// The domain's share of one breach fanned out to 1,000 controllers: notification duties and each controller's own.

import type { AgreementClock } from "../src/domain/agreement-clock.js";
import type { Breach } from "../src/domain/breach.js";
import {
  breachNotificationsToControllers,
  controllerBreachDuties,
} from "../src/domain/breach-notification.js";
import { calendarFor } from "../src/domain/calendar.js";
import type { Duration } from "../src/domain/duration.js";

type Emit = (name: string, value: number, unit: string) => void;

export default async function (emit: Emit): Promise<void> {
  const calendars = ["FR", "FR-ALSACE-MOSELLE", "BE"].map((c) => calendarFor(c));
  const delays: Duration[] = [
    { amount: 24, unit: "hours" },
    { amount: 48, unit: "hours" },
    { amount: 2, unit: "working_days" },
    { qualifier: "without_undue_delay" },
  ];
  const agreements: AgreementClock[] = Array.from({ length: 1_000 }, (_, i) => ({
    agreementId: `agreement-${i}`,
    controllerId: `school-${i}`,
    processorId: "vendor",
    terms: { durations: { breach_notification_to_controller: delays[i % delays.length] as Duration } },
    calendar: calendars[i % calendars.length] as AgreementClock["calendar"],
  }));
  const base = Date.parse("2026-05-07T10:15:00+02:00");
  const runs: number[] = [];
  for (let run = 0; run < 30; run++) {
    const awareAt = base + run * 3_600_000;
    const breach: Breach = {
      id: `breach-${run}`,
      recordedBy: "vendor",
      side: "processor",
      natures: ["confidentiality"],
      discoveredAt: awareAt,
      awareAt,
      occurredFrom: null,
      occurredUntil: null,
      description: "bench",
      dataCategories: [],
      approximatePeople: null,
      approximateRecords: null,
      likelyConsequences: null,
      measuresTaken: null,
      measuresProposed: null,
      contact: null,
    };
    const started = performance.now();
    const drafts = breachNotificationsToControllers(breach, agreements);
    for (let i = 0; i < drafts.length; i++) {
      controllerBreachDuties({
        breach,
        controllerId: agreements[i]?.controllerId as string,
        awareAt: drafts[i]?.due as number,
        assessment: { level: "high_risk", likelihood: 4, severity: 4, reasons: [] },
        calendar: agreements[i]?.calendar as AgreementClock["calendar"],
      });
    }
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  emit(
    "breach fan-out to 1,000 controllers with their own duties, domain only (median)",
    runs[15] ?? NaN,
    "ms",
  );
}
