// Webhooks: JSON POSTed with an HMAC-SHA256 signature, a timestamp and an idempotency key, retried with back-off.

import { createHmac, timingSafeEqual } from "node:crypto";
import { invalidInput } from "../domain/error.js";

export const SIGNATURE_HEADER = "x-art28-signature";
export const TIMESTAMP_HEADER = "x-art28-timestamp";
export const EVENT_HEADER = "x-art28-event";
export const IDEMPOTENCY_HEADER = "idempotency-key";

export interface WebhookEndpoint {
  readonly url: string;
  readonly secret: string;
}

export interface WebhookMessage {
  readonly event: string;
  readonly payload: unknown;
  /** Stays the same across retries, so the receiver can drop a duplicate. */
  readonly idempotencyKey: string;
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  timeoutMs: 10_000,
};

/** What a delivery attempt reports: never the secret, the signature or the body. */
export interface WebhookLogEntry {
  readonly url: string;
  readonly event: string;
  readonly attempt: number;
  readonly status: number | null;
  readonly error: string | null;
  readonly retryInMs: number | null;
}

export type WebhookResult =
  | { readonly ok: true; readonly status: number; readonly attempts: number }
  | {
      readonly ok: false;
      /** True when retrying cannot help (a 4xx answer); false when the attempts ran out. */
      readonly permanent: boolean;
      readonly status: number | null;
      readonly attempts: number;
      readonly error: string;
    };

export interface DeliveryOptions {
  readonly retry?: RetryPolicy;
  /** Seconds since the epoch; the clock is the caller's. */
  readonly nowSeconds?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter. */
  readonly random?: () => number;
  readonly log?: (entry: WebhookLogEntry) => void;
}

/** The hex HMAC-SHA256 of "timestamp.body" under the endpoint's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The headers of one attempt. */
export function webhookHeaders(
  secret: string,
  message: WebhookMessage,
  body: string,
  timestamp: number,
): Record<string, string> {
  return {
    "content-type": "application/json",
    [SIGNATURE_HEADER]: `sha256=${signWebhook(secret, timestamp, body)}`,
    [TIMESTAMP_HEADER]: String(timestamp),
    [EVENT_HEADER]: message.event,
    [IDEMPOTENCY_HEADER]: message.idempotencyKey,
  };
}

/**
 * For receivers (and tests): true when the signature matches the body and the timestamp is within
 * `toleranceSeconds` of now, which stops an old request from being replayed.
 */
export function verifyWebhookSignature(options: {
  readonly secret: string;
  readonly body: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly nowSeconds: number;
  readonly toleranceSeconds?: number;
}): boolean {
  const { signature, timestamp } = options;
  if (!signature?.startsWith("sha256=") || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(options.nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(options.secret, Number(timestamp), options.body), "hex");
  const given = Buffer.from(signature.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The URL as logs may show it: no user, password, query or fragment, which can carry tokens. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(unreadable URL)";
  }
}

/** Full jitter: a random delay up to the exponential bound (base × 2^(attempt-1), capped). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * bound);
}

function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
}

/**
 * POSTs the message, signing each attempt afresh (a new timestamp, the same idempotency key). Network errors,
 * timeouts and 5xx answers are retried with exponential back-off and jitter; a 2xx ends it; any other answer
 * is final.
 */
export async function deliverWebhook(
  endpoint: WebhookEndpoint,
  message: WebhookMessage,
  options: DeliveryOptions = {},
): Promise<WebhookResult> {
  let target: URL;
  try {
    target = new URL(endpoint.url);
  } catch {
    throw invalidInput({ fr: "URL de webhook illisible", en: "unreadable webhook URL" }, { argument: "url" });
  }
  if (target.protocol !== "https:" && target.protocol !== "http:") {
    throw invalidInput(
      { fr: "un webhook s'envoie en http ou https", en: "a webhook goes over http or https" },
      { argument: "url" },
    );
  }
  if (endpoint.secret.length < 16) {
    throw invalidInput(
      {
        fr: "le secret du webhook doit compter au moins 16 caractères",
        en: "the webhook secret needs at least 16 characters",
      },
      { argument: "secret" },
    );
  }
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const shownUrl = redactUrl(endpoint.url);
  const body = JSON.stringify({
    event: message.event,
    idempotencyKey: message.idempotencyKey,
    data: message.payload,
  });

  let lastStatus: number | null = null;
  let lastError = "";
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let retryHint: number | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: "POST",
        headers: webhookHeaders(endpoint.secret, message, body, now()),
        body,
        signal: AbortSignal.timeout(policy.timeoutMs),
        redirect: "error",
      });
      // Drain the body so the connection can be reused; its content is not ours to log.
      await response.arrayBuffer().catch(() => undefined);
      lastStatus = response.status;
      if (response.ok) {
        options.log?.({
          url: shownUrl,
          event: message.event,
          attempt,
          status: response.status,
          error: null,
          retryInMs: null,
        });
        return { ok: true, status: response.status, attempts: attempt };
      }
      lastError = `HTTP ${response.status}`;
      if (response.status < 500) {
        options.log?.({
          url: shownUrl,
          event: message.event,
          attempt,
          status: response.status,
          error: lastError,
          retryInMs: null,
        });
        return { ok: false, permanent: true, status: response.status, attempts: attempt, error: lastError };
      }
      retryHint = retryAfterMs(response.headers.get("retry-after"));
    } catch (error) {
      lastStatus = null;
      lastError = describeNetworkError(error);
    }
    const last = attempt === policy.attempts;
    const delay = last
      ? null
      : Math.min(policy.maxDelayMs, Math.max(backoffDelay(attempt, policy, random), retryHint ?? 0));
    options.log?.({
      url: shownUrl,
      event: message.event,
      attempt,
      status: lastStatus,
      error: lastError,
      retryInMs: delay,
    });
    if (delay !== null) await sleep(delay);
  }
  return { ok: false, permanent: false, status: lastStatus, attempts: policy.attempts, error: lastError };
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timeout";
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code) return cause.code;
    return error.name;
  }
  return "network error";
}
