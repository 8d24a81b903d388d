import { describe, expect, it } from "vitest";
import type { AgreementClock } from "./agreement-clock.js";
import { type Breach, parseBreachDetails } from "./breach.js";
import {
  breachNotificationsToControllers,
  consolidatedAuthorityNotices,
  controllerBreachDuties,
  needsReasonsForDelay,
} from "./breach-notification.js";
import { assessBreachRisk, type BreachRiskAssessment } from "./breach-risk.js";
import { calendarFor } from "./calendar.js";
import type { Duration } from "./duration.js";
import { formatInstant } from "./instant.js";

const at = (iso: string) => Date.parse(iso);
const paris = (instant: number) => formatInstant(instant, "Europe/Paris");

// Thursday 7 May 2026, 10:15 Paris time; Friday 8 May is a public holiday in France, not in Belgium.
const breach: Breach = {
  ...parseBreachDetails({
    natures: ["confidentiality"],
    discoveredAt: at("2026-05-07T09:40:00+02:00"),
    awareAt: at("2026-05-07T10:15:00+02:00"),
    description: "Misconfigured storage bucket",
  }),
  id: "breach-1",
  recordedBy: "vendor",
  side: "processor",
};

function agreement(id: string, controller: string, calendar: string, notice?: Duration): AgreementClock {
  return {
    agreementId: id,
    controllerId: controller,
    processorId: "vendor",
    terms: { durations: notice ? { breach_notification_to_controller: notice } : {} },
    calendar: calendarFor(calendar),
  };
}

describe("a processor's breach fanned out to its controllers (GDPR Art. 33(2))", () => {
  const agreements = [
    agreement("a-24h", "college-fr", "FR", { amount: 24, unit: "hours" }),
    agreement("a-48h", "ecole-be", "BE", { amount: 48, unit: "hours" }),
    agreement("a-undue", "lycee-strasbourg", "FR-ALSACE-MOSELLE", { qualifier: "without_undue_delay" }),
    agreement("a-2wd-fr", "academie", "FR", { amount: 2, unit: "working_days" }),
    agreement("a-2wd-be", "pouvoir-organisateur", "BE", { amount: 2, unit: "working_days" }),
  ];
  const drafts = breachNotificationsToControllers(breach, agreements);
  const dueOf = (controller: string) =>
    paris(drafts.find((d) => d.counterpartyId === controller)?.due ?? NaN);

  it("opens one notification duty per controller, held by the processor", () => {
    expect(drafts).toHaveLength(5);
    expect(new Set(drafts.map((d) => d.holderId))).toEqual(new Set(["vendor"]));
    expect(drafts.every((d) => d.kind === "notify_breach_to_controller")).toBe(true);
  });

  it("counts 24 hours from the next full hour after awareness, holiday or not", () => {
    expect(dueOf("college-fr")).toBe("2026-05-08T11:00:00+02:00");
  });

  it("counts 48 hours the same way in Brussels", () => {
    expect(dueOf("ecole-be")).toBe("2026-05-09T11:00:00+02:00");
  });

  it("reads 'without undue delay' through the interpretation (48 hours by default) and says so", () => {
    expect(dueOf("lycee-strasbourg")).toBe("2026-05-09T11:00:00+02:00");
    expect(drafts.find((d) => d.counterpartyId === "lycee-strasbourg")?.basis).toMatchObject({
      kind: "interpreted",
      qualifier: "without_undue_delay",
    });
  });

  it("skips the 8 May holiday and the weekend for two French working days: Mon 11 and Tue 12", () => {
    expect(dueOf("academie")).toBe("2026-05-13T00:00:00+02:00");
  });

  it("counts Friday 8 May as a working day in Belgium: Fri 8 and Mon 11", () => {
    expect(dueOf("pouvoir-organisateur")).toBe("2026-05-12T00:00:00+02:00");
  });

  it("falls back to Art. 33(2)'s 'without undue delay' when the agreement sets no delay", () => {
    const [draft] = breachNotificationsToControllers(breach, [agreement("a-none", "ecole", "FR")]);
    expect(draft?.basis).toMatchObject({ kind: "interpreted_statute", rule: "GDPR Art. 33(2)" });
    expect(paris(draft?.due ?? NaN)).toBe("2026-05-09T11:00:00+02:00");
  });

  it("keeps the earliest deadline when one controller holds two affected agreements", () => {
    const two = breachNotificationsToControllers(breach, [
      agreement("slow", "ecole", "FR", { amount: 72, unit: "hours" }),
      agreement("fast", "ecole", "FR", { amount: 24, unit: "hours" }),
    ]);
    expect(two).toHaveLength(1);
    expect(two[0]?.agreementId).toBe("fast");
  });

  it("refuses an agreement of another processor", () => {
    const foreign = { ...agreement("x", "ecole", "FR"), processorId: "someone-else" };
    expect(() => breachNotificationsToControllers(breach, [foreign])).toThrowError(/does not bind/);
  });
});

describe("the controller's duties once aware (GDPR Art. 33(1), 34)", () => {
  const calendar = calendarFor("FR");
  // The processor's notice reached the school on the 8 May holiday, 09:30.
  const awareAt = at("2026-05-08T09:30:00+02:00");
  const risk: BreachRiskAssessment = { level: "risk", likelihood: 2, severity: 2, reasons: [] };
  const high: BreachRiskAssessment = { level: "high_risk", likelihood: 4, severity: 4, reasons: [] };

  it("notifies nobody when the risk is unlikely, and records why", () => {
    const duties = controllerBreachDuties({
      breach,
      controllerId: "ecole",
      awareAt,
      assessment: assessBreachRisk({
        natures: ["confidentiality"],
        dataKinds: ["identification"],
        approximatePeople: 3,
        approximateRecords: 3,
        identifiability: "negligible",
        exposure: "unknown",
        vulnerablePeople: true,
      }),
      calendar,
    });
    expect(duties.obligations).toEqual([]);
    expect(duties.decisions[0]?.en).toMatch(/documented/);
  });

  it("notifies the CNIL within 72 hours, never extended: Monday 11 May at 10:00", () => {
    const duties = controllerBreachDuties({
      breach,
      controllerId: "ecole",
      awareAt,
      assessment: risk,
      calendar,
    });
    expect(duties.authority).toBe("CNIL");
    expect(duties.obligations.map((o) => o.kind)).toEqual(["notify_breach_to_authority"]);
    expect(paris(duties.obligations[0]?.due ?? NaN)).toBe("2026-05-11T10:00:00+02:00");
  });

  it("names the APD for a Belgian controller", () => {
    const duties = controllerBreachDuties({
      breach,
      controllerId: "ecole-be",
      awareAt,
      assessment: risk,
      calendar: calendarFor("BE"),
    });
    expect(duties.authority).toBe("APD");
  });

  it("also tells the people when the risk is high", () => {
    const duties = controllerBreachDuties({
      breach,
      controllerId: "ecole",
      awareAt,
      assessment: high,
      calendar,
    });
    expect(duties.obligations.map((o) => o.kind)).toEqual([
      "notify_breach_to_authority",
      "communicate_breach_to_data_subjects",
    ]);
    expect(duties.obligations[1]?.basis).toMatchObject({
      kind: "interpreted_statute",
      rule: "GDPR Art. 34(1)",
    });
  });

  it("does not tell the people when the data was unintelligible (Art. 34(3)(a))", () => {
    const duties = controllerBreachDuties({
      breach,
      controllerId: "ecole",
      awareAt,
      assessment: high,
      calendar,
      exceptions: { unintelligible: true },
    });
    expect(duties.obligations.map((o) => o.kind)).toEqual(["notify_breach_to_authority"]);
  });

  it("does not tell the people when later measures removed the high risk (Art. 34(3)(b))", () => {
    const duties = controllerBreachDuties({
      breach,
      controllerId: "ecole",
      awareAt,
      assessment: high,
      calendar,
      exceptions: { riskNoLongerLikely: true },
    });
    expect(duties.obligations).toHaveLength(1);
  });

  it("tells the public instead when reaching each person is disproportionate (Art. 34(3)(c))", () => {
    const duties = controllerBreachDuties({
      breach,
      controllerId: "ecole",
      awareAt,
      assessment: high,
      calendar,
      exceptions: { disproportionateEffort: true },
    });
    expect(duties.obligations.map((o) => o.kind)).toContain("communicate_breach_publicly");
  });

  it("asks for reasons when the authority is notified once the 72 hours have run", () => {
    const due = at("2026-05-11T10:00:00+02:00");
    expect(needsReasonsForDelay(at("2026-05-11T09:59:00+02:00"), due)).toBe(false);
    expect(needsReasonsForDelay(at("2026-05-11T10:00:00+02:00"), due)).toBe(true);
  });
});

describe("a consolidated notice by the processor on the controllers' behalf", () => {
  it("makes one notice per authority, due at the earliest of the controllers' 72 hours", () => {
    const notices = consolidatedAuthorityNotices(breach, [
      { controllerId: "c1", awareAt: at("2026-05-07T12:05:00+02:00"), calendar: calendarFor("FR") },
      { controllerId: "c2", awareAt: at("2026-05-07T11:10:00+02:00"), calendar: calendarFor("FR-57") },
      { controllerId: "c3", awareAt: at("2026-05-07T11:10:00+02:00"), calendar: calendarFor("BE") },
    ]);
    expect(notices.map((n) => n.authority).sort()).toEqual(["APD", "CNIL"]);
    const cnil = notices.find((n) => n.authority === "CNIL");
    expect(cnil?.onBehalfOf).toEqual(["c1", "c2"]);
    expect(paris(cnil?.obligation.due ?? NaN)).toBe("2026-05-10T12:00:00+02:00");
    expect(cnil?.obligation.holderId).toBe("vendor");
  });
});
