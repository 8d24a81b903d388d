// Use case: the controller asks its processor for help with a request, due under the agreement's `dsr_assistance`
// (GDPR Art. 28(3)(e)).

import { renderWorkflowStepEmail } from "../../documents/email/workflow-step-email.js";
import { calendarFor } from "../../domain/calendar.js";
import { assistanceDuty } from "../../domain/data-subject-request.js";
import { Art28Error } from "../../domain/error.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import { requireNotBefore } from "../../domain/time-order.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { readPastInstant } from "../organisations/read-instant.js";
import { type NoticeDelivery, notifyOrganisations } from "../outbox/notify-organisations.js";
import { findAgreement, findRequest } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface RequestAssistanceOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly request: string;
    /** The agreement with the processor that holds the data, when the request does not name one. */
    readonly agreement?: string;
    readonly at?: string | number;
  };
  readonly now: number;
}

export async function requestAssistance({
  register,
  principal,
  input,
  now,
}: RequestAssistanceOptions): Promise<Obligation & { readonly delivery: NoticeDelivery }> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const request = await findRequest(unit, input.request);
    const reference = input.agreement ?? request.agreementId;
    if (!reference) {
      throw new Art28Error(
        "invalid_input",
        {
          fr: "indiquez l'accord du sous-traitant à solliciter (--agreement)",
          en: "name the agreement of the processor to ask (--agreement)",
        },
        { argument: "agreement" },
      );
    }
    const sides = await agreementSidesOf(unit, await findAgreement(unit, reference));
    unit.access.actFor(sides.controller.id, SIDE.controller);
    if (sides.controller.id !== request.controllerId) {
      throw new Art28Error(
        "conflict",
        {
          fr: "cet accord n'est pas celui du responsable de traitement de la demande",
          en: "this agreement does not bind the request's controller",
        },
        { argument: "agreement" },
      );
    }
    const calendar = calendarFor(sides.controller.calendar);
    const at = readPastInstant(input.at, calendar, "at", now);
    requireNotBefore(
      { what: { fr: "la demande d'aide au sous-traitant", en: "asking the processor for help" }, at },
      { what: { fr: "la réception de la demande", en: "the request's receipt" }, at: request.receivedAt },
      "at",
      calendar.timeZone,
    );
    const [duty] = await recordObligations(unit, [assistanceDuty(request, sides.clock, at)]);
    unit.record({
      type: "request.assistance_asked",
      payload: { v: 1, requestId: request.id, at, state: request.state, note: sides.processor.id },
    });
    const assistance = duty as Obligation;
    // The processor is told what is asked of it and by when (GDPR Art. 28(3)(e)).
    const delivery = await notifyOrganisations(unit, [
      {
        organisationId: sides.processor.id,
        key: `request.${request.id}.assistance.${assistance.id}`,
        kind: "request.assistance_asked",
        render: (lang) =>
          renderWorkflowStepEmail(
            {
              title: {
                fr: "Aide demandée pour une demande de droits",
                en: "Help asked with a data-subject request",
              },
              paragraphs: [
                {
                  fr: `${sides.controller.name} vous demande votre aide pour répondre à une demande d'exercice de droits (RGPD art. 28(3)(e)). La demande elle-même est dans art28, pas dans ce courriel.`,
                  en: `${sides.controller.name} asks for your help in answering a data-subject request (GDPR Art. 28(3)(e)). The request itself is in art28, not in this e-mail.`,
                },
              ],
              agreement: sides.clock.agreementId,
              instants: [{ label: { fr: "Votre aide", en: "Your help" }, at: assistance.due, due: true }],
              facts: [{ label: { fr: "Référence", en: "Reference" }, value: request.id }],
              timeZone: calendar.timeZone,
            },
            lang,
          ),
        webhook: {
          event: "request.assistance_asked",
          payload: { requestId: request.id, right: request.right, due: assistance.due },
        },
        from: sides.controller.id,
        about: { fr: "la demande d'aide", en: "the request for help" },
        agreementId: sides.clock.agreementId,
        rule: "GDPR Art. 28(3)(e)",
      },
    ]);
    return { ...assistance, delivery };
  });
  return result;
}
