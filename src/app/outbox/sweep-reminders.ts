// Use case: the periodic reminder sweep. Each open obligation whose next reminder is due gets one reminder (e-mail
// in its holder's language, and a signed webhook per endpoint), enqueued with its next reminder set, in one
// transaction: a sweep that dies half-way leaves no obligation reminded twice or skipped.

import { renderReminderEmail } from "../../documents/email/reminder-email.js";
import { calendarFor } from "../../domain/calendar.js";
import type { Language } from "../../domain/duration.js";
import { parseDuration } from "../../domain/duration-parser.js";
import { invalidInput } from "../../domain/error.js";
import type { OutboxMessage } from "../../domain/outbox-message.js";
import {
  DEFAULT_REMINDER_CONFIG,
  nextReminder,
  type ReminderConfig,
  type ReminderOffset,
  type ReminderPoint,
} from "../../domain/reminder-schedule.js";
import type { NewOutboxMessage } from "../../store/outbox-repository.js";
import { type ReminderCandidate, ReminderRepository } from "../../store/reminder-repository.js";
import { repositoriesFor } from "../../store/repositories.js";
import { readConfiguration } from "../configuration/read-configuration.js";
import type { Register } from "../register/open-register.js";

export interface SweepRemindersOptions {
  readonly register: Register;
  readonly now: number;
  readonly config?: ReminderConfig;
  /** Obligations per transaction. */
  readonly batchSize?: number;
}

export interface SweepReport {
  /** Obligations whose schedule the sweep looked at. */
  readonly examined: number;
  /** Reminders sent (one per obligation and point, whatever the number of recipients). */
  readonly reminded: number;
  /** Outbox messages enqueued. */
  readonly messages: number;
  /** Reminders due to an organisation with no contact e-mail and no webhook endpoint. */
  readonly unaddressed: number;
}

export const REMINDER_EVENT = "obligation.reminder";

export async function sweepReminders({
  register,
  now,
  config = DEFAULT_REMINDER_CONFIG,
  batchSize = 200,
}: SweepRemindersOptions): Promise<SweepReport> {
  let examined = 0;
  let reminded = 0;
  let messages = 0;
  let unaddressed = 0;
  for (;;) {
    const batch = await register.store.transaction(async (db) => {
      const reminders = new ReminderRepository(db, register.store.engine);
      const candidates = await reminders.due(now, batchSize);
      const byTenant = new Map<string, ReminderCandidate[]>();
      for (const c of candidates) byTenant.set(c.tenant, [...(byTenant.get(c.tenant) ?? []), c]);
      for (const [tenant, list] of byTenant) {
        const repositories = repositoriesFor(db, register.store.engine, tenant, () => now);
        const organisations = await repositories.organisations.byIds(
          list.flatMap((c) => (c.counterpartyId ? [c.holderId, c.counterpartyId] : [c.holderId])),
        );
        const holders = list.map((c) => c.holderId);
        const contacts = await repositories.recipients.contacts(holders);
        const endpoints = await repositories.recipients.webhookEndpoints(holders);
        const agreementTitles = new Map<string, string>();
        const outgoing: NewOutboxMessage[] = [];
        for (const c of list) {
          const holder = organisations.get(c.holderId);
          const timeZone = calendarFor(holder?.calendar ?? "FR").timeZone;
          // Points after the last reminder sent (or after the obligation was opened) up to now collapse into one.
          const point = nextReminder({
            due: c.due,
            now,
            config,
            timeZone,
            lastSentAt: c.lastReminderAt ?? c.createdAt,
          });
          if (point === null || point.at > now) {
            await reminders.schedule(tenant, c.obligationId, point?.at ?? null, c.lastReminderAt);
            continue;
          }
          const following = nextReminder({ due: c.due, now, config, timeZone, lastSentAt: now });
          await reminders.schedule(tenant, c.obligationId, following?.at ?? null, now);
          reminded++;
          let agreement: string | null = null;
          if (c.agreementId) {
            if (!agreementTitles.has(c.agreementId)) {
              const found = await repositories.agreements.byId(c.agreementId);
              agreementTitles.set(c.agreementId, found?.title ?? c.agreementId);
            }
            agreement = agreementTitles.get(c.agreementId) ?? null;
          }
          const counterparty = c.counterpartyId ? (organisations.get(c.counterpartyId)?.name ?? null) : null;
          const contact = contacts.get(c.holderId);
          const email =
            contact ??
            (holder?.dpo?.email
              ? { email: holder.dpo.email, name: holder.dpo.name ?? null, language: "fr" as Language }
              : undefined);
          const key = `reminder.${c.obligationId}.${point.at}`;
          if (email) {
            const message: OutboxMessage = {
              channel: "email",
              to: {
                address: email.email,
                ...(email.name ? { name: email.name } : {}),
                language: email.language,
              },
              content: renderReminderEmail(
                {
                  what: c.what,
                  due: c.due,
                  timeZone,
                  point,
                  counterparty,
                  agreement,
                  obligationId: c.obligationId,
                  sentAt: now,
                },
                email.language,
              ),
            };
            outgoing.push({ id: `${key}.email`, kind: REMINDER_EVENT, message });
          }
          for (const endpoint of endpoints.get(c.holderId) ?? []) {
            outgoing.push({
              id: `${key}.${endpoint.id}`,
              kind: REMINDER_EVENT,
              message: {
                channel: "webhook",
                endpointId: endpoint.id,
                event: REMINDER_EVENT,
                payload: webhookPayload(c, point, agreement, counterparty),
              },
            });
          }
          if (!email && !endpoints.has(c.holderId)) unaddressed++;
        }
        if (outgoing.length > 0) await repositories.outbox.enqueue(outgoing);
        messages += outgoing.length;
      }
      return candidates.length;
    });
    examined += batch;
    if (batch < batchSize) break;
  }
  return { examined, reminded, messages, unaddressed };
}

function webhookPayload(
  c: ReminderCandidate,
  point: ReminderPoint,
  agreement: string | null,
  counterparty: string | null,
): Record<string, unknown> {
  return {
    obligationId: c.obligationId,
    kind: c.kind,
    holderId: c.holderId,
    counterpartyId: c.counterpartyId,
    counterparty,
    agreementId: c.agreementId,
    agreement,
    what: c.what,
    due: new Date(c.due).toISOString(),
    reminder: {
      kind: point.kind,
      at: new Date(point.at).toISOString(),
      ...(point.kind === "before" ? { before: point.offset } : {}),
      ...(point.kind === "late" ? { lateCount: point.lateCount } : {}),
    },
  };
}

/**
 * Reminder points from the environment, checked once at start: ART28_REMINDERS lists the points before a deadline
 * ("7 days, 1 day", in hours, days or weeks; "none" for none), ART28_REMINDER_LATE the pace once late ("1 day", or
 * "none"). A reminder at the deadline itself is always sent.
 */
export function readReminderConfig(env: Readonly<Record<string, string | undefined>>): ReminderConfig {
  const { before, late } = readConfiguration(env).reminders;
  return {
    ...DEFAULT_REMINDER_CONFIG,
    before:
      before === undefined || before === ""
        ? DEFAULT_REMINDER_CONFIG.before
        : before.toLowerCase() === "none"
          ? []
          : before.split(/[,;]/).map((part) => reminderOffset(part, "ART28_REMINDERS")),
    lateEvery:
      late === undefined || late === ""
        ? DEFAULT_REMINDER_CONFIG.lateEvery
        : late.toLowerCase() === "none"
          ? null
          : reminderOffset(late, "ART28_REMINDER_LATE"),
  };
}

function reminderOffset(text: string, variable: string): ReminderOffset {
  const duration = parseDuration(text.trim());
  if (
    duration &&
    "amount" in duration &&
    (duration.unit === "hours" || duration.unit === "days" || duration.unit === "weeks") &&
    Number.isInteger(duration.amount) &&
    duration.amount >= 1 &&
    duration.amount <= 1000
  ) {
    return { amount: duration.amount, unit: duration.unit };
  }
  throw invalidInput(
    {
      fr: `${variable} : « ${text.trim()} » n'est pas un délai de rappel`,
      en: `${variable}: "${text.trim()}" is not a reminder offset`,
    },
    {
      argument: variable,
      accepted: {
        fr: "des durées en heures, jours ou semaines séparées par des virgules, p. ex. « 7 jours, 1 jour », ou « none »",
        en: 'periods in hours, days or weeks separated by commas, e.g. "7 days, 1 day", or "none"',
      },
    },
  );
}
