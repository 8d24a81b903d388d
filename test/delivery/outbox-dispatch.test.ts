import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, type Mailer } from "../../src/delivery/mailer.js";
import { type DispatchContext, dispatchOutboxMessage } from "../../src/delivery/outbox-dispatch.js";
import { IDEMPOTENCY_HEADER } from "../../src/delivery/webhook.js";
import { composeEmail } from "../../src/documents/email/email-layout.js";
import { type OutboxMessage, outboxMessageSchema } from "../../src/domain/outbox-message.js";
import { type LoopbackSmtp, startLoopbackSmtp } from "./loopback-smtp.js";

const email = (address: string): OutboxMessage =>
  outboxMessageSchema.parse({
    channel: "email",
    to: { address, language: "fr" },
    content: { lang: "fr", subject: "Rappel", heading: "Rappel", paragraphs: ["Texte"], facts: [] },
  });

describe("dispatching outbox messages over real loopback servers", () => {
  let smtp: LoopbackSmtp;
  let mailer: Mailer;
  let http: Server;
  let hookUrl = "";
  const answers: number[] = [];
  const keys: string[] = [];
  let context: DispatchContext;

  beforeAll(async () => {
    smtp = await startLoopbackSmtp({ rejectRecipients: ["gone@ecole.example"] });
    mailer = createMailer({ smtpUrl: smtp.url, from: "art28@art28.example" });
    http = createServer((req, res) => {
      keys.push(String(req.headers[IDEMPOTENCY_HEADER]));
      req.resume();
      req.on("end", () => {
        res.statusCode = answers.shift() ?? 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`;
    context = {
      mailer,
      layOut: composeEmail,
      webhookEndpoint: (id) =>
        id === "wh1" ? { url: hookUrl, secret: "whsec_0123456789abcdef" } : undefined,
      webhookOptions: { sleep: async () => undefined },
    };
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });

  it("sends an e-mail and reports it sent under its idempotency key", async () => {
    const outcome = await dispatchOutboxMessage(email("dpo@ecole.example"), "outbox-1", context);
    expect(outcome).toEqual({ status: "sent", detail: "<outbox-1@art28>" });
    expect(smtp.messages.at(-1)?.headers.get("message-id")).toBe("<outbox-1@art28>");
  });

  it("lays the words out as text and HTML when it sends them", async () => {
    await dispatchOutboxMessage(email("dpo@ecole.example"), "outbox-5", context);
    const sent = smtp.messages.at(-1);
    expect(sent?.headers.get("subject")).toBe("Rappel");
    expect(sent?.decoded).toContain("<p>Texte</p>");
    expect(sent?.decoded).toContain("Message envoyé par art28");
  });

  it("still sends a message enqueued fully rendered in both languages, in the recipient's", async () => {
    const version = (subject: string) => ({ subject, text: subject, html: `<p>${subject}</p>` });
    const legacy = outboxMessageSchema.parse({
      channel: "email",
      to: { address: "dpo@vendor.example", language: "en" },
      versions: { fr: version("Rappel"), en: version("Reminder") },
    });
    expect(await dispatchOutboxMessage(legacy, "outbox-6", context)).toMatchObject({ status: "sent" });
    expect(smtp.messages.at(-1)?.headers.get("subject")).toBe("Reminder");
  });

  it("gives up on an address the server refuses for good (SMTP 550)", async () => {
    const outcome = await dispatchOutboxMessage(email("gone@ecole.example"), "outbox-2", context);
    expect(outcome.status).toBe("failed");
  });

  it("asks for a retry when the webhook receiver keeps answering 503", async () => {
    answers.push(503, 503, 503);
    const message = outboxMessageSchema.parse({
      channel: "webhook",
      endpointId: "wh1",
      event: "breach.notified",
      payload: {},
    });
    const outcome = await dispatchOutboxMessage(message, "outbox-3", context);
    expect(outcome).toMatchObject({ status: "retry", reason: "HTTP 503" });
    expect(keys.slice(-3)).toEqual(["outbox-3", "outbox-3", "outbox-3"]);
  });

  it("sends a webhook once the receiver recovers", async () => {
    answers.push(500);
    const message = outboxMessageSchema.parse({
      channel: "webhook",
      endpointId: "wh1",
      event: "breach.notified",
      payload: {},
    });
    expect(await dispatchOutboxMessage(message, "outbox-4", context)).toMatchObject({ status: "sent" });
  });

  it("fails a webhook whose endpoint is unknown", async () => {
    const message = outboxMessageSchema.parse({
      channel: "webhook",
      endpointId: "gone",
      event: "breach.notified",
      payload: {},
    });
    expect(await dispatchOutboxMessage(message, "outbox-5", context)).toMatchObject({ status: "failed" });
  });
});
