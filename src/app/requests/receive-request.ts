// Use case: a data-subject request is recorded by whoever received it. Received by the processor, it must be
// forwarded under the agreement's `dsr_forwarding_to_controller`; received by the controller, it must be answered
// within one month of receipt (GDPR Art. 12(3), 28(3)(e)).

import { calendarFor } from "../../domain/calendar.js";
import {
  answerDuty,
  forwardingDuty,
  RIGHTS,
  type Right,
  receiveRequest as receive,
} from "../../domain/data-subject-request.js";
import { Art28Error, invalidInput } from "../../domain/error.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Organisation } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredRequest } from "../../store/request-repository.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { readInstant } from "../organisations/read-instant.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId, type UnitOfWork } from "../register/unit-of-work.js";

export interface ReceiveRequestOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly right: string;
    /** The organisation that received it: the controller, or the processor of `agreement`. */
    readonly receivedBy: string;
    /** The agreement under which the processor holds the data; required when the processor received it. */
    readonly agreement?: string;
    /** When it was received (default: now). */
    readonly receivedAt?: string | number;
    /** A short description; never the person's identity documents. */
    readonly summary?: string;
  };
  readonly now: number;
}

export interface ReceivedRequest {
  readonly request: StoredRequest;
  readonly duty: Obligation;
}

export async function receiveRequest({
  register,
  principal,
  input,
  now,
}: ReceiveRequestOptions): Promise<ReceivedRequest> {
  const { result } = await inTransaction(register, principal, now, (unit) => addRequest(unit, input));
  return result;
}

/** The step of receiveRequest, in the caller's transaction (the demo world receives its request through it). */
export async function addRequest(
  unit: UnitOfWork,
  input: ReceiveRequestOptions["input"],
): Promise<ReceivedRequest> {
  const now = unit.now;
  const right = readRight(input.right);
  const receiver = await findOrganisation(unit, input.receivedBy, "receivedBy");
  const receivedAt =
    input.receivedAt === undefined
      ? now
      : readInstant(input.receivedAt, calendarFor(receiver.calendar), "receivedAt");
  if (receivedAt > now) {
    throw invalidInput(
      {
        fr: "une demande ne peut pas être reçue dans le futur",
        en: "a request cannot be received in the future",
      },
      { argument: "receivedAt" },
    );
  }
  const placed = await place(unit, receiver, input.agreement);
  const request = receive({
    id: newId(),
    right,
    receivedBy: placed.receivedBy,
    receivedAt,
    controllerCountry: placed.controller.country,
  });
  const draft =
    placed.receivedBy === "processor" && placed.sides
      ? forwardingDuty(request, placed.sides.clock)
      : answerDuty(request, placed.controller.id, calendarFor(placed.controller.calendar));
  const stored: StoredRequest = {
    ...request,
    controllerId: placed.controller.id,
    processorId: placed.sides?.processor.id ?? null,
    agreementId: placed.sides?.clock.agreementId ?? null,
    summary: input.summary?.trim() || null,
    identity: null,
    attachments: [],
    createdAt: now,
    updatedAt: now,
  };
  await unit.requests.insert(stored);
  const [duty] = await recordObligations(unit, [draft]);
  unit.record({
    type: "request.received",
    payload: { v: 1, requestId: request.id, receivedBy: receiver.id, receivedAt, right },
  });
  return { request: stored, duty: duty as Obligation };
}

function readRight(text: string): Right {
  const right = text.trim().toLowerCase().replaceAll("-", "_") as Right;
  if (!RIGHTS.includes(right)) {
    throw invalidInput(
      { fr: `droit inconnu : « ${text} »`, en: `unknown right: "${text}"` },
      { argument: "right", accepted: { fr: RIGHTS.join(", "), en: RIGHTS.join(", ") } },
    );
  }
  return right;
}

async function place(unit: UnitOfWork, receiver: Organisation, agreementReference: string | undefined) {
  if (agreementReference === undefined) {
    if (!receiver.roles.includes("controller")) {
      throw invalidInput(
        {
          fr: "une demande reçue par un sous-traitant se rattache à un accord : indiquez --agreement",
          en: "a request a processor received belongs to an agreement: give --agreement",
        },
        { argument: "agreement" },
      );
    }
    return { receivedBy: "controller" as const, controller: receiver, sides: null };
  }
  const sides = await agreementSidesOf(unit, await findAgreement(unit, agreementReference));
  if (sides.processor.id === receiver.id)
    return { receivedBy: "processor" as const, controller: sides.controller, sides };
  if (sides.controller.id === receiver.id)
    return { receivedBy: "controller" as const, controller: receiver, sides };
  throw new Art28Error(
    "conflict",
    {
      fr: "l'organisation qui a reçu la demande n'est pas partie à cet accord",
      en: "the organisation that received the request is not party to this agreement",
    },
    { argument: "receivedBy" },
  );
}
