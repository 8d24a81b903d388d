// Use case: the controller asks for what it needs to confirm who makes a request, then records whether it was
// confirmed; a request whose author cannot be identified is closed as refused (GDPR Art. 11(2), 12(2), 12(6)).

import { calendarFor } from "../../domain/calendar.js";
import { applyRequestEvent } from "../../domain/data-subject-request.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredRequest } from "../../store/request-repository.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { readPastInstant } from "../organisations/read-instant.js";
import { findOrganisation, findRequest } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface VerifyIdentityOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly request: string;
    /** ask: information requested; confirm / reject: the check's result. */
    readonly step: "ask" | "confirm" | "reject";
    /** What was asked, or what settled it (never the identity document itself). */
    readonly note?: string;
    readonly at?: string | number;
  };
  readonly now: number;
}

export async function verifyIdentity({
  register,
  principal,
  input,
  now,
}: VerifyIdentityOptions): Promise<StoredRequest> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const stored = await findRequest(unit, input.request);
    const controller = await findOrganisation(unit, stored.controllerId, "controller");
    const at = readPastInstant(input.at, calendarFor(controller.calendar), "at", now);
    const note = input.note?.trim() || null;
    const next =
      input.step === "ask"
        ? applyRequestEvent(stored, { type: "request_identity", at })
        : applyRequestEvent(stored, { type: "identity_checked", at, confirmed: input.step === "confirm" });
    const identity =
      input.step === "ask"
        ? { askedAt: at, what: note, checkedAt: null, confirmed: null }
        : {
            askedAt: stored.identity?.askedAt ?? at,
            what: stored.identity?.what ?? null,
            checkedAt: at,
            confirmed: input.step === "confirm",
          };
    const request: StoredRequest = { ...stored, ...next, identity, updatedAt: now };
    await unit.requests.save(request);
    if (request.state === "closed_unverified") {
      for (const duty of await unit.requests.pendingDuties(request.id, ["answer_data_subject_request"])) {
        await settleObligation(unit, duty, "done", {
          note: "identity not confirmed: the request is refused (GDPR Art. 12(6))",
          at,
          by: principal.id,
        });
      }
    }
    unit.record({
      type: "request.identity_checked",
      payload: { v: 1, requestId: request.id, at, state: request.state, note },
    });
    return request;
  });
  return result;
}
