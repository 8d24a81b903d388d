// Use case: a party ends an agreement — ordinarily, not before termination_notice has run, or for cause with its
// grounds — and the agreement moves to terminated with its last day in force.

import { renderWorkflowStepEmail } from "../../documents/email/workflow-step-email.js";
import { type TerminationKind, terminate } from "../../domain/end-of-contract.js";
import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredTermination } from "../../store/termination-repository.js";
import { setAgreementStatus } from "../agreements/change-agreement-status.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { type NoticeDelivery, notifyOrganisations } from "../outbox/notify-organisations.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId } from "../register/unit-of-work.js";

export interface TerminateAgreementOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    readonly kind: string;
    /** The party ending it (name, id…). */
    readonly by: string;
    /** The end asked for, as an instant; default: the earliest the notice allows (ordinary) or now (for cause). */
    readonly end?: number;
    readonly grounds?: string;
  };
  readonly now: number;
}

export async function terminateAgreement({
  register,
  principal,
  input,
  now,
}: TerminateAgreementOptions): Promise<
  StoredTermination & { readonly delivery: NoticeDelivery; readonly timeZone: string }
> {
  if (input.kind !== "ordinary" && input.kind !== "for_cause") {
    throw invalidInput(
      { fr: `type de résiliation inconnu « ${input.kind} »`, en: `unknown termination kind "${input.kind}"` },
      { argument: "kind", accepted: { fr: "ordinary, for_cause", en: "ordinary, for_cause" } },
    );
  }
  const kind: TerminationKind = input.kind;
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    const sides = await agreementSidesOf(unit, agreement);
    const by = await findOrganisation(unit, input.by, "by");
    const ended = terminate(sides.clock, {
      kind,
      by: by.id,
      noticeGivenAt: now,
      ...(input.end !== undefined ? { requestedEnd: input.end } : {}),
      ...(input.grounds !== undefined ? { grounds: input.grounds } : {}),
    });
    const termination: StoredTermination = {
      ...ended,
      id: newId(),
      agreementId: agreement.id,
      choice: null,
      chosenAt: null,
      subprocessorDuties: [],
    };
    await unit.terminations.insert(termination, now);
    // The last day in force is the local day holding the instant just before the end.
    const calendar = sides.clock.calendar;
    const endsOn = calendar.localDayOf(Math.max(ended.endsAt - 1, ended.noticeGivenAt));
    await setAgreementStatus(unit, agreement, "terminated", { endsOn });
    unit.record({
      type: "agreement.terminated",
      payload: {
        v: 1,
        agreementId: agreement.id,
        terminationId: termination.id,
        kind,
        by: by.id,
        endsAt: ended.endsAt,
        grounds: ended.grounds,
      },
    });
    // The other party is told: the controller must then choose return or deletion (GDPR Art. 28(3)(g)).
    const other = by.id === sides.controller.id ? sides.processor : sides.controller;
    const zone = calendar.timeZone;
    const delivery = await notifyOrganisations(unit, [
      {
        organisationId: other.id,
        key: `end.${termination.id}.terminated`,
        kind: "end_of_service.terminated",
        render: (lang) =>
          renderWorkflowStepEmail(
            {
              title: { fr: "Résiliation de l'accord", en: "Agreement terminated" },
              paragraphs: [
                {
                  fr: `${by.name} met fin à l'accord${kind === "for_cause" ? ` pour motif grave : ${ended.grounds ?? ""}` : ""}.`,
                  en: `${by.name} ends the agreement${kind === "for_cause" ? ` for cause: ${ended.grounds ?? ""}` : ""}.`,
                },
                {
                  fr: "Le responsable de traitement choisit la restitution ou la suppression des données (RGPD art. 28(3)(g)) : art28 end choose.",
                  en: "The controller chooses return or deletion of the data (GDPR Art. 28(3)(g)): art28 end choose.",
                },
              ],
              agreement: agreement.title,
              instants: [
                { label: { fr: "Fin de l'accord", en: "End of the agreement" }, at: ended.endsAt, due: true },
              ],
              timeZone: zone,
            },
            lang,
          ),
        webhook: {
          event: "end_of_service.terminated",
          payload: {
            agreementId: agreement.id,
            terminationId: termination.id,
            kind,
            by: by.id,
            endsAt: ended.endsAt,
          },
        },
        from: by.id,
        about: { fr: "l'avis de résiliation", en: "the notice of termination" },
        agreementId: agreement.id,
        rule: "GDPR Art. 28(3)(g)",
      },
    ]);
    return { ...termination, delivery, timeZone: zone };
  });
  return result;
}
