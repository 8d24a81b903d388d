// Use case: the controller chooses return or deletion of its data at the end of the service (GDPR Art. 28(3)(g)):
// the processor's duties under deletion_after_termination and backup_deletion, and one per sub-processor in use.

import { renderWorkflowStepEmail } from "../../documents/email/workflow-step-email.js";
import { type EndChoice, endOfServiceDuties } from "../../domain/end-of-contract.js";
import { Art28Error, invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { subprocessorsInUse } from "../../domain/subprocessor-use.js";
import type { Repositories } from "../../store/repositories.js";
import type { StoredTermination } from "../../store/termination-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { type NoticeDelivery, notifyOrganisations } from "../outbox/notify-organisations.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface ChooseReturnOrDeletionOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly agreement: string; readonly choice: string };
  readonly now: number;
}

export async function chooseReturnOrDeletion({
  register,
  principal,
  input,
  now,
}: ChooseReturnOrDeletionOptions): Promise<StoredTermination & { readonly delivery: NoticeDelivery }> {
  if (input.choice !== "deletion" && input.choice !== "return") {
    throw invalidInput(
      { fr: `choix inconnu « ${input.choice} »`, en: `unknown choice "${input.choice}"` },
      { argument: "choice", accepted: { fr: "deletion, return", en: "deletion, return" } },
    );
  }
  const choice: EndChoice = input.choice;
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    const termination = await terminationOf(unit, agreement.id);
    if (termination.choice !== null) {
      throw new Art28Error("conflict", {
        fr: `le choix est déjà fait : ${termination.choice}`,
        en: `the choice is already made: ${termination.choice}`,
      });
    }
    const sides = await agreementSidesOf(unit, agreement);
    unit.access.actFor(sides.controller.id, SIDE.controller);
    const uses = await unit.subprocessorChanges.usesOfAgreements([agreement.id]);
    const subprocessors = subprocessorsInUse(agreement.subprocessors, uses, termination.endsAt).map((s) => ({
      id: s.changeId ?? s.name,
      name: s.name,
    }));
    const duties = endOfServiceDuties(sides.clock, termination, choice, subprocessors);
    const obligations = await recordObligations(unit, duties.obligations);
    const subprocessorDuties = subprocessors.map((s) => {
      const index = duties.obligations.indexOf(
        duties.bySubprocessor.get(s.id) as (typeof duties.obligations)[number],
      );
      return { subprocessorId: s.id, name: s.name, obligationId: obligations[index]?.id as string };
    });
    const chosen: StoredTermination = { ...termination, choice, chosenAt: now, subprocessorDuties };
    await unit.terminations.saveChoice(chosen);
    unit.record({
      type: "end_of_service.chosen",
      payload: { v: 1, agreementId: agreement.id, terminationId: termination.id, choice },
    });
    // The processor is told what to do with the data, and by when (GDPR Art. 28(3)(g)).
    const zone = sides.clock.calendar.timeZone;
    const delivery = await notifyOrganisations(unit, [
      {
        organisationId: sides.processor.id,
        key: `end.${termination.id}.chosen`,
        kind: "end_of_service.chosen",
        render: (lang) =>
          renderWorkflowStepEmail(
            {
              title:
                choice === "deletion"
                  ? { fr: "Suppression des données demandée", en: "Deletion of the data requested" }
                  : { fr: "Restitution des données demandée", en: "Return of the data requested" },
              paragraphs: [
                choice === "deletion"
                  ? {
                      fr: `${sides.controller.name} choisit la suppression de toutes ses données, copies et sauvegardes comprises, puis un certificat (RGPD art. 28(3)(g)).`,
                      en: `${sides.controller.name} chooses deletion of all its data, copies and backups included, then a certificate (GDPR Art. 28(3)(g)).`,
                    }
                  : {
                      fr: `${sides.controller.name} choisit la restitution de toutes ses données, puis la suppression des copies (RGPD art. 28(3)(g)).`,
                      en: `${sides.controller.name} chooses return of all its data, then deletion of the copies (GDPR Art. 28(3)(g)).`,
                    },
              ],
              agreement: agreement.title,
              instants: obligations.map((o) => ({ label: o.what, at: o.due, due: true })),
              timeZone: zone,
            },
            lang,
          ),
        webhook: {
          event: "end_of_service.chosen",
          payload: {
            agreementId: agreement.id,
            terminationId: termination.id,
            choice,
            duties: obligations.map((o) => ({ id: o.id, kind: o.kind, due: o.due })),
          },
        },
        from: sides.controller.id,
        about: { fr: "le choix de fin de service", en: "the end-of-service choice" },
        agreementId: agreement.id,
        rule: "GDPR Art. 28(3)(g)",
      },
    ]);
    return { ...chosen, delivery };
  });
  return result;
}

export async function terminationOf(
  repositories: Repositories,
  agreementId: string,
): Promise<StoredTermination> {
  const termination = await repositories.terminations.ofAgreement(agreementId);
  if (!termination) {
    throw new Art28Error("conflict", {
      fr: "cet accord n'est pas résilié : résiliez-le d'abord (art28 end terminate)",
      en: "this agreement is not terminated: terminate it first (art28 end terminate)",
    });
  }
  return termination;
}
