// Use case: the controller extends the answer period by two months, telling the person with reasons before the first
// month ends; the one-month duty gives way to the extended one (GDPR Art. 12(3)).

import { calendarFor } from "../../domain/calendar.js";
import { answerDuty, applyRequestEvent } from "../../domain/data-subject-request.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredRequest } from "../../store/request-repository.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { readPastInstant } from "../organisations/read-instant.js";
import { findOrganisation, findRequest } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface ExtendRequestOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly request: string;
    /** Why the request needs more time (its complexity, the number of requests). */
    readonly reasons: string;
    /** When the notice of extension was sent to the person (default: now). */
    readonly noticeSentAt?: string | number;
  };
  readonly now: number;
}

export async function extendRequest({
  register,
  principal,
  input,
  now,
}: ExtendRequestOptions): Promise<{ request: StoredRequest; answer: Obligation }> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const stored = await findRequest(unit, input.request);
    const controller = await findOrganisation(unit, stored.controllerId, "controller");
    const calendar = calendarFor(controller.calendar);
    const at = readPastInstant(input.noticeSentAt, calendar, "noticeSentAt", now);
    // The domain refuses a notice sent once the first month has ended.
    const next = applyRequestEvent(stored, { type: "extend", at, reasons: input.reasons, calendar });
    const request: StoredRequest = { ...stored, ...next, updatedAt: now };
    await unit.requests.save(request);
    for (const duty of await unit.requests.pendingDuties(request.id, ["answer_data_subject_request"])) {
      await settleObligation(unit, duty, "waived", {
        note: "replaced by the period extended by two months (GDPR Art. 12(3))",
        at: now,
        by: principal.id,
      });
    }
    const [answer] = await recordObligations(unit, [answerDuty(request, controller.id, calendar)]);
    unit.record({
      type: "request.extended",
      payload: { v: 1, requestId: request.id, at, state: request.state, note: input.reasons.trim() },
    });
    return { request, answer: answer as Obligation };
  });
  return result;
}
