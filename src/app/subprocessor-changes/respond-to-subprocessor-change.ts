// Use case: a controller answers a sub-processor change under one agreement — approves it, or objects with
// reasons — inside its window (GDPR Art. 28(2)). An approval settles at once; an objection settles when the
// window closes, unless an approval withdraws it first.

import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { answerObjectionWindow, settleObjectionWindow } from "../../domain/subprocessor-change.js";
import type { StoredWindow } from "../../store/subprocessor-change-repository.js";
import { SIDE } from "../access/access.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { findAgreement, findSubprocessorChange } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newTimeOrderedId } from "../register/unit-of-work.js";
import { applySettlement } from "./settle-subprocessor-windows.js";

export interface RespondToSubprocessorChangeOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The change's id or its first characters. */
    readonly change: string;
    /** The agreement under which the controller answers (id or its first characters). */
    readonly agreement: string;
    readonly answer: "approve" | "object";
    readonly reasons?: string | null;
  };
  readonly now: number;
}

export interface SubprocessorChangeAnswer {
  readonly window: StoredWindow;
  readonly answer: "approve" | "object";
  readonly settled: boolean;
}

export async function respondToSubprocessorChange({
  register,
  principal,
  input,
  now,
}: RespondToSubprocessorChangeOptions): Promise<SubprocessorChangeAnswer> {
  if (input.answer !== "approve" && input.answer !== "object") {
    throw new Art28Error(
      "invalid_input",
      { fr: `réponse inconnue « ${input.answer} »`, en: `unknown answer "${input.answer}"` },
      { argument: "answer", accepted: { fr: "approve, object", en: "approve, object" } },
    );
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const change = await findSubprocessorChange(unit, input.change);
    const agreement = await findAgreement(unit, input.agreement);
    const window = (await unit.subprocessorChanges.windowsOfChange(change.id)).find(
      (w) => w.agreementId === agreement.id,
    );
    if (!window) {
      throw new Art28Error(
        "not_found",
        {
          fr: "ce changement n'ouvre pas de fenêtre d'opposition sous cet accord",
          en: "this change opens no objection window under this agreement",
        },
        { argument: "agreement" },
      );
    }
    unit.access.actFor(window.controllerId, SIDE.controller);
    if (window.status !== "open") {
      throw new Art28Error("conflict", {
        fr: `la fenêtre d'opposition est déjà réglée (${window.status})`,
        en: `the objection window is already settled (${window.status})`,
      });
    }
    const response = answerObjectionWindow(window, { kind: input.answer, at: now, reasons: input.reasons });
    await unit.subprocessorChanges.insertResponse(
      { ...response, id: newTimeOrderedId(), windowId: window.id, by: principal.id },
      now,
    );
    unit.record({
      type: "subprocessor_change.answered",
      payload: {
        v: 1,
        changeId: change.id,
        windowId: window.id,
        agreementId: agreement.id,
        answer: response.kind,
        reasons: response.reasons,
        at: response.at,
      },
    });
    if (window.obligationId) {
      const obligation = await unit.obligations.byId(window.obligationId);
      if (obligation && (obligation.status === "open" || obligation.status === "late")) {
        const note = response.kind === "approve" ? "approved" : `objected: ${response.reasons ?? ""}`;
        await settleObligation(unit, obligation, "done", { note, at: now, by: principal.id });
      }
    }
    const responses = await unit.subprocessorChanges.responsesTo([window.id]);
    const settlement = settleObjectionWindow(window, responses, now);
    const settled = await applySettlement(unit, window, settlement);
    const current = settled
      ? {
          ...window,
          status: settled.status,
          settledAt: settled.settledAt,
          consequence: settlement.consequence,
        }
      : window;
    return { window: current, answer: response.kind, settled: settled !== null };
  });
  return result;
}
