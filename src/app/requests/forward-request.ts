// Use case: the processor forwards a request it received to the controller, closing its forwarding duty and opening
// the controller's answer, due one month after the controller received it (GDPR Art. 12(3), 28(3)(e)).

import { renderRequestForwardingEmail } from "../../documents/email/request-forwarding-email.js";
import { calendarFor } from "../../domain/calendar.js";
import { answerDuty, applyRequestEvent } from "../../domain/data-subject-request.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import { requireNotBefore } from "../../domain/time-order.js";
import type { StoredRequest } from "../../store/request-repository.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { readPastInstant } from "../organisations/read-instant.js";
import { type NoticeDelivery, notifyOrganisations } from "../outbox/notify-organisations.js";
import { findOrganisation, findRequest } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface ForwardRequestOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly request: string; readonly at?: string | number };
  readonly now: number;
}

export interface ForwardedRequest {
  readonly request: StoredRequest;
  readonly answer: Obligation;
  readonly enqueued: number;
  readonly delivery: NoticeDelivery;
}

export async function forwardRequest({
  register,
  principal,
  input,
  now,
}: ForwardRequestOptions): Promise<ForwardedRequest> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const stored = await findRequest(unit, input.request);
    const controller = await findOrganisation(unit, stored.controllerId, "controller", "name");
    const processor = await findOrganisation(unit, stored.processorId ?? stored.controllerId, "processor");
    const calendar = calendarFor(controller.calendar);
    const processorCalendar = calendarFor(processor.calendar);
    const at = readPastInstant(input.at, processorCalendar, "at", now);
    requireNotBefore(
      { what: { fr: "la transmission au responsable", en: "the forwarding to the controller" }, at },
      { what: { fr: "la réception de la demande", en: "the request's receipt" }, at: stored.receivedAt },
      "at",
      processorCalendar.timeZone,
    );
    const next = applyRequestEvent(stored, { type: "forward", at });
    const request: StoredRequest = { ...stored, ...next, updatedAt: now };
    await unit.requests.save(request);
    for (const duty of await unit.requests.pendingDuties(request.id, ["forward_request_to_controller"])) {
      await settleObligation(unit, duty, "done", {
        note: "request forwarded to the controller",
        at: next.controllerReceivedAt as number,
        by: principal.id,
      });
    }
    const [answer] = await recordObligations(unit, [answerDuty(request, controller.id, calendar)]);
    unit.record({
      type: "request.forwarded",
      payload: {
        v: 1,
        requestId: request.id,
        at: next.controllerReceivedAt as number,
        state: request.state,
        note: null,
      },
    });
    const delivery = await notifyOrganisations(unit, [
      {
        organisationId: controller.id,
        key: `request.${request.id}.forwarded`,
        kind: "request.forwarded",
        render: (lang) =>
          renderRequestForwardingEmail(
            {
              request,
              processor: processor.name,
              controller: controller.name,
              timeZone: calendar.timeZone,
              answerDue: (answer as Obligation).due,
            },
            lang,
          ),
        webhook: {
          event: "request.forwarded",
          payload: { requestId: request.id, right: request.right, answerDue: (answer as Obligation).due },
        },
        from: processor.id,
        about: { fr: "la transmission de la demande", en: "the forwarded request" },
        agreementId: request.agreementId ?? null,
        rule: "GDPR Art. 28(3)(e)",
      },
    ]);
    return { request, answer: answer as Obligation, enqueued: delivery.enqueued, delivery };
  });
  return result;
}
