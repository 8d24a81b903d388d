import { describe, expect, it } from "vitest";
import { DEFAULT_OUTBOX_RETRY, nextAttemptAt, outboxMessageSchema } from "./outbox-message.js";

describe("an outbox message", () => {
  const version = { subject: "S", text: "T", html: "<p>T</p>" };
  const content = {
    lang: "fr",
    subject: "S",
    heading: "H",
    paragraphs: ["P"],
    facts: [["Échéance", "demain"]],
  };

  it("is an e-mail with its words in the recipient's language, or a webhook naming its endpoint", () => {
    expect(
      outboxMessageSchema.safeParse({
        channel: "email",
        to: { address: "dpo@ecole.example", language: "fr" },
        content,
      }).success,
    ).toBe(true);
    expect(
      outboxMessageSchema.safeParse({
        channel: "webhook",
        endpointId: "wh1",
        event: "breach.notified",
        payload: { id: 1 },
      }).success,
    ).toBe(true);
  });

  it("still reads an e-mail enqueued fully rendered in both languages", () => {
    expect(
      outboxMessageSchema.safeParse({
        channel: "email",
        to: { address: "dpo@ecole.example", language: "fr" },
        versions: { fr: version, en: version },
      }).success,
    ).toBe(true);
  });

  it("refuses an e-mail without a valid address or without a subject, or a webhook with a malformed event name", () => {
    expect(
      outboxMessageSchema.safeParse({
        channel: "email",
        to: { address: "not an address", language: "fr" },
        content,
      }).success,
    ).toBe(false);
    expect(
      outboxMessageSchema.safeParse({
        channel: "email",
        to: { address: "dpo@ecole.example", language: "fr" },
        content: { ...content, subject: "" },
      }).success,
    ).toBe(false);
    expect(
      outboxMessageSchema.safeParse({ channel: "webhook", endpointId: "wh1", event: "Breach!", payload: {} })
        .success,
    ).toBe(false);
  });
});

describe("when a failed message is tried again", () => {
  const failedAt = Date.parse("2026-05-07T10:00:00Z");

  it("waits longer after each failure, between half and all of the bound", () => {
    const delays = [1, 2, 3, 4].map((n) => (nextAttemptAt(n, failedAt, 0) ?? 0) - failedAt);
    expect(delays).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect((nextAttemptAt(1, failedAt, 0.999_999) ?? 0) - failedAt).toBeLessThan(30_000);
  });

  it("never waits more than the cap", () => {
    expect((nextAttemptAt(9, failedAt, 0.999_999) ?? 0) - failedAt).toBeLessThanOrEqual(
      DEFAULT_OUTBOX_RETRY.maxDelayMs,
    );
  });

  it("gives up once the attempts are spent", () => {
    expect(nextAttemptAt(DEFAULT_OUTBOX_RETRY.maxAttempts, failedAt, 0.5)).toBeNull();
  });
});
