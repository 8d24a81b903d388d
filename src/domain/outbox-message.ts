// A message waiting in the transactional outbox, written when its transaction commits, and when to try it again.

import { z } from "zod";
import { emailContentSchema } from "./email-content.js";

const recipient = z.object({
  address: z.email(),
  name: z.string().optional(),
  language: z.enum(["fr", "en"]),
});

const rendered = z.object({ subject: z.string().min(1), text: z.string(), html: z.string() });

/**
 * What the outbox stores: the words sent, in the recipient's language, so the journal and the evidence show what
 * people received; the layout (text and HTML) is applied when sending. Messages enqueued before that kept both
 * languages fully rendered (`versions`): they are still read and sent as they were.
 */
export const outboxMessageSchema = z.union([
  z.object({ channel: z.literal("email"), to: recipient, content: emailContentSchema }),
  z.object({
    channel: z.literal("email"),
    to: recipient,
    versions: z.object({ fr: rendered, en: rendered }),
  }),
  z.object({
    channel: z.literal("webhook"),
    /** The endpoint's id; its URL and secret are looked up when sending, never copied into the outbox. */
    endpointId: z.string().min(1),
    event: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
    payload: z.unknown(),
  }),
]);
export type OutboxMessage = z.output<typeof outboxMessageSchema>;

export interface OutboxRetryPolicy {
  /** Attempts in all, the first included, before the message is given up as dead. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_OUTBOX_RETRY: OutboxRetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
};

/**
 * When a message that failed for the `attempts`-th time should be tried again: exponential back-off with
 * jitter (`random` in [0, 1), passed in so the rule stays pure), at least half the bound so retries spread
 * without collapsing to zero; null once the attempts are spent.
 */
export function nextAttemptAt(
  attempts: number,
  failedAt: number,
  random: number,
  policy: OutboxRetryPolicy = DEFAULT_OUTBOX_RETRY,
): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  return failedAt + Math.floor(bound / 2 + (random * bound) / 2);
}
