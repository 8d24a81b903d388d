// A data-subject request: its right, who received it, its clocks, identity check and outcome (GDPR Art. 12, 15-22).

import type { AgreementClock } from "./agreement-clock.js";
import { dueUnderAgreement } from "./agreement-clock.js";
import type { Calendar } from "./calendar.js";
import { Art28Error, invalidInput, type LocalizedText } from "./error.js";
import { dueUnderStatute, type ObligationDraft } from "./obligation.js";

export const RIGHTS = [
  "access", // GDPR Art. 15
  "rectification", // Art. 16
  "erasure", // Art. 17
  "restriction", // Art. 18
  "portability", // Art. 20
  "objection", // Art. 21
  "automated_decision", // Art. 22
  "post_mortem_directives", // loi n° 78-17 Informatique et Libertés, art. 85 (French law only)
] as const;
export type Right = (typeof RIGHTS)[number];

export const RIGHT_LABELS: Readonly<Record<Right, LocalizedText>> = {
  access: { fr: "droit d'accès (art. 15)", en: "right of access (Art. 15)" },
  rectification: { fr: "droit de rectification (art. 16)", en: "right to rectification (Art. 16)" },
  erasure: { fr: "droit à l'effacement (art. 17)", en: "right to erasure (Art. 17)" },
  restriction: { fr: "droit à la limitation (art. 18)", en: "right to restriction (Art. 18)" },
  portability: { fr: "droit à la portabilité (art. 20)", en: "right to data portability (Art. 20)" },
  objection: { fr: "droit d'opposition (art. 21)", en: "right to object (Art. 21)" },
  automated_decision: {
    fr: "droit de ne pas faire l'objet d'une décision automatisée (art. 22)",
    en: "right not to be subject to automated decisions (Art. 22)",
  },
  post_mortem_directives: {
    fr: "directives relatives au sort des données après la mort (loi Informatique et Libertés, art. 85)",
    en: "directives on the fate of data after death (French Data Protection Act, Art. 85)",
  },
};

/** Post-mortem directives exist in French law only (loi n° 78-17, art. 85). */
export function isRightAvailable(right: Right, controllerCountry: string): boolean {
  return right !== "post_mortem_directives" || controllerCountry.toUpperCase() === "FR";
}

export const REQUEST_STATES = [
  "received",
  "forwarded", // the processor passed it on to the controller
  "identity_pending", // the controller asked for more to confirm who asks (Art. 12(6))
  "in_progress",
  "answered",
  "closed_unverified", // identity could not be confirmed
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const OUTCOMES = ["granted", "partially_granted", "refused", "no_data_held"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Receiver = "processor" | "controller";

export interface DataSubjectRequest {
  readonly id: string;
  readonly right: Right;
  readonly receivedBy: Receiver;
  /** When the receiver got it: the clock of its first duty starts here. */
  readonly receivedAt: number;
  readonly state: RequestState;
  /** When the controller has it (on receipt, or when the processor forwarded it). */
  readonly controllerReceivedAt: number | null;
  readonly extension: { readonly noticeSentAt: number; readonly reasons: string } | null;
  readonly outcome: { readonly kind: Outcome; readonly at: number; readonly reasons: string | null } | null;
}

/** A new request as its receiver records it. */
export function receiveRequest(options: {
  readonly id: string;
  readonly right: Right;
  readonly receivedBy: Receiver;
  readonly receivedAt: number;
  readonly controllerCountry: string;
}): DataSubjectRequest {
  if (!isRightAvailable(options.right, options.controllerCountry)) {
    throw invalidInput(
      {
        fr: "les directives post mortem relèvent du droit français (loi Informatique et Libertés, art. 85)",
        en: "post-mortem directives exist under French law only (French Data Protection Act, Art. 85)",
      },
      { argument: "right" },
    );
  }
  return {
    id: options.id,
    right: options.right,
    receivedBy: options.receivedBy,
    receivedAt: options.receivedAt,
    state: "received",
    controllerReceivedAt: options.receivedBy === "controller" ? options.receivedAt : null,
    extension: null,
    outcome: null,
  };
}

/** The processor forwards what it received, under the agreement's `dsr_forwarding_to_controller`. */
export function forwardingDuty(request: DataSubjectRequest, agreement: AgreementClock): ObligationDraft {
  if (request.receivedBy !== "processor") {
    throw conflict(
      "only a request received by the processor is forwarded",
      "seule une demande reçue par le sous-traitant se transmet",
    );
  }
  return {
    kind: "forward_request_to_controller",
    holderId: agreement.processorId,
    counterpartyId: agreement.controllerId,
    agreementId: agreement.agreementId,
    trigger: { type: "data_subject_request", id: request.id, at: request.receivedAt },
    // GDPR Art. 28(3)(e); 2021/915 Cl. 8: "promptly" where the agreement sets no delay.
    ...dueUnderAgreement(agreement, "dsr_forwarding_to_controller", request.receivedAt, {
      rule: "GDPR Art. 28(3)(e)",
      qualifier: "without_undue_delay",
    }),
    what: {
      fr: `transmettre au responsable de traitement la demande reçue (${RIGHT_LABELS[request.right].fr})`,
      en: `forward the request received to the controller (${RIGHT_LABELS[request.right].en})`,
    },
  };
}

/** GDPR Art. 12(3): one month after receipt, and three in all when extended. */
export const ANSWER_MONTHS = 1;
export const EXTENDED_ANSWER_MONTHS = 3;

/** The controller's answer, due one month after it received the request (GDPR Art. 12(3)). */
export function answerDuty(
  request: DataSubjectRequest,
  controllerId: string,
  calendar: Calendar,
): ObligationDraft {
  const receivedAt = controllerReceipt(request);
  const extended = request.extension !== null;
  const months = extended ? EXTENDED_ANSWER_MONTHS : ANSWER_MONTHS;
  return {
    kind: "answer_data_subject_request",
    holderId: controllerId,
    counterpartyId: null,
    agreementId: null,
    trigger: { type: "data_subject_request", id: request.id, at: receivedAt },
    ...dueUnderStatute(
      receivedAt,
      extended ? "GDPR Art. 12(3), extended" : "GDPR Art. 12(3)",
      { amount: months, unit: "months" },
      calendar,
    ),
    what: extended
      ? {
          fr: "répondre à la personne dans le délai prolongé de deux mois (RGPD art. 12(3))",
          en: "answer the person within the period extended by two months (GDPR Art. 12(3))",
        }
      : {
          fr: "répondre à la personne dans le mois suivant la réception (RGPD art. 12(3))",
          en: "answer the person within one month of receipt (GDPR Art. 12(3))",
        },
  };
}

/** The processor's help to the controller, asked at `askedAt`, under the agreement's `dsr_assistance`. */
export function assistanceDuty(
  request: DataSubjectRequest,
  agreement: AgreementClock,
  askedAt: number,
): ObligationDraft {
  return {
    kind: "assist_with_data_subject_request",
    holderId: agreement.processorId,
    counterpartyId: agreement.controllerId,
    agreementId: agreement.agreementId,
    trigger: { type: "assistance_request", id: request.id, at: askedAt },
    ...dueUnderAgreement(agreement, "dsr_assistance", askedAt, {
      rule: "GDPR Art. 28(3)(e)",
      qualifier: "without_undue_delay",
    }),
    what: {
      fr: "fournir au responsable de traitement ce qu'il faut pour répondre à la demande (RGPD art. 28(3)(e))",
      en: "supply the controller with what it needs to answer the request (GDPR Art. 28(3)(e))",
    },
  };
}

export type RequestEvent =
  | { readonly type: "forward"; readonly at: number }
  | { readonly type: "request_identity"; readonly at: number }
  | { readonly type: "identity_checked"; readonly at: number; readonly confirmed: boolean }
  | { readonly type: "start"; readonly at: number }
  | { readonly type: "extend"; readonly at: number; readonly reasons: string; readonly calendar: Calendar }
  | { readonly type: "answer"; readonly at: number; readonly outcome: Outcome; readonly reasons?: string };

/** The next state of a request, or a `conflict` error naming why the event cannot happen now. */
export function applyRequestEvent(request: DataSubjectRequest, event: RequestEvent): DataSubjectRequest {
  const ended = request.state === "answered" || request.state === "closed_unverified";
  if (ended) throw conflict("the request is already closed", "la demande est déjà close");
  switch (event.type) {
    case "forward":
      if (request.receivedBy !== "processor" || request.state !== "received")
        throw conflict(
          "only a request the processor received and still holds is forwarded",
          "seule une demande reçue et détenue par le sous-traitant se transmet",
        );
      return { ...request, state: "forwarded", controllerReceivedAt: event.at };
    case "request_identity":
      requireAtController(request);
      return { ...request, state: "identity_pending" };
    case "identity_checked":
      if (request.state !== "identity_pending")
        throw conflict("no identity check is pending", "aucune vérification d'identité n'est en cours");
      return event.confirmed
        ? { ...request, state: "in_progress" }
        : {
            ...request,
            state: "closed_unverified",
            outcome: { kind: "refused", at: event.at, reasons: "identity not confirmed (GDPR Art. 12(6))" },
          };
    case "start":
      requireAtController(request);
      if (request.state === "identity_pending")
        throw conflict("the identity check is still pending", "la vérification d'identité est en cours");
      return { ...request, state: "in_progress" };
    case "extend": {
      requireAtController(request);
      if (request.extension)
        throw conflict("the period was already extended", "le délai a déjà été prolongé");
      if (event.reasons.trim() === "")
        throw invalidInput(
          {
            fr: "la prolongation doit être motivée (art. 12(3))",
            en: "an extension needs its reasons (Art. 12(3))",
          },
          { argument: "reasons" },
        );
      // Art. 12(3): the person is told of the extension, with reasons, within the first month.
      const firstMonthEnds = dueUnderStatute(
        controllerReceipt(request),
        "GDPR Art. 12(3)",
        { amount: ANSWER_MONTHS, unit: "months" },
        event.calendar,
      ).due;
      if (event.at >= firstMonthEnds) {
        throw conflict(
          "the extension notice must reach the person before the first month ends (Art. 12(3))",
          "l'avis de prolongation doit être envoyé avant la fin du premier mois (art. 12(3))",
        );
      }
      return { ...request, extension: { noticeSentAt: event.at, reasons: event.reasons.trim() } };
    }
    case "answer": {
      requireAtController(request);
      if (request.state === "identity_pending")
        throw conflict("the identity check is still pending", "la vérification d'identité est en cours");
      const reasons = event.reasons?.trim() || null;
      if ((event.outcome === "refused" || event.outcome === "partially_granted") && reasons === null) {
        // Art. 12(4): a refusal states its reasons and the remedies open to the person.
        throw invalidInput(
          { fr: "un refus doit être motivé (art. 12(4))", en: "a refusal needs its reasons (Art. 12(4))" },
          { argument: "reasons" },
        );
      }
      return { ...request, state: "answered", outcome: { kind: event.outcome, at: event.at, reasons } };
    }
  }
}

function controllerReceipt(request: DataSubjectRequest): number {
  if (request.controllerReceivedAt === null) {
    throw conflict(
      "the controller has not received this request yet",
      "le responsable de traitement n'a pas encore reçu cette demande",
    );
  }
  return request.controllerReceivedAt;
}

function requireAtController(request: DataSubjectRequest): void {
  controllerReceipt(request);
}

function conflict(en: string, fr: string): Art28Error {
  return new Art28Error("conflict", { fr, en });
}
