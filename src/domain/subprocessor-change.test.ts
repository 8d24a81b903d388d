import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarFor } from "./calendar.js";
import type { Duration } from "./duration.js";
import { formatInstant } from "./instant.js";
import {
  answerObjectionWindow,
  type ObjectionResponse,
  type ObjectionWindow,
  openObjectionWindows,
  parseSubprocessorChange,
  type SubprocessorAgreement,
  type SubprocessorChange,
  settleObjectionWindow,
} from "./subprocessor-change.js";
import type { AgreementTerms } from "./terms.js";

const at = (iso: string) => Date.parse(iso);
const local = (instant: number) => formatInstant(instant, "Europe/Paris");

function change(announcedAt: string, overrides: Partial<SubprocessorChange> = {}): SubprocessorChange {
  return {
    ...parseSubprocessorChange({
      kind: "addition",
      subprocessor: { name: "HostCo", activity: "hosting", location: "FR" },
      announcedAt: at(announcedAt),
    }),
    id: "change-1",
    processorId: "vendor",
    ...overrides,
  };
}

function agreement(
  id: string,
  calendar: string,
  period: Duration | undefined,
  terms: Omit<AgreementTerms, "durations"> = {},
): SubprocessorAgreement {
  return {
    agreementId: id,
    controllerId: `controller-of-${id}`,
    processorId: "vendor",
    terms: { durations: period ? { subprocessor_objection_period: period } : {}, ...terms },
    calendar: calendarFor(calendar),
  };
}

describe("an announced change fans out to every agreement with its own window (Art. 28(2))", () => {
  // Thursday 10 December 2026.
  const windows = openObjectionWindows(change("2026-12-10T09:00:00+01:00"), [
    agreement("fourteen-days", "FR", { amount: 14, unit: "days" }),
    agreement("thirty-days", "FR", { amount: 30, unit: "days" }),
    agreement("four-weeks", "BE", { amount: 4, unit: "weeks" }),
    agreement("seven-working-days", "FR", { amount: 7, unit: "working_days" }),
    agreement("silent-agreement", "FR", undefined),
  ]);
  const closes = (id: string) => local(windows.find((w) => w.agreementId === id)?.closesAt ?? NaN);

  it("closes 14 days later at the end of Thursday 24 December", () => {
    expect(closes("fourteen-days")).toBe("2026-12-25T00:00:00+01:00");
  });

  it("moves 30 days off Saturday 9 January to Monday 11 January 2027", () => {
    expect(closes("thirty-days")).toBe("2027-01-12T00:00:00+01:00");
  });

  it("ends 4 weeks on the same weekday, Thursday 7 January 2027, in Brussels", () => {
    expect(closes("four-weeks")).toBe("2027-01-08T00:00:00+01:00");
  });

  it("counts 7 working days: Fri 11, then Mon 14 to Mon 21 December", () => {
    expect(closes("seven-working-days")).toBe("2026-12-22T00:00:00+01:00");
  });

  it("reads a silent agreement's window as 'a reasonable time', marked as interpreted", () => {
    const silent = windows.find((w) => w.agreementId === "silent-agreement");
    expect(silent?.basis).toMatchObject({
      kind: "interpreted_statute",
      rule: "GDPR Art. 28(2)",
      qualifier: "reasonable",
    });
  });

  it("opens no window for a removal, which needs no authorisation", () => {
    const removal = change("2026-12-10T09:00:00+01:00", { kind: "removal" });
    expect(openObjectionWindows(removal, [agreement("a", "FR", { amount: 14, unit: "days" })])).toEqual([]);
  });
});

describe("two working days from Christmas Eve 2025 in each calendar", () => {
  const windows = openObjectionWindows(change("2025-12-24T10:00:00+01:00"), [
    agreement("fr", "FR", { amount: 2, unit: "working_days" }),
    agreement("alsace", "FR-ALSACE-MOSELLE", { amount: 2, unit: "working_days" }),
    agreement("be", "BE", { amount: 2, unit: "working_days" }),
  ]);

  it("counts Fri 26 and Mon 29 December in France and Belgium", () => {
    expect(local(windows[0]?.closesAt ?? NaN)).toBe("2025-12-30T00:00:00+01:00");
    expect(local(windows[2]?.closesAt ?? NaN)).toBe("2025-12-30T00:00:00+01:00");
  });

  it("skips 26 December, a holiday in Alsace-Moselle: Mon 29 and Tue 30", () => {
    expect(local(windows[1]?.closesAt ?? NaN)).toBe("2025-12-31T00:00:00+01:00");
  });
});

describe("what silence means, and when only a yes will do", () => {
  const announced = change("2026-12-10T09:00:00+01:00");
  const period: Duration = { amount: 14, unit: "days" };

  it("follows each agreement's objectionSilence under a general authorisation", () => {
    const [accepting, refusing] = openObjectionWindows(announced, [
      agreement("a", "FR", period, { subprocessorAuthorization: "general", objectionSilence: "accepted" }),
      agreement("b", "FR", period, { subprocessorAuthorization: "general", objectionSilence: "refused" }),
    ]);
    const after = at("2026-12-26T00:00:00+01:00");
    expect(settleObjectionWindow(accepting as ObjectionWindow, [], after)).toMatchObject({
      status: "deemed_accepted",
      mayUse: true,
    });
    expect(settleObjectionWindow(refusing as ObjectionWindow, [], after)).toMatchObject({
      status: "deemed_refused",
      mayUse: false,
    });
  });

  it("takes silence as a refusal under a specific authorisation, whatever else the agreement says", () => {
    const [w] = openObjectionWindows(announced, [
      agreement("a", "FR", period, { subprocessorAuthorization: "specific", objectionSilence: "accepted" }),
    ]);
    expect(w?.approvalRequired).toBe(true);
    expect(w?.silence).toBe("refused");
  });

  it("needs an explicit yes for a transfer outside the EEA that requires prior authorisation", () => {
    const transfer = change("2026-12-10T09:00:00+01:00", {
      subprocessor: {
        name: "CloudUS",
        siret: null,
        activity: "e-mail",
        location: "US",
        transferMechanism: "standard_contractual_clauses",
      },
    });
    const [w] = openObjectionWindows(transfer, [
      agreement("a", "FR", period, {
        objectionSilence: "accepted",
        transfersOutsideEEA: "with_authorization",
      }),
    ]);
    expect(w?.silence).toBe("refused");
  });

  it("treats a location outside the EEA announced with no mechanism as a transfer, flagged with the clause", () => {
    const unstated = change("2026-12-10T09:00:00+01:00", {
      subprocessor: {
        name: "CloudUS",
        siret: null,
        activity: "e-mail",
        location: "US",
        transferMechanism: "none",
      },
    });
    const [w] = openObjectionWindows(unstated, [
      agreement("a", "FR", period, {
        objectionSilence: "accepted",
        transfersOutsideEEA: "with_authorization",
      }),
    ]);
    expect(w?.silence).toBe("refused");
    expect(w?.blocked?.fr).toBe(
      "traitement en US, hors de l'EEE, annoncé sans mécanisme du chapitre V (--transfer) : l'accord soumet les transferts hors de l'EEE à autorisation (transfersOutsideEEA: with_authorization)",
    );
    const [prohibited] = openObjectionWindows(unstated, [
      agreement("b", "FR", period, { transfersOutsideEEA: "prohibited" }),
    ]);
    expect(prohibited?.blocked?.fr).toMatch(/^l'accord interdit les transferts hors de l'EEE/);
  });

  it("leaves a location inside the EEA, or one it cannot place, to the mechanism stated", () => {
    for (const location of ["IE", "NO", "Paris"]) {
      const inside = change("2026-12-10T09:00:00+01:00", {
        subprocessor: { name: "Host", siret: null, activity: "hosting", location, transferMechanism: "none" },
      });
      const [w] = openObjectionWindows(inside, [
        agreement("a", "FR", period, { objectionSilence: "accepted" }),
      ]);
      expect(w?.blocked).toBeNull();
      expect(w?.silence).toBe("accepted");
    }
  });

  it("blocks a transfer the agreement prohibits, and refuses an approval of it", () => {
    const transfer = change("2026-12-10T09:00:00+01:00", {
      subprocessor: {
        name: "CloudUS",
        siret: null,
        activity: "e-mail",
        location: "US",
        transferMechanism: "adequacy_decision",
      },
    });
    const [w] = openObjectionWindows(transfer, [
      agreement("a", "FR", period, { transfersOutsideEEA: "prohibited" }),
    ]);
    expect(w?.blocked?.en).toMatch(/prohibits transfers/);
    expect(() =>
      answerObjectionWindow(w as ObjectionWindow, { kind: "approve", at: at("2026-12-11T09:00:00+01:00") }),
    ).toThrowError(expect.objectContaining({ code: "conflict" }));
    expect(settleObjectionWindow(w as ObjectionWindow, [], at("2027-01-01T00:00:00+01:00")).mayUse).toBe(
      false,
    );
  });
});

describe("approving and objecting", () => {
  const [w] = openObjectionWindows(change("2026-12-10T09:00:00+01:00"), [
    agreement("a", "FR", { amount: 14, unit: "days" }, { objectionSilence: "accepted" }),
  ]);
  const window = w as ObjectionWindow;
  const inside = at("2026-12-15T09:00:00+01:00");

  it("lets the sub-processor in at once on an approval", () => {
    const approval = answerObjectionWindow(window, { kind: "approve", at: inside });
    expect(settleObjectionWindow(window, [approval], inside)).toMatchObject({
      status: "approved",
      mayUse: true,
    });
  });

  it("needs reasons for an objection, and refuses an answer once the window has closed", () => {
    expect(() => answerObjectionWindow(window, { kind: "object", at: inside })).toThrowError(/reasons/);
    expect(() =>
      answerObjectionWindow(window, {
        kind: "object",
        at: window.closesAt,
        reasons: "hosting outside France",
      }),
    ).toThrowError(/outside the objection window/);
  });

  it("settles an objection when the window closes, with what the agreement provides", () => {
    const objection = answerObjectionWindow(window, {
      kind: "object",
      at: inside,
      reasons: "no audit report",
    });
    expect(settleObjectionWindow(window, [objection], inside)).toMatchObject({
      status: "objected",
      settledAt: null,
    });
    const settled = settleObjectionWindow(window, [objection], window.closesAt);
    expect(settled).toMatchObject({ status: "objected", settledAt: window.closesAt, mayUse: false });
    expect(settled.consequence?.en).toMatch(/may not engage/);
  });

  it("opens the processor's right to terminate where the agreement says so", () => {
    const [t] = openObjectionWindows(change("2026-12-10T09:00:00+01:00"), [
      { ...agreement("t", "FR", { amount: 14, unit: "days" }), onObjection: "processor_may_terminate" },
    ]);
    const objection = answerObjectionWindow(t as ObjectionWindow, {
      kind: "object",
      at: inside,
      reasons: "cost",
    });
    expect(
      settleObjectionWindow(t as ObjectionWindow, [objection], at("2027-01-01T00:00:00+01:00")).consequence
        ?.en,
    ).toMatch(/processor the right to terminate/);
  });

  it("never lets a sub-processor in before the window closed without objection or the customer approved", () => {
    const windowArb = fc.record({
      silence: fc.constantFrom("accepted" as const, "refused" as const),
      approvalRequired: fc.boolean(),
    });
    const responseArb = fc.record({
      kind: fc.constantFrom("approve" as const, "object" as const),
      offsetHours: fc.integer({ min: -48, max: 24 * 40 }),
    });
    fc.assert(
      fc.property(
        windowArb,
        fc.array(responseArb, { maxLength: 4 }),
        fc.integer({ min: -48, max: 24 * 40 }),
        (rules, answers, nowHours) => {
          const subject: ObjectionWindow = { ...window, ...rules };
          const hour = 3_600_000;
          const responses: ObjectionResponse[] = answers.map((a) => ({
            agreementId: subject.agreementId,
            kind: a.kind,
            at: subject.opensAt + a.offsetHours * hour,
            reasons: "r",
          }));
          const now = subject.opensAt + nowHours * hour;
          const settlement = settleObjectionWindow(subject, responses, now);
          const approvedInTime = responses.some(
            (r) => r.kind === "approve" && r.at >= subject.opensAt && r.at < subject.closesAt && r.at <= now,
          );
          const objectedInTime = responses.some(
            (r) => r.kind === "object" && r.at >= subject.opensAt && r.at < subject.closesAt && r.at <= now,
          );
          const closedInSilence =
            now >= subject.closesAt && !objectedInTime && subject.silence === "accepted";
          if (settlement.mayUse) expect(approvedInTime || closedInSilence).toBe(true);
        },
      ),
    );
  });
});

describe("a change announcement", () => {
  it("names what a replacement replaces, and only a replacement does", () => {
    const base = { subprocessor: { name: "X", activity: "y", location: "FR" }, announcedAt: 0 };
    expect(() => parseSubprocessorChange({ ...base, kind: "replacement" })).toThrowError(/replaces/);
    expect(() => parseSubprocessorChange({ ...base, kind: "addition", replaces: "Old" })).toThrowError(
      /replaces/,
    );
    expect(parseSubprocessorChange({ ...base, kind: "replacement", replaces: "OldCo" }).replaces).toBe(
      "OldCo",
    );
  });

  it("checks the sub-processor's SIRET when one is given", () => {
    const base = { kind: "addition", announcedAt: 0 };
    const withSiret = (siret: string) =>
      parseSubprocessorChange({ ...base, subprocessor: { name: "X", activity: "y", location: "FR", siret } });
    expect(withSiret("732 829 320 00074").subprocessor.siret).toBe("73282932000074");
    expect(() => withSiret("73282932000075")).toThrowError(/subprocessor\.siret/);
  });

  it("fans out to 10,000 agreements with one deadline per distinct calendar and period", () => {
    const calendars = ["FR", "FR-ALSACE-MOSELLE", "BE"];
    const periods: Duration[] = [
      { amount: 14, unit: "days" },
      { amount: 30, unit: "days" },
      { amount: 4, unit: "weeks" },
      { amount: 7, unit: "working_days" },
      { qualifier: "reasonable" },
    ];
    const many = Array.from({ length: 10_000 }, (_, i) =>
      agreement(`a${i}`, calendars[i % 3] as string, periods[i % 5]),
    );
    const windows = openObjectionWindows(change("2026-12-10T09:00:00+01:00"), many);
    expect(windows).toHaveLength(10_000);
    expect(new Set(windows.map((w) => w.agreementId)).size).toBe(10_000);
    expect(windows[7]?.closesAt).toBe(windows[22]?.closesAt);
  });
});
