// Use case: close a pending obligation as done (with its evidence) or waived (with the reason).

import { calendarFor } from "../../domain/calendar.js";
import { Art28Error, invalidInput } from "../../domain/error.js";
import { closeObligation as close, type Evidence, type Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import { occurrenceAfter, occurrenceOf } from "../../domain/recurring-duty.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, type UnitOfWork } from "../register/unit-of-work.js";
import { recordObligations } from "./record-obligations.js";

export interface CloseObligationOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly id: string;
    readonly outcome: "done" | "waived";
    readonly note: string;
    /** sha256 of an attached document, when there is one. */
    readonly sha256?: string;
  };
  readonly now: number;
}

export async function closeObligation({
  register,
  principal,
  input,
  now,
}: CloseObligationOptions): Promise<Obligation> {
  if (input.note.trim().length === 0) {
    throw invalidInput(
      {
        fr: "clore une obligation demande une preuve ou une raison",
        en: "closing an obligation needs evidence or a reason",
      },
      { argument: "note" },
    );
  }
  if (input.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(input.sha256)) {
    throw invalidInput({ fr: "empreinte sha256 invalide", en: "invalid sha256" }, { argument: "sha256" });
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const missing = () =>
      new Art28Error(
        "not_found",
        { fr: `obligation « ${input.id} » introuvable`, en: `obligation "${input.id}" not found` },
        { argument: "id" },
      );
    const obligation = await unit.obligations.byId(input.id);
    if (!obligation) throw missing();
    // Its holder discharges a duty: the counterparty may read it, not close it.
    const concerns = {
      organisations: [obligation.holderId, obligation.counterpartyId],
      agreements: [obligation.agreementId],
    };
    await unit.access.require(concerns, "read", missing);
    unit.access.actFor(obligation.holderId, { fr: "son titulaire", en: "its holder" });
    return settleObligation(unit, obligation, input.outcome, {
      note: input.note.trim(),
      ...(input.sha256 ? { sha256: input.sha256 } : {}),
      at: now,
      by: principal.id,
    });
  });
  return result;
}

/** Step shared with the workflows that close duties as they happen: close one pending obligation and journal it. */
export async function settleObligation(
  unit: UnitOfWork,
  obligation: Obligation,
  outcome: "done" | "waived",
  evidence: Evidence,
): Promise<Obligation> {
  const closed = close(obligation, outcome, evidence);
  await unit.obligations.saveClosure(closed);
  unit.record({
    type: "obligation.closed",
    payload: {
      v: 1,
      obligationId: closed.id,
      status: outcome,
      note: evidence.note,
      evidenceSha256: evidence.sha256 ?? null,
    },
  });
  await openNextOccurrence(unit, closed);
  return closed;
}

/** A recurring duty's occurrence closed (done or waived): the next one opens, unless the duty or its agreement ended. */
async function openNextOccurrence(unit: UnitOfWork, closed: Obligation): Promise<void> {
  const occurrence = occurrenceOf(closed);
  if (!occurrence) return;
  const duty = await unit.recurringDuties.byId(occurrence.dutyId);
  if (!duty || duty.endedAt !== null) return;
  const agreement = await unit.agreements.byId(duty.agreementId);
  if (!agreement || (agreement.status !== "active" && agreement.status !== "draft")) return;
  const holder = await unit.organisations.byId(duty.holderId);
  const calendar = calendarFor(holder?.calendar ?? "FR");
  await recordObligations(unit, [occurrenceAfter(duty, occurrence.occurrence, unit.now, calendar)]);
}

/** The same step for many duties discharged by one act (a notice sent to every controller): one statement a chunk. */
export async function settleObligations(
  unit: UnitOfWork,
  obligations: readonly Obligation[],
  outcome: "done" | "waived",
  evidence: Evidence,
): Promise<Obligation[]> {
  const closed = obligations.map((o) => close(o, outcome, evidence));
  await unit.obligations.saveClosures(
    closed.map((o) => o.id),
    outcome,
    evidence,
    evidence.at,
  );
  for (const o of closed) {
    unit.record({
      type: "obligation.closed",
      payload: {
        v: 1,
        obligationId: o.id,
        status: outcome,
        note: evidence.note,
        evidenceSha256: evidence.sha256 ?? null,
      },
    });
    await openNextOccurrence(unit, o);
  }
  return closed;
}
