// Use case: the processor sends the next notice of a breach to every controller it touches — the initial one if none
// went yet, then updates carrying what changed (GDPR Art. 33(4)) — closing its notification duties with the notice.

import { renderBreachNoticeEmail } from "../../documents/email/breach-notice-email.js";
import {
  type Breach,
  type BreachDetails,
  type BreachNotice,
  nextBreachNotice,
  parseBreachDetails,
} from "../../domain/breach.js";
import { AUTHORITY_NOTIFICATION_HOURS } from "../../domain/breach-notification.js";
import { calendarFor } from "../../domain/calendar.js";
import { Art28Error } from "../../domain/error.js";
import { dueUnderStatute } from "../../domain/obligation.js";
import type { Organisation } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import type { BreachNotificationRecord, StoredBreachNotice } from "../../store/breach-repository.js";
import { settleObligations } from "../obligations/close-obligation.js";
import { readInstant } from "../organisations/read-instant.js";
import { type Notice, type NoticeDelivery, notifyOrganisations } from "../outbox/notify-organisations.js";
import { findBreach, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { contentHash, inTransaction, newTimeOrderedId, type UnitOfWork } from "../register/unit-of-work.js";

export interface AddBreachUpdateOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The breach id or its first characters. */
    readonly breach: string;
    /** Fields of the report that changed (src/domain/breach.ts); nothing for an initial notice as recorded. */
    readonly changes?: Record<string, unknown>;
  };
  readonly now: number;
}

export interface BreachUpdateResult {
  readonly breach: Breach;
  readonly notice: BreachNotice;
  readonly recipients: number;
  readonly enqueued: number;
  /** Whom the messages reach, and the controllers nobody can be told at (each with its duty to find a recipient). */
  readonly delivery: NoticeDelivery;
}

const INSTANT_FIELDS = ["discoveredAt", "awareAt", "occurredFrom", "occurredUntil"] as const;

export async function addBreachUpdate({
  register,
  principal,
  input,
  now,
}: AddBreachUpdateOptions): Promise<BreachUpdateResult> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const breach = await findBreach(unit, input.breach);
    if (breach.side !== "processor") {
      throw new Art28Error(
        "conflict",
        {
          fr: "cette violation est celle d'un responsable de traitement : il n'a pas à se la notifier (art. 33(2))",
          en: "this is a controller's own breach: there is no one to notify under Art. 33(2)",
        },
        { argument: "breach" },
      );
    }
    const processor = await findOrganisation(unit, breach.recordedBy, "processor");
    let updated = breach;
    if (input.changes && Object.keys(input.changes).length > 0) {
      const calendar = calendarFor(processor.calendar);
      const merged: Record<string, unknown> = { ...detailsOf(breach), ...input.changes };
      for (const field of INSTANT_FIELDS) {
        if (field in input.changes && merged[field] !== null)
          merged[field] = readInstant(merged[field], calendar, field);
      }
      updated = {
        ...parseBreachDetails(merged),
        id: breach.id,
        recordedBy: breach.recordedBy,
        side: breach.side,
      };
      await unit.breaches.saveDetails(updated, now);
    }
    const records = await unit.breaches.notifications(breach.id);
    const sent = await sendControllerNotices(unit, updated, processor, records, now);
    return {
      breach: updated,
      notice: sent.notice,
      recipients: records.length,
      enqueued: sent.delivery.enqueued,
      delivery: sent.delivery,
    };
  });
  return result;
}

function detailsOf(breach: Breach): BreachDetails {
  const { id: _id, recordedBy: _by, side: _side, ...details } = breach;
  return details;
}

/**
 * Step shared with record-breach: the next notice to every notified controller, stored and enqueued in the
 * transaction, each controller's pending notification duty closed with the notice as its evidence.
 */
export async function sendControllerNotices(
  unit: UnitOfWork,
  breach: Breach,
  processor: Organisation,
  records: readonly BreachNotificationRecord[],
  at: number,
): Promise<{ notice: BreachNotice; delivery: NoticeDelivery }> {
  const previous = await unit.breaches.notices(breach.id, processor.id);
  // Every controller receives the same phase: the sequence is the breach's, not the recipient's.
  const firstRecipient = previous[0]?.recipient;
  const notice = nextBreachNotice(
    breach,
    previous.filter((n) => n.recipient === firstRecipient),
    at,
  );
  const stored: StoredBreachNotice[] = records.map((r) => ({
    ...notice,
    id: newTimeOrderedId(),
    senderId: processor.id,
    recipient: r.controllerId,
  }));
  await unit.breaches.insertNotices(stored, at);
  const sha256 = contentHash(notice);
  const pending = await unit.breaches.pendingDuties(breach.id, ["notify_breach_to_controller"]);
  await settleObligations(
    unit,
    pending.filter((duty) => duty.holderId === processor.id),
    "done",
    {
      note: `notice ${notice.sequence} (${notice.phase}) sent to the controller`,
      sha256,
      at,
      by: unit.principal.id,
    },
  );
  unit.record({
    type: "breach.notice_sent",
    payload: {
      v: 1,
      breachId: breach.id,
      senderId: processor.id,
      recipients: records.map((r) => r.controllerId),
      phase: notice.phase,
      sequence: notice.sequence,
      contentSha256: sha256,
      missing: notice.missing,
    },
  });
  const controllers = await unit.organisations.byIds(records.map((r) => r.controllerId));
  const notices: Notice[] = records.map((r) => {
    const controller = controllers.get(r.controllerId);
    const calendar = calendarFor(controller?.calendar ?? "FR");
    // The controller is aware once told (EDPB 9/2022 para 41): its own 72 hours run from this notice at the latest.
    const authorityDue = dueUnderStatute(
      at,
      "GDPR Art. 33(1)",
      { amount: AUTHORITY_NOTIFICATION_HOURS, unit: "hours" },
      calendar,
    ).due;
    return {
      organisationId: r.controllerId,
      key: `breach.${breach.id}.notice.${notice.sequence}.${r.controllerId}`,
      kind: "breach.notice",
      render: (lang) =>
        renderBreachNoticeEmail(
          {
            notice,
            processor: processor.name,
            controller: controller?.name ?? r.controllerId,
            timeZone: calendar.timeZone,
            authorityDue,
          },
          lang,
        ),
      webhook: {
        event: "breach.notice",
        payload: { breachId: breach.id, agreementId: r.agreementId, notice },
      },
      from: processor.id,
      about: {
        fr: `l'avis de violation n° ${notice.sequence}`,
        en: `breach notice no. ${notice.sequence}`,
      },
      agreementId: r.agreementId,
      rule: "GDPR Art. 33(2)",
    };
  });
  const delivery = await notifyOrganisations(unit, notices);
  return { notice, delivery };
}
