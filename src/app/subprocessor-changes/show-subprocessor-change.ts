// Use case: one sub-processor change, with each agreement's window: its controller, when it closes, what silence
// means there, and how it was settled.

import type { LocalizedText } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { SettlementStatus, SubprocessorChange } from "../../domain/subprocessor-change.js";
import type { ObjectionSilence } from "../../domain/terms.js";
import type { StoredResponse } from "../../store/subprocessor-change-repository.js";
import { findSubprocessorChange } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface WindowDetail {
  readonly agreement: { readonly id: string; readonly title: string };
  readonly controller: { readonly id: string; readonly name: string };
  readonly status: SettlementStatus;
  readonly closesAt: number;
  readonly silence: ObjectionSilence;
  readonly approvalRequired: boolean;
  readonly settledAt: number | null;
  /** The controller's last answer, if any: an objection keeps the window open until it closes. */
  readonly answer: {
    readonly kind: "approve" | "object";
    readonly at: number;
    readonly reasons: string | null;
    readonly by: string;
  } | null;
  /** Why the agreement blocks the change, or what its settlement opened. */
  readonly note: LocalizedText | null;
}

export interface ChangeDetail {
  readonly change: SubprocessorChange;
  readonly processor: { readonly id: string; readonly name: string };
  /** By closing instant, the first to close first. */
  readonly windows: readonly WindowDetail[];
}

export interface ShowSubprocessorChangeOptions {
  readonly register: Register;
  readonly principal: Principal;
  /** The change's id, or its first characters (at least 6). */
  readonly input: { readonly change: string };
}

export async function showSubprocessorChange({
  register,
  principal,
  input,
}: ShowSubprocessorChangeOptions): Promise<ChangeDetail> {
  const repositories = reader(register, principal);
  const change = await findSubprocessorChange(repositories, input.change);
  // The processor sees every window; a controller sees the windows on its own agreements only.
  const windows = await repositories.access.filter(
    await repositories.subprocessorChanges.windowsOfChange(change.id),
    (w) => ({ organisations: [change.processorId, w.controllerId], agreements: [w.agreementId] }),
  );
  // Responses come oldest first: the last one set per window is the answer that stands.
  const answers = new Map(
    (await repositories.subprocessorChanges.responsesTo(windows.map((w) => w.id))).map((r) => [
      r.windowId,
      r,
    ]),
  );
  const organisations = await repositories.organisations.byIds([
    change.processorId,
    ...new Set(windows.map((w) => w.controllerId)),
  ]);
  const agreements = new Map(
    (await repositories.agreements.list({ organisationId: change.processorId, roles: ["processor"] })).map(
      (a) => [a.id, a],
    ),
  );
  return {
    change,
    processor: { id: change.processorId, name: organisations.get(change.processorId)?.name ?? "?" },
    windows: windows.map((w) => ({
      agreement: { id: w.agreementId, title: agreements.get(w.agreementId)?.title ?? "?" },
      controller: { id: w.controllerId, name: organisations.get(w.controllerId)?.name ?? "?" },
      status: w.status,
      closesAt: w.closesAt,
      silence: w.silence,
      approvalRequired: w.approvalRequired,
      settledAt: w.settledAt,
      answer: answerOf(answers.get(w.id)),
      note: w.blocked ?? w.consequence,
    })),
  };
}

function answerOf(response: StoredResponse | undefined): WindowDetail["answer"] {
  return response
    ? { kind: response.kind, at: response.at, reasons: response.reasons, by: response.by }
    : null;
}
