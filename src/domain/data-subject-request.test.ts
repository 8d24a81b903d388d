import { describe, expect, it } from "vitest";
import type { AgreementClock } from "./agreement-clock.js";
import { calendarFor } from "./calendar.js";
import {
  answerDuty,
  applyRequestEvent,
  assistanceDuty,
  type DataSubjectRequest,
  forwardingDuty,
  receiveRequest,
} from "./data-subject-request.js";
import { Art28Error } from "./error.js";
import { formatInstant } from "./instant.js";

const at = (iso: string) => Date.parse(iso);
const local = (instant: number) => formatInstant(instant, "Europe/Paris");

function agreement(calendar: string, durations: AgreementClock["terms"]["durations"]): AgreementClock {
  return {
    agreementId: "dpa-1",
    controllerId: "college",
    processorId: "vendor",
    terms: { durations },
    calendar: calendarFor(calendar),
  };
}

function atController(receivedAt: string): DataSubjectRequest {
  return receiveRequest({
    id: "r1",
    right: "access",
    receivedBy: "controller",
    receivedAt: at(receivedAt),
    controllerCountry: "FR",
  });
}

describe("a request received by the processor", () => {
  const request = receiveRequest({
    id: "r1",
    right: "erasure",
    receivedBy: "processor",
    // Thursday 7 May 2026, the day before the 8 May holiday.
    receivedAt: at("2026-05-07T16:20:00+02:00"),
    controllerCountry: "FR",
  });

  it("must be forwarded within 3 working days: Mon 11, Tue 12, Wed 13 May in France", () => {
    const duty = forwardingDuty(
      request,
      agreement("FR", { dsr_forwarding_to_controller: { amount: 3, unit: "working_days" } }),
    );
    expect(duty.holderId).toBe("vendor");
    expect(duty.counterpartyId).toBe("college");
    expect(local(duty.due)).toBe("2026-05-14T00:00:00+02:00");
  });

  it("must be forwarded within 3 working days: Fri 8, Mon 11, Tue 12 May in Belgium", () => {
    const duty = forwardingDuty(
      request,
      agreement("BE", { dsr_forwarding_to_controller: { amount: 3, unit: "working_days" } }),
    );
    expect(local(duty.due)).toBe("2026-05-13T00:00:00+02:00");
  });

  it("must be forwarded within 48 hours, counted from the next full hour", () => {
    const duty = forwardingDuty(
      request,
      agreement("FR", { dsr_forwarding_to_controller: { amount: 48, unit: "hours" } }),
    );
    expect(local(duty.due)).toBe("2026-05-09T17:00:00+02:00");
  });

  it("starts the controller's month when forwarded, not before", () => {
    expect(() => answerDuty(request, "college", calendarFor("FR"))).toThrowError(/not received/);
    const forwarded = applyRequestEvent(request, { type: "forward", at: at("2026-05-11T09:00:00+02:00") });
    expect(forwarded.state).toBe("forwarded");
    // 11 May + 1 month = Thursday 11 June 2026, a working day.
    expect(local(answerDuty(forwarded, "college", calendarFor("FR")).due)).toBe("2026-06-12T00:00:00+02:00");
  });

  it("brings the processor's help under dsr_assistance, from when the controller asks", () => {
    const duty = assistanceDuty(
      request,
      agreement("FR", { dsr_assistance: { amount: 5, unit: "days" } }),
      at("2026-05-11T09:00:00+02:00"),
    );
    // 11 May + 5 days = Saturday 16 May → Monday 18 May (Reg. 1182/71 Art. 3(4)).
    expect(local(duty.due)).toBe("2026-05-19T00:00:00+02:00");
    expect(duty.kind).toBe("assist_with_data_subject_request");
  });
});

describe("the controller's answer (GDPR Art. 12(3))", () => {
  it("is due one month after receipt, moved off the Ascension holiday: 14 May → Friday 15 May", () => {
    const request = atController("2026-04-14T10:00:00+02:00");
    expect(local(answerDuty(request, "college", calendarFor("FR")).due)).toBe("2026-05-16T00:00:00+02:00");
    expect(local(answerDuty(request, "ecole-be", calendarFor("BE")).due)).toBe("2026-05-16T00:00:00+02:00");
  });

  it("ends on the month's last day when the date does not exist: 31 Jan → Sat 28 Feb → Mon 2 March", () => {
    const request = atController("2026-01-31T10:00:00+01:00");
    expect(local(answerDuty(request, "college", calendarFor("FR")).due)).toBe("2026-03-03T00:00:00+01:00");
  });

  it("runs three months in all once extended: 14 July is a holiday in France, not in Belgium", () => {
    const request = atController("2026-04-14T10:00:00+02:00");
    for (const [calendar, expected] of [
      ["FR", "2026-07-16T00:00:00+02:00"],
      ["FR-ALSACE-MOSELLE", "2026-07-16T00:00:00+02:00"],
      ["BE", "2026-07-15T00:00:00+02:00"],
    ] as const) {
      const extended = applyRequestEvent(request, {
        type: "extend",
        at: at("2026-05-10T10:00:00+02:00"),
        reasons: "many requests this month",
        calendar: calendarFor(calendar),
      });
      const duty = answerDuty(extended, "college", calendarFor(calendar));
      expect(local(duty.due)).toBe(expected);
      expect(duty.basis).toMatchObject({ kind: "statute", duration: { amount: 3, unit: "months" } });
    }
  });

  it("cannot be extended once the first month has run out", () => {
    const request = atController("2026-04-14T10:00:00+02:00");
    expect(() =>
      applyRequestEvent(request, {
        type: "extend",
        at: at("2026-05-16T00:00:00+02:00"),
        reasons: "complex request",
        calendar: calendarFor("FR"),
      }),
    ).toThrowError(expect.objectContaining({ code: "conflict" }));
  });

  it("cannot be extended without reasons, nor twice", () => {
    const request = atController("2026-04-14T10:00:00+02:00");
    const calendar = calendarFor("FR");
    expect(() =>
      applyRequestEvent(request, { type: "extend", at: request.receivedAt, reasons: " ", calendar }),
    ).toThrowError(Art28Error);
    const once = applyRequestEvent(request, {
      type: "extend",
      at: request.receivedAt,
      reasons: "volume",
      calendar,
    });
    expect(() =>
      applyRequestEvent(once, { type: "extend", at: request.receivedAt, reasons: "again", calendar }),
    ).toThrowError(/already extended/);
  });
});

describe("identity check and outcome", () => {
  it("waits for the identity check before an answer, then records the outcome", () => {
    const request = atController("2026-04-14T10:00:00+02:00");
    const pending = applyRequestEvent(request, {
      type: "request_identity",
      at: at("2026-04-15T10:00:00+02:00"),
    });
    expect(() =>
      applyRequestEvent(pending, { type: "answer", at: at("2026-04-16T10:00:00+02:00"), outcome: "granted" }),
    ).toThrowError(/pending/);
    expect(() =>
      applyRequestEvent(pending, { type: "start", at: at("2026-04-16T10:00:00+02:00") }),
    ).toThrowError(/pending/);
    const verified = applyRequestEvent(pending, {
      type: "identity_checked",
      at: at("2026-04-17T10:00:00+02:00"),
      confirmed: true,
    });
    const answered = applyRequestEvent(verified, {
      type: "answer",
      at: at("2026-04-20T10:00:00+02:00"),
      outcome: "granted",
    });
    expect(answered.state).toBe("answered");
    expect(answered.outcome?.kind).toBe("granted");
  });

  it("closes the request when the identity cannot be confirmed", () => {
    const pending = applyRequestEvent(atController("2026-04-14T10:00:00+02:00"), {
      type: "request_identity",
      at: at("2026-04-15T10:00:00+02:00"),
    });
    const closed = applyRequestEvent(pending, {
      type: "identity_checked",
      at: at("2026-04-20T10:00:00+02:00"),
      confirmed: false,
    });
    expect(closed.state).toBe("closed_unverified");
    expect(() =>
      applyRequestEvent(closed, { type: "start", at: at("2026-04-21T10:00:00+02:00") }),
    ).toThrowError(/closed/);
  });

  it("refuses a refusal without reasons (Art. 12(4))", () => {
    expect(() =>
      applyRequestEvent(atController("2026-04-14T10:00:00+02:00"), {
        type: "answer",
        at: at("2026-04-20T10:00:00+02:00"),
        outcome: "refused",
      }),
    ).toThrowError(expect.objectContaining({ details: { argument: "reasons" } }));
  });
});

describe("post-mortem directives", () => {
  it("are a right under French law only", () => {
    const request = {
      id: "r",
      right: "post_mortem_directives",
      receivedBy: "controller",
      receivedAt: 0,
    } as const;
    expect(receiveRequest({ ...request, controllerCountry: "FR" }).state).toBe("received");
    expect(() => receiveRequest({ ...request, controllerCountry: "BE" })).toThrowError(/French/);
  });
});
