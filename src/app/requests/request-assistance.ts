// Use case: the controller asks its processor for help with a request, due under the agreement's `dsr_assistance`
// (GDPR Art. 28(3)(e)).

import { calendarFor } from "../../domain/calendar.js";
import { assistanceDuty } from "../../domain/data-subject-request.js";
import { Art28Error } from "../../domain/error.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { readPastInstant } from "../organisations/read-instant.js";
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
}: RequestAssistanceOptions): Promise<Obligation> {
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
    const at = readPastInstant(input.at, calendarFor(sides.controller.calendar), "at", now);
    const [duty] = await recordObligations(unit, [assistanceDuty(request, sides.clock, at)]);
    unit.record({
      type: "request.assistance_asked",
      payload: { v: 1, requestId: request.id, at, state: request.state, note: sides.processor.id },
    });
    return duty as Obligation;
  });
  return result;
}
