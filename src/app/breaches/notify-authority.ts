// Use case: a breach is notified to the supervisory authority — by a controller for itself, or by the processor in
// one consolidated notice per authority on behalf of the controllers that mandated it — and the duties it
// discharges are closed with that notice as evidence (GDPR Art. 33(1), 33(3), 33(4)).

import { type Breach, type BreachNotice, nextBreachNotice } from "../../domain/breach.js";
import {
  type Authority,
  authorityFor,
  consolidatedAuthorityNotices,
  type MandatingController,
  needsReasonsForDelay,
} from "../../domain/breach-notification.js";
import { calendarFor } from "../../domain/calendar.js";
import { Art28Error } from "../../domain/error.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Organisation } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { readInstant } from "../organisations/read-instant.js";
import { findBreach, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { contentHash, inTransaction, newTimeOrderedId, type UnitOfWork } from "../register/unit-of-work.js";

export interface NotifyAuthorityOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly breach: string;
    /** The controller notifying for itself, or the processor notifying on behalf of those that mandated it. */
    readonly by: string;
    /** When the notice was filed (default: now). */
    readonly at?: string | number;
    /** The authority's receipt number, if it gave one. */
    readonly reference?: string;
    /** GDPR Art. 33(1): required when the notice comes after the 72 hours. */
    readonly reasonsForDelay?: string;
  };
  readonly now: number;
}

export interface AuthorityNotification {
  readonly authority: Authority;
  readonly onBehalfOf: readonly string[];
  readonly notice: BreachNotice;
  readonly closed: readonly Obligation[];
  readonly late: boolean;
}

export async function notifyAuthority({
  register,
  principal,
  input,
  now,
}: NotifyAuthorityOptions): Promise<AuthorityNotification[]> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const breach = await findBreach(unit, input.breach);
    const by = await findOrganisation(unit, input.by, "by");
    const at = input.at === undefined ? now : readInstant(input.at, calendarFor(by.calendar), "at");
    if (at > now) {
      throw new Art28Error(
        "invalid_input",
        {
          fr: "une notification ne peut pas être datée du futur",
          en: "a notice cannot be dated in the future",
        },
        { argument: "at" },
      );
    }
    if (breach.side === "processor" && by.id === breach.recordedBy)
      return onBehalf(unit, breach, by, at, input);
    const duties = (await unit.breaches.pendingDuties(breach.id, ["notify_breach_to_authority"])).filter(
      (d) => d.holderId === by.id,
    );
    if (duties.length === 0) {
      throw new Art28Error("conflict", {
        fr: "aucune notification à l'autorité n'est due par cette organisation pour cette violation",
        en: "no notification to the authority is due from this organisation for this breach",
      });
    }
    const authority = authorityFor(calendarFor(by.calendar).id);
    return [await file(unit, breach, by, authority, [by.id], duties, at, input)];
  });
  return result;
}

async function onBehalf(
  unit: UnitOfWork,
  breach: Breach,
  processor: Organisation,
  at: number,
  input: NotifyAuthorityOptions["input"],
): Promise<AuthorityNotification[]> {
  const mandating = (await unit.breaches.notifications(breach.id)).filter(
    (n) => n.mandated && n.controllerAwareAt !== null,
  );
  if (mandating.length === 0) {
    throw new Art28Error("conflict", {
      fr: "aucun responsable de traitement n'a chargé le sous-traitant de notifier l'autorité pour lui",
      en: "no controller has mandated the processor to notify the authority on its behalf",
    });
  }
  const controllers = await unit.organisations.byIds(mandating.map((n) => n.controllerId));
  const groups = consolidatedAuthorityNotices(
    breach,
    mandating.map(
      (n): MandatingController => ({
        controllerId: n.controllerId,
        awareAt: n.controllerAwareAt as number,
        calendar: calendarFor(controllers.get(n.controllerId)?.calendar ?? "FR"),
      }),
    ),
  );
  const pending = await unit.breaches.pendingDuties(breach.id, [
    "notify_breach_to_authority",
    "notify_breach_to_authority_on_behalf",
  ]);
  const filed: AuthorityNotification[] = [];
  for (const group of groups) {
    const members = new Set(group.onBehalfOf);
    // The processor's duties for these controllers, and the controllers' own, discharged by one notice.
    const duties = pending.filter((d) =>
      d.kind === "notify_breach_to_authority_on_behalf"
        ? d.holderId === processor.id && d.counterpartyId !== null && members.has(d.counterpartyId)
        : members.has(d.holderId),
    );
    filed.push(await file(unit, breach, processor, group.authority, group.onBehalfOf, duties, at, input));
  }
  return filed;
}

async function file(
  unit: UnitOfWork,
  breach: Breach,
  sender: Organisation,
  authority: Authority,
  onBehalfOf: readonly string[],
  duties: readonly Obligation[],
  at: number,
  input: NotifyAuthorityOptions["input"],
): Promise<AuthorityNotification> {
  const reasons = input.reasonsForDelay?.trim() || null;
  const late = duties.some((d) => needsReasonsForDelay(at, d.due));
  if (late && reasons === null) {
    throw new Art28Error(
      "invalid_input",
      {
        fr: "notification après 72 heures : donnez les motifs du retard (RGPD art. 33(1))",
        en: "notice after 72 hours: give the reasons for the delay (GDPR Art. 33(1))",
      },
      { argument: "reasons" },
    );
  }
  const previous = (await unit.breaches.notices(breach.id, sender.id)).filter(
    (n) => n.recipient === authority,
  );
  const notice = nextBreachNotice(breach, previous, at);
  await unit.breaches.insertNotices(
    [{ ...notice, id: newTimeOrderedId(), senderId: sender.id, recipient: authority }],
    at,
  );
  const sha256 = contentHash({ notice, onBehalfOf, reference: input.reference ?? null, reasons });
  const reference = input.reference?.trim() ? ` (${input.reference.trim()})` : "";
  const closed: Obligation[] = [];
  for (const duty of duties) {
    const note =
      duty.holderId === sender.id
        ? `notified to the ${authority}${reference}`
        : `notified to the ${authority} by the processor on this controller's behalf${reference}`;
    closed.push(await settleObligation(unit, duty, "done", { note, sha256, at, by: unit.principal.id }));
  }
  unit.record({
    type: "breach.authority_notified",
    payload: {
      v: 1,
      breachId: breach.id,
      notifierId: sender.id,
      authority,
      onBehalfOf,
      at,
      reference: input.reference?.trim() || null,
      reasonsForDelay: reasons,
    },
  });
  return { authority, onBehalfOf, notice, closed, late };
}
