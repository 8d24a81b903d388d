// The controller's documented instructions (GDPR Art. 28(3)(a)) and the processor's right to contest one (Art. 28(3) in fine).

import type { AgreementClock } from "./agreement-clock.js";
import { Art28Error, invalidInput } from "./error.js";
import {
  DEFAULT_QUALIFIER_INTERPRETATION,
  dueUnderStatuteQualifier,
  type ObligationDraft,
} from "./obligation.js";

/** How the instruction was documented; an oral instruction is not one (Art. 28(3)(a); EDPB 07/2020 para 114). */
export const INSTRUCTION_CHANNELS = ["agreement", "letter", "email", "platform"] as const;
export type InstructionChannel = (typeof INSTRUCTION_CHANNELS)[number];

export type InstructionStatus = "in_force" | "suspended" | "withdrawn" | "maintained";

export interface Instruction {
  readonly id: string;
  readonly agreementId: string;
  readonly controllerId: string;
  readonly processorId: string;
  readonly givenAt: number;
  readonly channel: InstructionChannel;
  readonly text: string;
  readonly status: InstructionStatus;
  readonly contest: { readonly at: number; readonly grounds: string } | null;
  readonly answer: {
    readonly at: number;
    readonly decision: "withdraw" | "amend" | "maintain";
    readonly reasons: string;
  } | null;
}

export function recordInstruction(input: Omit<Instruction, "status" | "contest" | "answer">): Instruction {
  if (input.text.trim() === "") {
    throw invalidInput(
      { fr: "une instruction a un contenu", en: "an instruction has content" },
      { argument: "text" },
    );
  }
  return { ...input, text: input.text.trim(), status: "in_force", contest: null, answer: null };
}

/** Only an instruction in force binds the processor. */
export function isBinding(instruction: Instruction): boolean {
  return instruction.status === "in_force";
}

/**
 * The processor tells the controller an instruction infringes the law (Art. 28(3), last subparagraph; 2021/915
 * Cl. 7.1): the instruction is suspended and the controller owes an answer, read as "without undue delay".
 */
export function contestInstruction(
  instruction: Instruction,
  contest: { readonly at: number; readonly grounds: string },
  agreement: AgreementClock,
): { instruction: Instruction; answerDuty: ObligationDraft } {
  if (instruction.status !== "in_force") {
    throw new Art28Error("conflict", {
      fr: "seule une instruction en vigueur peut être contestée",
      en: "only an instruction in force can be contested",
    });
  }
  const grounds = contest.grounds.trim();
  if (grounds === "") {
    throw invalidInput(
      {
        fr: "la contestation doit dire la règle enfreinte",
        en: "the contest must say which rule is infringed",
      },
      { argument: "grounds" },
    );
  }
  if (contest.at < instruction.givenAt) {
    throw invalidInput({
      fr: "une contestation ne peut précéder l'instruction",
      en: "a contest cannot precede the instruction",
    });
  }
  const due = dueUnderStatuteQualifier(
    contest.at,
    "GDPR Art. 28(3), last subparagraph",
    "without_undue_delay",
    agreement.calendar,
    agreement.interpretation ?? DEFAULT_QUALIFIER_INTERPRETATION,
  );
  return {
    instruction: { ...instruction, status: "suspended", contest: { at: contest.at, grounds } },
    answerDuty: {
      kind: "answer_contested_instruction",
      holderId: instruction.controllerId,
      counterpartyId: instruction.processorId,
      agreementId: instruction.agreementId,
      trigger: { type: "instruction_contested", id: instruction.id, at: contest.at },
      ...due,
      what: {
        fr: "répondre au sous-traitant qui estime l'instruction contraire au droit : la retirer, la modifier ou la maintenir",
        en: "answer the processor that considers the instruction unlawful: withdraw, amend or maintain it",
      },
    },
  };
}

/**
 * The controller's answer. Withdrawn: it ends. Amended: the new text is in force. Maintained: it stays
 * suspended on the processor's side, which may refuse it and, under 2021/915 Cl. 10(d), terminate.
 */
export function answerContestedInstruction(
  instruction: Instruction,
  answer: {
    readonly at: number;
    readonly decision: "withdraw" | "amend" | "maintain";
    readonly reasons: string;
    readonly newText?: string;
  },
): Instruction {
  if (instruction.status !== "suspended" || instruction.contest === null) {
    throw new Art28Error("conflict", {
      fr: "cette instruction n'est pas contestée",
      en: "this instruction is not contested",
    });
  }
  if (answer.at < instruction.contest.at) {
    throw invalidInput({ fr: "la réponse précède la contestation", en: "the answer precedes the contest" });
  }
  const reasons = answer.reasons.trim();
  const recorded = { at: answer.at, decision: answer.decision, reasons };
  switch (answer.decision) {
    case "withdraw":
      return { ...instruction, status: "withdrawn", answer: recorded };
    case "amend": {
      const text = answer.newText?.trim() ?? "";
      if (text === "" || text === instruction.text) {
        throw invalidInput(
          { fr: "une modification donne le nouveau texte", en: "an amendment gives the new text" },
          { argument: "text" },
        );
      }
      return { ...instruction, text, status: "in_force", answer: recorded };
    }
    case "maintain":
      if (reasons === "") {
        throw invalidInput(
          {
            fr: "maintenir une instruction contestée se motive",
            en: "maintaining a contested instruction needs reasons",
          },
          { argument: "reasons" },
        );
      }
      return { ...instruction, status: "maintained", answer: recorded };
  }
}
