// Use case: the sweep that settles every objection window whose end has come, agreement by agreement, by what
// its controller answered or what its silence means (GDPR Art. 28(2)); run it as often as you like.

import type { Agreement } from "../../domain/agreement.js";
import type { Principal } from "../../domain/principal.js";
import { type Settlement, settleObjectionWindow } from "../../domain/subprocessor-change.js";
import {
  type SubprocessorUse,
  subprocessorNameKey,
  useStartFromSettlement,
} from "../../domain/subprocessor-use.js";
import type { StoredWindow } from "../../store/subprocessor-change-repository.js";
import { settleObligation } from "../obligations/close-obligation.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newTimeOrderedId, type UnitOfWork } from "../register/unit-of-work.js";

export interface SettleSubprocessorWindowsOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input?: {
    /** Windows settled per transaction (default 2,000); the sweep goes on until none is due. */
    readonly batch?: number;
  };
  readonly now: number;
}

export interface SettledWindow {
  readonly windowId: string;
  readonly changeId: string;
  readonly agreementId: string;
  readonly controllerId: string;
  readonly status: Settlement["status"];
  readonly settledAt: number;
  readonly mayUse: boolean;
}

export async function settleSubprocessorWindows({
  register,
  principal,
  input = {},
  now,
}: SettleSubprocessorWindowsOptions): Promise<SettledWindow[]> {
  const batch = input.batch ?? 2_000;
  const settled: SettledWindow[] = [];
  for (;;) {
    const { result } = await inTransaction(register, principal, now, async (unit) => {
      unit.access.requireOperator({ fr: "fenêtres d'objection", en: "objection windows" });
      const due = await unit.subprocessorChanges.windowsToSettle(now, batch);
      const responses = await unit.subprocessorChanges.responsesTo(due.map((w) => w.id));
      const done: SettledWindow[] = [];
      for (const window of due) {
        const settlement = settleObjectionWindow(
          window,
          responses.filter((r) => r.windowId === window.id),
          now,
        );
        const stored = await applySettlement(unit, window, settlement);
        if (stored) done.push(stored);
      }
      return { done, more: due.length === batch };
    });
    settled.push(...result.done);
    if (!result.more) return settled;
  }
}

/**
 * Stores a window's final settlement: its status, the use it lets in (from the instant it settled, never earlier),
 * the replaced sub-processor's end, the controller's decision duty closed, and the journal event. Returns null
 * while the outcome is not final yet.
 */
export async function applySettlement(
  unit: UnitOfWork,
  window: StoredWindow,
  settlement: Settlement,
): Promise<SettledWindow | null> {
  if (settlement.settledAt === null || settlement.status === "open") return null;
  const updated: StoredWindow = {
    ...window,
    status: settlement.status,
    settledAt: settlement.settledAt,
    consequence: settlement.consequence,
  };
  if (!(await unit.subprocessorChanges.saveSettlement(updated))) return null;
  const change = await unit.subprocessorChanges.changeById(window.changeId);
  if (settlement.mayUse && change) {
    const from = useStartFromSettlement(settlement);
    const agreement = await unit.agreements.byId(window.agreementId);
    if (agreement && change.replaces) {
      const uses = await unit.subprocessorChanges.usesOfAgreements([agreement.id]);
      await endSubprocessorUse(unit, agreement, uses, change.replaces, from);
    }
    const s = change.subprocessor;
    await unit.subprocessorChanges.insertUses(
      [
        {
          id: newTimeOrderedId(),
          agreementId: window.agreementId,
          processorId: window.processorId,
          changeId: change.id,
          name: s.name,
          siret: s.siret,
          activity: s.activity,
          location: s.location,
          transferMechanism: s.transferMechanism,
          from,
          until: null,
        },
      ],
      unit.now,
    );
  }
  if (window.obligationId) {
    const obligation = await unit.obligations.byId(window.obligationId);
    if (obligation && (obligation.status === "open" || obligation.status === "late")) {
      // The controller may stay silent: its silence has the meaning the agreement gives it, so the duty lapses.
      await settleObligation(unit, obligation, "waived", {
        note: `window settled: ${settlement.status}`,
        at: unit.now,
        by: unit.principal.id,
      });
    }
  }
  unit.record({
    type: "subprocessor_change.settled",
    payload: {
      v: 1,
      changeId: window.changeId,
      windowId: window.id,
      agreementId: window.agreementId,
      status: settlement.status,
      settledAt: settlement.settledAt,
      mayUse: settlement.mayUse,
      remedy: settlement.status === "objected" ? window.onObjection : null,
    },
  });
  return {
    windowId: window.id,
    changeId: window.changeId,
    agreementId: window.agreementId,
    controllerId: window.controllerId,
    status: settlement.status,
    settledAt: settlement.settledAt,
    mayUse: settlement.mayUse,
  };
}

/** Ends a sub-processor's use under one agreement: the row that let it in, or the agreement's own listing. */
export async function endSubprocessorUse(
  unit: UnitOfWork,
  agreement: Agreement,
  uses: readonly SubprocessorUse[],
  name: string,
  at: number,
): Promise<void> {
  const key = subprocessorNameKey(name);
  const open = uses.filter(
    (u) => subprocessorNameKey(u.name) === key && u.until === null && u.agreementId === agreement.id,
  );
  for (const u of open) await unit.subprocessorChanges.endUse(u.id, at);
  const listed = agreement.subprocessors.find((s) => subprocessorNameKey(s.name) === key);
  if (listed && !open.some((u) => u.from === null)) {
    await unit.subprocessorChanges.insertUses(
      [
        {
          id: newTimeOrderedId(),
          agreementId: agreement.id,
          processorId: uses[0]?.processorId ?? processorOf(agreement),
          changeId: null,
          name: listed.name,
          siret: listed.siret,
          activity: listed.activity,
          location: listed.location,
          transferMechanism: listed.transferMechanism,
          from: null,
          until: at,
        },
      ],
      unit.now,
    );
  }
}

function processorOf(agreement: Agreement): string {
  return agreement.parties.find((p) => p.role === "processor")?.organisationId ?? "";
}
