// Use case: one breach with everything about it — the report, whom it was notified to and by when, the notices sent,
// each side's register entry and the duties still pending.

import type { Breach, BreachNotice } from "../../domain/breach.js";
import type { BreachRegisterEntry } from "../../domain/breach-register.js";
import type { BreachRiskAssessment } from "../../domain/breach-risk.js";
import { calendarFor } from "../../domain/calendar.js";
import type { LocalizedText } from "../../domain/error.js";
import { formatInstant } from "../../domain/instant.js";
import type { DueBasis } from "../../domain/obligation.js";
import type { Principal } from "../../domain/principal.js";
import type { Concerns } from "../access/access.js";
import { findBreach } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface BreachDetailView {
  readonly breach: Breach;
  readonly recordedBy: string;
  readonly notifications: readonly {
    readonly controller: string;
    readonly controllerId: string;
    readonly agreementId: string;
    readonly due: string;
    readonly basis: DueBasis | null;
    readonly controllerAwareAt: string | null;
    readonly mandated: boolean;
    /** When the processor's first notice to this controller was sent; null while none was. */
    readonly firstNoticeAt: string | null;
    /** The first notice came after the due instant (GDPR Art. 33(2)): by how many minutes; null when on time. */
    readonly lateByMinutes: number | null;
  }[];
  readonly notices: readonly (BreachNotice & { readonly sender: string; readonly recipient: string })[];
  readonly register: readonly {
    readonly entry: BreachRegisterEntry;
    readonly assessment: BreachRiskAssessment | null;
  }[];
  readonly pending: readonly {
    readonly id: string;
    readonly kind: string;
    readonly holder: string;
    readonly due: string;
    readonly what: LocalizedText;
  }[];
}

export interface ShowBreachOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly breach: string };
}

const DUTY_KINDS = [
  "notify_breach_to_controller",
  "notify_breach_to_authority",
  "notify_breach_to_authority_on_behalf",
  "communicate_breach_to_data_subjects",
  "communicate_breach_publicly",
  "assess_breach_for_data_subjects",
  "alert_joint_controller",
];

export async function showBreach({
  register,
  principal,
  input,
}: ShowBreachOptions): Promise<BreachDetailView> {
  const repositories = reader(register, principal);
  const breach = await findBreach(repositories, input.breach);
  // The recorder sees the whole breach; a controller it was sent to sees its own agreements, notices and duties only.
  const { access } = repositories;
  const whole = await access.reaches({ organisations: [breach.recordedBy] }, "read");
  const mine = <T>(records: readonly T[], concerns: (record: T) => Concerns): Promise<T[]> =>
    whole ? Promise.resolve([...records]) : access.filter(records, concerns);
  const notifications = await mine(await repositories.breaches.notifications(breach.id), (n) => ({
    organisations: [n.controllerId],
    agreements: [n.agreementId],
  }));
  const notices = await mine(await repositories.breaches.notices(breach.id), (n) => ({
    organisations: [n.senderId, n.recipient],
  }));
  const entries = await mine(await repositories.breaches.registerEntries(breach.id), (e) => ({
    organisations: [e.entry.keeperId],
  }));
  const pending = await mine(await repositories.breaches.pendingDuties(breach.id, DUTY_KINDS), (o) => ({
    organisations: [o.holderId, o.counterpartyId],
    agreements: [o.agreementId],
  }));
  const ids = new Set<string>([breach.recordedBy]);
  for (const n of notifications) ids.add(n.controllerId);
  for (const o of pending) ids.add(o.holderId);
  const organisations = await repositories.organisations.byIds([...ids]);
  const name = (id: string) => organisations.get(id)?.name ?? id;
  const zone = (id: string) => calendarFor(organisations.get(id)?.calendar ?? "FR").timeZone;
  const bases = new Map(pending.map((o) => [o.id, o.basis]));
  return {
    breach,
    recordedBy: name(breach.recordedBy),
    notifications: notifications.map((n) => {
      const first = notices
        .filter((notice) => notice.recipient === n.controllerId)
        .reduce<number | null>(
          (min, notice) => (min === null || notice.sentAt < min ? notice.sentAt : min),
          null,
        );
      return {
        controller: name(n.controllerId),
        controllerId: n.controllerId,
        agreementId: n.agreementId,
        due: formatInstant(n.due, zone(n.controllerId)),
        basis: bases.get(n.obligationId) ?? null,
        controllerAwareAt:
          n.controllerAwareAt === null ? null : formatInstant(n.controllerAwareAt, zone(n.controllerId)),
        mandated: n.mandated,
        firstNoticeAt: first === null ? null : formatInstant(first, zone(n.controllerId)),
        lateByMinutes: first !== null && first > n.due ? Math.ceil((first - n.due) / 60_000) : null,
      };
    }),
    notices: notices.map(({ id: _id, senderId, recipient, ...notice }) => ({
      ...notice,
      sender: name(senderId),
      recipient: organisations.has(recipient) ? name(recipient) : recipient,
    })),
    register: entries.map((e) => ({ entry: e.entry, assessment: e.assessment })),
    pending: pending.map((o) => ({
      id: o.id,
      kind: o.kind,
      holder: name(o.holderId),
      due: formatInstant(o.due, zone(o.holderId)),
      what: o.what,
    })),
  };
}
