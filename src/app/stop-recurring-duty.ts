// Use case: stop a recurring duty (the parties agreed otherwise, the service ended): its open occurrence is waived
// with the reason, and no other opens.

import type { Actor } from "../domain/actor.js";
import { Art28Error, invalidInput } from "../domain/error.js";
import { occurrenceOf } from "../domain/recurring-duty.js";
import type { StoredRecurringDuty } from "../store/recurring-duty-repository.js";
import { settleObligation } from "./close-obligation.js";
import { findRecurringDuty } from "./find-record.js";
import type { Register } from "./open-register.js";
import { inTransaction } from "./unit-of-work.js";

export interface StopRecurringDutyOptions {
  readonly register: Register;
  readonly actor: Actor;
  readonly input: { readonly duty: string; readonly reason: string };
  readonly now: number;
}

export interface StoppedDuty {
  readonly duty: StoredRecurringDuty;
  /** Occurrences that were open and are now waived. */
  readonly waived: number;
}

export async function stopRecurringDuty({
  register,
  actor,
  input,
  now,
}: StopRecurringDutyOptions): Promise<StoppedDuty> {
  const reason = input.reason.trim();
  if (reason === "") {
    throw invalidInput(
      {
        fr: "arrêter une obligation périodique demande une raison",
        en: "stopping a recurring duty needs a reason",
      },
      { argument: "reason" },
    );
  }
  const { result } = await inTransaction(register, actor, now, async (unit) => {
    const duty = await findRecurringDuty(unit, input.duty);
    if (duty.endedAt !== null) {
      throw new Art28Error(
        "conflict",
        { fr: "cette obligation périodique est déjà arrêtée", en: "this recurring duty is already stopped" },
        { argument: "duty" },
      );
    }
    const stopped: StoredRecurringDuty = { ...duty, endedAt: now };
    // Ended first: waiving its open occurrence must not open the next.
    await unit.recurringDuties.end(duty.id, now);
    unit.record({ type: "recurring_duty.stopped", payload: { v: 1, dutyId: duty.id, reason } });
    const open = (await unit.obligations.forAgreement(duty.agreementId)).filter(
      (o) => o.status === "open" && occurrenceOf(o)?.dutyId === duty.id,
    );
    for (const obligation of open) {
      await settleObligation(unit, obligation, "waived", { note: reason, at: now, by: unit.actor.id });
    }
    return { duty: stopped, waived: open.length };
  });
  return result;
}
