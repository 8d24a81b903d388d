import { describe, expect, it } from "vitest";
import {
  type AuditAgreement,
  type AuditRequest,
  auditFrequencyWarnings,
  correctiveActionDuties,
  earliestAuditStart,
} from "./audit.js";
import { calendarFor } from "./calendar.js";
import { formatInstant } from "./instant.js";
import type { AgreementTerms } from "./terms.js";

const at = (iso: string) => Date.parse(iso);
const local = (instant: number) => formatInstant(instant, "Europe/Paris");

function agreement(calendar: string, terms: Partial<AgreementTerms> = {}, emergency = false): AuditAgreement {
  return {
    agreementId: "dpa",
    controllerId: "academie",
    processorId: "vendor",
    terms: { durations: {}, ...terms },
    calendar: calendarFor(calendar),
    emergencyAuditAfterBreach: emergency,
  };
}

const request = (requestedAt: string, kind: AuditRequest["kind"] = "ordinary"): AuditRequest => ({
  id: "audit-1",
  kind,
  requestedAt: at(requestedAt),
  scope: ["hosting", "access control"],
  breachId: kind === "emergency" ? "breach-1" : null,
});

describe("the earliest audit date after audit_notice", () => {
  const fifteen = { durations: { audit_notice: { amount: 15, unit: "working_days" as const } } };

  it("skips 8 May, Ascension and Whit Monday in France: 15 working days from Monday 4 May end on Thursday 28 May", () => {
    expect(
      local(earliestAuditStart(request("2026-05-04T09:00:00+02:00"), agreement("FR", fifteen)).earliestStart),
    ).toBe("2026-05-29T00:00:00+02:00");
  });

  it("counts 8 May as a working day in Belgium, one day sooner", () => {
    expect(
      local(earliestAuditStart(request("2026-05-04T09:00:00+02:00"), agreement("BE", fifteen)).earliestStart),
    ).toBe("2026-05-28T00:00:00+02:00");
  });

  it("starts on the next working day when the notice runs out before a weekend: 10 days from 24 March", () => {
    const ten = { durations: { audit_notice: { amount: 10, unit: "days" as const } } };
    const requested = request("2026-03-24T09:00:00+01:00");
    // Last day Friday 3 April; Easter Monday 6 April is a holiday everywhere.
    expect(local(earliestAuditStart(requested, agreement("FR", ten)).earliestStart)).toBe(
      "2026-04-07T00:00:00+02:00",
    );
    expect(local(earliestAuditStart(requested, agreement("BE", ten)).earliestStart)).toBe(
      "2026-04-07T00:00:00+02:00",
    );
    // Good Friday is a holiday in Alsace-Moselle: the period itself runs to Tuesday 7 April.
    const alsace = earliestAuditStart(requested, agreement("FR-ALSACE-MOSELLE", ten));
    expect(local(alsace.noticeExpires)).toBe("2026-04-08T00:00:00+02:00");
    expect(local(alsace.earliestStart)).toBe("2026-04-08T00:00:00+02:00");
  });

  it("reads a missing notice term as 'reasonable notice' (2021/915 Cl. 7.6)", () => {
    const schedule = earliestAuditStart(request("2026-05-04T09:00:00+02:00"), agreement("FR"));
    expect(schedule.basis).toMatchObject({ kind: "interpreted_statute", qualifier: "reasonable" });
  });

  it("refuses an audit without a scope", () => {
    expect(() =>
      earliestAuditStart({ ...request("2026-05-04T09:00:00+02:00"), scope: [] }, agreement("FR")),
    ).toThrowError(/scope/);
  });

  it("allows an emergency audit after a breach only where the agreement provides it", () => {
    expect(() =>
      earliestAuditStart(request("2026-05-04T09:00:00+02:00", "emergency"), agreement("FR")),
    ).toThrowError(expect.objectContaining({ code: "conflict" }));
    expect(
      earliestAuditStart(request("2026-05-04T09:00:00+02:00", "emergency"), agreement("FR", fifteen, true))
        .earliestStart,
    ).toBeGreaterThan(0);
  });
});

describe("how often the processor is audited", () => {
  const oncePerYear = agreement("FR", { auditFrequencyPerYear: { min: null, max: 1 } }, true);
  const proposedStart = at("2026-05-29T00:00:00+02:00");

  it("warns when an audit would exceed the agreement's yearly maximum", () => {
    const warnings = auditFrequencyWarnings({
      agreement: oncePerYear,
      kind: "ordinary",
      proposedStart,
      previousStarts: [at("2025-09-01T09:00:00+02:00")],
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.en).toMatch(/at most 1 a year/);
  });

  it("does not warn once twelve months have passed since the last audit", () => {
    expect(
      auditFrequencyWarnings({
        agreement: oncePerYear,
        kind: "ordinary",
        proposedStart,
        previousStarts: [at("2025-05-28T09:00:00+02:00")],
      }),
    ).toEqual([]);
  });

  it("notes that an emergency audit after a breach is outside the cap", () => {
    const [warning] = auditFrequencyWarnings({
      agreement: oncePerYear,
      kind: "emergency",
      proposedStart,
      previousStarts: [at("2025-09-01T09:00:00+02:00")],
    });
    expect(warning?.en).toMatch(/outside the agreement's yearly cap/);
  });

  it("says nothing when the agreement sets no maximum", () => {
    expect(
      auditFrequencyWarnings({
        agreement: agreement("FR"),
        kind: "ordinary",
        proposedStart,
        previousStarts: [proposedStart],
      }),
    ).toEqual([]);
  });
});

describe("findings and corrective actions", () => {
  it("opens one corrective action per finding but observations, due 30 days after the report", () => {
    const duties = correctiveActionDuties(
      "audit-1",
      [
        { id: "f1", severity: "critical", description: "shared admin password" },
        { id: "f2", severity: "minor", description: "outdated policy" },
        { id: "f3", severity: "observation", description: "consider MFA for support" },
      ],
      at("2026-06-15T14:00:00+02:00"),
      agreement("FR", { durations: { corrective_action_plan: { amount: 30, unit: "days" } } }),
    );
    expect(duties).toHaveLength(2);
    expect(duties.every((d) => d.holderId === "vendor")).toBe(true);
    expect(local(duties[0]?.due ?? NaN)).toBe("2026-07-16T00:00:00+02:00");
    expect(duties[0]?.what.fr).toMatch(/critique/);
  });
});
