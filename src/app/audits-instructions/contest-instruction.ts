// Use case: the processor tells the controller an instruction infringes the law (GDPR Art. 28(3), last
// subparagraph): the instruction is suspended and the controller owes an answer.

import { renderWorkflowStepEmail } from "../../documents/email/workflow-step-email.js";
import { Art28Error } from "../../domain/error.js";
import { contestInstruction as contest } from "../../domain/instruction.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredInstruction } from "../../store/instruction-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { type NoticeDelivery, notifyOrganisations } from "../outbox/notify-organisations.js";
import { findInstruction } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface ContestInstructionOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly instruction: string; readonly grounds: string };
  readonly now: number;
}

export async function contestInstruction({
  register,
  principal,
  input,
  now,
}: ContestInstructionOptions): Promise<StoredInstruction & { readonly delivery: NoticeDelivery }> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const instruction = await findInstruction(unit, input.instruction);
    const agreement = await unit.agreements.byId(instruction.agreementId);
    if (!agreement)
      throw new Art28Error("not_found", { fr: "accord introuvable", en: "agreement not found" });
    const sides = await agreementSidesOf(unit, agreement);
    unit.access.actFor(sides.processor.id, SIDE.processor);
    const contested = contest(instruction, { at: now, grounds: input.grounds }, sides.clock);
    const [duty] = await recordObligations(unit, [contested.answerDuty]);
    const stored: StoredInstruction = { ...contested.instruction, answerObligationId: duty?.id ?? null };
    await unit.instructions.save(stored, now);
    unit.record({
      type: "instruction.contested",
      payload: {
        v: 1,
        instructionId: stored.id,
        agreementId: stored.agreementId,
        grounds: stored.contest?.grounds ?? "",
        at: now,
      },
    });
    // The controller is told at once that its instruction is suspended and that it owes an answer.
    const delivery = await notifyOrganisations(unit, [
      {
        organisationId: sides.controller.id,
        key: `instruction.${stored.id}.contested`,
        kind: "instruction.contested",
        render: (lang) =>
          renderWorkflowStepEmail(
            {
              title: { fr: "Instruction contestée", en: "Instruction contested" },
              paragraphs: [
                {
                  fr: `${sides.processor.name} estime que votre instruction enfreint le droit de la protection des données et la suspend (RGPD art. 28(3), dernier alinéa). Motifs : ${input.grounds}`,
                  en: `${sides.processor.name} considers that your instruction infringes data-protection law and suspends it (GDPR Art. 28(3), last subparagraph). Grounds: ${input.grounds}`,
                },
                {
                  fr: "Répondez-lui : maintenir, modifier ou retirer l'instruction (art28 instruction answer).",
                  en: "Answer it: uphold, amend or withdraw the instruction (art28 instruction answer).",
                },
              ],
              agreement: agreement.title,
              ...(duty
                ? {
                    instants: [
                      { label: { fr: "Votre réponse", en: "Your answer" }, at: duty.due, due: true },
                    ],
                  }
                : {}),
              facts: [{ label: { fr: "Référence", en: "Reference" }, value: stored.id }],
              timeZone: sides.clock.calendar.timeZone,
            },
            lang,
          ),
        webhook: {
          event: "instruction.contested",
          payload: {
            instructionId: stored.id,
            agreementId: stored.agreementId,
            answerDue: duty?.due ?? null,
          },
        },
        from: sides.processor.id,
        about: { fr: "la contestation de l'instruction", en: "the contest of the instruction" },
        agreementId: agreement.id,
        rule: "GDPR Art. 28(3)",
      },
    ]);
    return { ...stored, delivery };
  });
  return result;
}
