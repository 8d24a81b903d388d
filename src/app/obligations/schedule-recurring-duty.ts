// Use case: set a duty that comes back on a schedule under an agreement (a yearly review of the security measures,
// a quarterly review of access rights…); its first occurrence still to come opens as an obligation, and closing
// each occurrence opens the next.

import { calendarFor } from "../../domain/calendar.js";
import { isFixed } from "../../domain/duration.js";
import { parseDuration } from "../../domain/duration-parser.js";
import { epochDayToIso } from "../../domain/epoch-day.js";
import { Art28Error, invalidInput } from "../../domain/error.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import {
  DEFAULT_HOLDER,
  nextRecurringObligation,
  RECURRING_DUTY_KINDS,
  type RecurringDutyKind,
} from "../../domain/recurring-duty.js";
import type { StoredRecurringDuty } from "../../store/recurring-duty-repository.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { readInstant } from "../organisations/read-instant.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId, type UnitOfWork } from "../register/unit-of-work.js";
import { recordObligations } from "./record-obligations.js";

export interface ScheduleRecurringDutyOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The agreement's id or first characters. */
    readonly agreement: string;
    readonly kind: string;
    /** How often: "1 an", "6 mois", "2 weeks"… (weeks, months or years). */
    readonly every: string;
    /** Which side holds it (default: the usual holder of that duty). */
    readonly holder?: "controller" | "processor";
    /** Where the schedule counts from (default: the agreement's effective date, else now). */
    readonly from?: string | number;
  };
  readonly now: number;
}

export interface ScheduledDuty {
  readonly duty: StoredRecurringDuty;
  /** Its first occurrence still to come. */
  readonly obligation: Obligation;
}

export async function scheduleRecurringDuty({
  register,
  principal,
  input,
  now,
}: ScheduleRecurringDutyOptions): Promise<ScheduledDuty> {
  const { result } = await inTransaction(register, principal, now, (unit) => addRecurringDuty(unit, input));
  return result;
}

/** The step of scheduleRecurringDuty, in the caller's transaction (the demo world sets its review through it). */
export async function addRecurringDuty(
  unit: UnitOfWork,
  input: ScheduleRecurringDutyOptions["input"],
): Promise<ScheduledDuty> {
  const kind = readKind(input.kind);
  const every = parseDuration(input.every);
  if (!every || !isFixed(every) || !["weeks", "months", "years"].includes(every.unit)) {
    throw invalidInput(
      {
        fr: `périodicité illisible : « ${input.every} »`,
        en: `unreadable period: "${input.every}"`,
      },
      { argument: "every", accepted: { fr: "1 an, 6 mois, 2 semaines…", en: "1 year, 6 months, 2 weeks…" } },
    );
  }
  const agreement = await findAgreement(unit, input.agreement);
  if (agreement.status !== "active" && agreement.status !== "draft") {
    throw new Art28Error(
      "conflict",
      {
        fr: "cet accord a pris fin : plus d'obligation périodique à y fixer",
        en: "this agreement has ended: no recurring duty can be set on it",
      },
      { argument: "agreement" },
    );
  }
  const sides = await agreementSidesOf(unit, agreement);
  const holderSide = input.holder ?? DEFAULT_HOLDER[kind];
  const holder = holderSide === "controller" ? sides.controller : sides.processor;
  const counterparty = holderSide === "controller" ? sides.processor : sides.controller;
  const calendar = calendarFor(holder.calendar);
  const startsAt =
    input.from !== undefined
      ? readInstant(input.from, calendar, "from")
      : agreement.effectiveOn !== null
        ? readInstant(epochDayToIso(agreement.effectiveOn), calendar, "from")
        : unit.now;
  const duty: StoredRecurringDuty = {
    id: newId(),
    kind,
    agreementId: agreement.id,
    holderId: holder.id,
    counterpartyId: counterparty.id,
    startsAt,
    every,
    endedAt: null,
  };
  await unit.recurringDuties.insert(duty, unit.now);
  unit.record({
    type: "recurring_duty.scheduled",
    payload: {
      v: 1,
      dutyId: duty.id,
      agreementId: agreement.id,
      kind,
      holderId: holder.id,
      startsAt,
      every,
    },
  });
  const [obligation] = await recordObligations(unit, [nextRecurringObligation(duty, unit.now, calendar)]);
  return { duty, obligation: obligation as Obligation };
}

function readKind(text: string): RecurringDutyKind {
  const kind = text.trim().toLowerCase().replaceAll("-", "_") as RecurringDutyKind;
  if (!RECURRING_DUTY_KINDS.includes(kind)) {
    throw invalidInput(
      { fr: `obligation périodique inconnue : « ${text} »`, en: `unknown recurring duty: "${text}"` },
      {
        argument: "kind",
        accepted: { fr: RECURRING_DUTY_KINDS.join(", "), en: RECURRING_DUTY_KINDS.join(", ") },
      },
    );
  }
  return kind;
}
