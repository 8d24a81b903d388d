// Use case: stop a recurring duty (the parties agreed otherwise, the service ended): its open occurrence is waived
// with the reason, and no other opens.

import { Art28Error, invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { occurrenceOf } from "../../domain/recurring-duty.js";
import type { StoredRecurringDuty } from "../../store/recurring-duty-repository.js";
import { findRecurringDuty } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";
import { settleObligation } from "./close-obligation.js";

export interface StopRecurringDutyOptions {
  readonly register: Register;
  readonly principal: Principal;
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
  principal,
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
  const { result } = await inTransaction(register, principal, now, async (unit) => {
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
      await settleObligation(unit, obligation, "waived", { note: reason, at: now, by: unit.principal.id });
    }
    return { duty: stopped, waived: open.length };
  });
  return result;
}
