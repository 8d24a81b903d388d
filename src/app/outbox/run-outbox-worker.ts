// Use case: the outbox worker. It claims batches of messages under a lease, sends each (SMTP or signed webhook),
// and settles it at once: sent or dead together with the journal event that proves it (in the message's tenant),
// or tried again later with back-off. Between batches it runs the reminder sweep. It stops when asked (finishing
// the message in hand), or with `once` when nothing is due.

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { createMailer, type Mailer, type MailerConfig, readMailerConfig } from "../../delivery/mailer.js";
import { dispatchOutboxMessage } from "../../delivery/outbox-dispatch.js";
import type { DeliveryOptions } from "../../delivery/webhook.js";
import { composeEmail } from "../../documents/email/email-layout.js";
import { isArt28Error } from "../../domain/error.js";
import type { NewJournalEvent } from "../../domain/journal-event.js";
import { DEFAULT_OUTBOX_RETRY, nextAttemptAt, type OutboxRetryPolicy } from "../../domain/outbox-message.js";
import { localOperator } from "../../domain/principal.js";
import type { ReminderConfig } from "../../domain/reminder-schedule.js";
import { OutboxQueue } from "../../store/outbox-queue.js";
import type { OutboxEntry } from "../../store/outbox-repository.js";
import { repositoriesFor } from "../../store/repositories.js";
import { tenantsWithWindowsToSettle } from "../../store/window-scan.js";
import { readConfiguration } from "../configuration/read-configuration.js";
import type { Register } from "../register/open-register.js";
import { settleSubprocessorWindows } from "../subprocessor-changes/settle-subprocessor-windows.js";
import { readReminderConfig, sweepReminders } from "./sweep-reminders.js";

export interface WorkerConfig {
  readonly mailer: MailerConfig;
  readonly reminders: ReminderConfig;
}

/** Everything the worker reads from the environment, checked once at start (one clear error, no half start). */
export function readWorkerConfig(env: Readonly<Record<string, string | undefined>>): WorkerConfig {
  const { mail } = readConfiguration(env);
  return {
    mailer: readMailerConfig({ SMTP_URL: mail.smtpUrl, MAIL_FROM: mail.from }),
    reminders: readReminderConfig(env),
  };
}

/** What the worker reports as it goes; never a recipient's address, a secret or a message body. */
export type WorkerEvent =
  | { readonly type: "started"; readonly worker: string }
  | { readonly type: "sent"; readonly id: string; readonly kind: string; readonly channel: string }
  | {
      readonly type: "retry";
      readonly id: string;
      readonly kind: string;
      readonly channel: string;
      readonly attempts: number;
      readonly at: number;
      readonly reason: string;
    }
  | {
      readonly type: "dead";
      readonly id: string;
      readonly kind: string;
      readonly channel: string;
      readonly attempts: number;
      readonly reason: string;
    }
  | { readonly type: "lost"; readonly id: string }
  | {
      readonly type: "swept";
      readonly reminded: number;
      readonly messages: number;
      readonly unaddressed: number;
    }
  | { readonly type: "settled"; readonly windows: number };

export interface WorkerReport {
  readonly worker: string;
  readonly sent: number;
  readonly retried: number;
  readonly dead: number;
  readonly reminded: number;
  /** Sub-processor objection windows settled by the sweep. */
  readonly settled: number;
}

export interface RunOutboxWorkerOptions {
  readonly register: Register;
  readonly config: WorkerConfig;
  /** Stop after the current message when aborted. */
  readonly signal?: AbortSignal;
  /** Drain what is due now, sweep reminders once, and return. */
  readonly once?: boolean;
  /** Pause when nothing is due, before looking again. */
  readonly intervalMs?: number;
  /** How often the reminder sweep runs (default: every interval). */
  readonly sweepEveryMs?: number;
  readonly batchSize?: number;
  readonly leaseMs?: number;
  readonly retry?: OutboxRetryPolicy;
  readonly workerId?: string;
  readonly clock?: () => number;
  readonly random?: () => number;
  /** A mailer of the caller's (tests); by default one is made from the configuration and closed at the end. */
  readonly mailer?: Mailer;
  readonly webhookOptions?: DeliveryOptions;
  readonly onEvent?: (event: WorkerEvent) => void;
}

export const DEFAULT_BATCH_SIZE = 20;
export const DEFAULT_LEASE_MS = 120_000;
export const DEFAULT_INTERVAL_MS = 5_000;

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

export async function runOutboxWorker(options: RunOutboxWorkerOptions): Promise<WorkerReport> {
  const { register, config, signal } = options;
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const worker = options.workerId ?? newWorkerId();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const sweepEveryMs = options.sweepEveryMs ?? intervalMs;
  const retry = options.retry ?? DEFAULT_OUTBOX_RETRY;
  const mailer = options.mailer ?? createMailer({ ...config.mailer, smtpUrl: pooled(config.mailer.smtpUrl) });
  const queue = new OutboxQueue(register.store.db, register.store.engine);
  // A claimed message is tried only while its lease has this much left, so a slow batch never sends one that
  // another worker may already have taken back.
  const margin = Math.min(10_000, Math.floor(leaseMs / 4));
  const totals = { sent: 0, retried: 0, dead: 0, reminded: 0, settled: 0 };
  let nextSweep = Number.NEGATIVE_INFINITY;

  options.onEvent?.({ type: "started", worker });
  try {
    while (!signal?.aborted) {
      if (clock() >= nextSweep) {
        const swept = await sweepReminders({ register, now: clock(), config: config.reminders });
        totals.reminded += swept.reminded;
        if (swept.reminded > 0) options.onEvent?.({ type: "swept", ...swept });
        // GDPR Art. 28(2): a window whose end has come is settled as its agreement says, without anyone asking.
        const settled = await settleDueWindows(register, clock(), worker);
        totals.settled += settled;
        if (settled > 0) options.onEvent?.({ type: "settled", windows: settled });
        nextSweep = clock() + sweepEveryMs;
      }
      const batch = await register.store.transaction((db) =>
        new OutboxQueue(db, register.store.engine).claim({ worker, now: clock(), leaseMs, limit: batchSize }),
      );
      let index = 0;
      for (; index < batch.length; index++) {
        const entry = batch[index] as OutboxEntry;
        if (signal?.aborted || clock() >= (entry.claimedUntil ?? 0) - margin) break;
        await deliver(entry);
      }
      await queue.release(
        batch.slice(index).map((e) => e.id),
        worker,
      );
      if (batch.length === 0) {
        if (options.once) break;
        await pause(intervalMs, signal);
      }
    }
  } finally {
    if (!options.mailer) mailer.close();
  }
  return { worker, ...totals };

  async function deliver(entry: OutboxEntry): Promise<void> {
    const secrets =
      entry.message.channel === "webhook"
        ? await queue.endpointSecrets([{ tenant: entry.tenant, id: entry.message.endpointId }])
        : new Map();
    let outcome: Awaited<ReturnType<typeof dispatchOutboxMessage>>;
    try {
      outcome = await dispatchOutboxMessage(entry.message, entry.id, {
        mailer,
        layOut: composeEmail,
        webhookEndpoint: (id) => secrets.get(`${entry.tenant}/${id}`),
        ...(options.webhookOptions ? { webhookOptions: options.webhookOptions } : {}),
      });
    } catch (error) {
      // A message that cannot be sent as it is (a malformed address, a webhook URL no longer valid) will not
      // improve by waiting.
      outcome = {
        status: "failed",
        reason: isArt28Error(error) ? error.text.en : error instanceof Error ? error.message : String(error),
      };
    }
    const base = { id: entry.id, kind: entry.kind, channel: entry.message.channel };
    const proof = { v: 1 as const, messageId: entry.id, kind: entry.kind, channel: entry.message.channel };
    if (outcome.status === "sent") {
      const at = clock();
      const delivered: NewJournalEvent = {
        type: "message.delivered",
        payload: { ...proof, attempts: entry.attempts, receipt: outcome.detail },
      };
      if (await settle(entry, delivered, at, (q) => q.markSent(entry.id, worker, at))) {
        totals.sent++;
        options.onEvent?.({ type: "sent", ...base });
      } else options.onEvent?.({ type: "lost", id: entry.id });
      return;
    }
    const at = outcome.status === "retry" ? nextAttemptAt(entry.attempts, clock(), random(), retry) : null;
    if (at !== null) {
      await queue.reschedule(entry.id, worker, at, outcome.reason);
      totals.retried++;
      options.onEvent?.({ type: "retry", ...base, attempts: entry.attempts, at, reason: outcome.reason });
    } else {
      const givenUp: NewJournalEvent = {
        type: "message.given_up",
        payload: { ...proof, attempts: entry.attempts, reason: outcome.reason },
      };
      if (await settle(entry, givenUp, clock(), (q) => q.markDead(entry.id, worker, outcome.reason))) {
        totals.dead++;
        options.onEvent?.({ type: "dead", ...base, attempts: entry.attempts, reason: outcome.reason });
      } else options.onEvent?.({ type: "lost", id: entry.id });
    }
  }

  /** Settles a message and journals it in one transaction; false (nothing journalled) when the claim was lost. */
  async function settle(
    entry: OutboxEntry,
    event: NewJournalEvent,
    at: number,
    change: (queue: OutboxQueue) => Promise<boolean>,
  ): Promise<boolean> {
    return register.store.transaction(async (db) => {
      if (!(await change(new OutboxQueue(db, register.store.engine)))) return false;
      await repositoriesFor(db, register.store.engine, entry.tenant).journal.append(
        { tenant: entry.tenant, actor: `worker:${worker}`, at },
        [event],
      );
      return true;
    });
  }
}

/**
 * The worker sends one message after another for as long as it runs: one SMTP connection kept open (nodemailer's
 * pool) instead of a connection, greeting and TLS handshake per message. `?pool=false` in SMTP_URL opts out.
 */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  return url.toString();
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** Settles every tenant's windows whose end has come, each tenant in its own use case run by the worker. */
async function settleDueWindows(register: Register, now: number, worker: string): Promise<number> {
  const tenants = await tenantsWithWindowsToSettle(register.store.db, now);
  let settled = 0;
  for (const tenant of tenants) {
    const principal = localOperator(`art28:worker:${worker}`, tenant);
    settled += (await settleSubprocessorWindows({ register, principal, now })).length;
  }
  return settled;
}
