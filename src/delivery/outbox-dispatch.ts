// Sends one outbox message through its channel and says what the outbox should do next: done, retry, or give up.

import type { EmailContent, RenderedEmail } from "../domain/email-content.js";
import { isArt28Error } from "../domain/error.js";
import type { OutboxMessage } from "../domain/outbox-message.js";
import type { Mailer } from "./mailer.js";
import { type DeliveryOptions, deliverWebhook, type RetryPolicy, type WebhookEndpoint } from "./webhook.js";

export type DispatchOutcome =
  | { readonly status: "sent"; readonly detail: string }
  | { readonly status: "retry"; readonly reason: string }
  | { readonly status: "failed"; readonly reason: string };

export interface DispatchContext {
  readonly mailer: Mailer;
  /** Lays an e-mail's words out as text and HTML (src/documents/email). */
  readonly layOut: (content: EmailContent) => RenderedEmail;
  /** The endpoint's URL and secret, read from configuration or the store when sending. */
  readonly webhookEndpoint: (endpointId: string) => WebhookEndpoint | undefined;
  readonly webhookOptions?: DeliveryOptions;
}

/** A few quick retries inside one claim; the outbox spaces out the later ones (see nextAttemptAt). */
export const OUTBOX_WEBHOOK_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 5_000,
  timeoutMs: 10_000,
};

/** `idempotencyKey` is the outbox row's id: the e-mail's Message-ID and the webhook's Idempotency-Key. */
export async function dispatchOutboxMessage(
  message: OutboxMessage,
  idempotencyKey: string,
  context: DispatchContext,
): Promise<DispatchOutcome> {
  if (message.channel === "email") {
    try {
      const email =
        "content" in message ? context.layOut(message.content) : message.versions[message.to.language];
      const sent = await context.mailer.send({ to: message.to, email, idempotencyKey });
      return { status: "sent", detail: sent.messageId };
    } catch (error) {
      if (isArt28Error(error) && error.code === "unavailable") {
        return error.details.transient === false
          ? { status: "failed", reason: error.text.en }
          : { status: "retry", reason: error.text.en };
      }
      throw error;
    }
  }
  const endpoint = context.webhookEndpoint(message.endpointId);
  if (!endpoint) return { status: "failed", reason: `no webhook endpoint "${message.endpointId}"` };
  const result = await deliverWebhook(
    endpoint,
    { event: message.event, payload: message.payload, idempotencyKey },
    { retry: OUTBOX_WEBHOOK_RETRY, ...context.webhookOptions },
  );
  if (result.ok)
    return { status: "sent", detail: `HTTP ${result.status} after ${result.attempts} attempt(s)` };
  return result.permanent
    ? { status: "failed", reason: result.error }
    : { status: "retry", reason: result.error };
}
