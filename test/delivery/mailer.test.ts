import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMailer,
  type OutgoingEmail,
  readMailerConfig,
  redactSmtpUrl,
} from "../../src/delivery/mailer.js";
import { type LoopbackSmtp, SMTP_PASSWORD, startLoopbackSmtp } from "./loopback-smtp.js";

const versions: Record<"fr" | "en", OutgoingEmail["email"]> = {
  fr: {
    subject: "Échéance dépassée",
    text: "Bonjour, l'échéance est dépassée.",
    html: "<p>Bonjour, l'échéance est dépassée.</p>",
  },
  en: {
    subject: "Deadline passed",
    text: "Hello, the deadline has passed.",
    html: "<p>Hello, the deadline has passed.</p>",
  },
};

describe("the mailer, against a real SMTP server on loopback", () => {
  let smtp: LoopbackSmtp;
  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("delivers each e-mail with its language and the idempotency key as Message-ID", async () => {
    const mailer = createMailer(
      readMailerConfig({ SMTP_URL: smtp.url, MAIL_FROM: "art28 <dpo@academie.example>" }),
    );
    try {
      await mailer.send({
        to: { address: "direction@college.example", language: "fr" },
        email: versions.fr,
        idempotencyKey: "job-1",
      });
      await mailer.send({
        to: { address: "dpo@vendor.example", name: "DPO", language: "en" },
        email: versions.en,
        idempotencyKey: "job-2",
      });
    } finally {
      mailer.close();
    }
    const french = smtp.messages.find((m) => m.to.includes("direction@college.example"));
    const english = smtp.messages.find((m) => m.to.includes("dpo@vendor.example"));
    expect(french?.headers.get("subject")).toBe("Échéance dépassée");
    expect(french?.headers.get("content-language")).toBe("fr");
    expect(french?.headers.get("message-id")).toBe("<job-1@art28>");
    expect(french?.decoded).toContain("l'échéance est dépassée.");
    expect(french?.decoded).toContain("<p>Bonjour");
    expect(english?.headers.get("subject")).toBe("Deadline passed");
    expect(english?.headers.get("x-art28-idempotency-key")).toBe("job-2");
    expect(english?.from).toBe("dpo@academie.example");
  });

  it("reports a refused login as unavailable, without the password", async () => {
    const wrong = smtp.url.replace(SMTP_PASSWORD, "not-the-password");
    const mailer = createMailer({ smtpUrl: wrong, from: "art28@localhost" });
    try {
      await expect(
        mailer.send({
          to: { address: "x@example.org", language: "fr" },
          email: versions.fr,
          idempotencyKey: "job-3",
        }),
      ).rejects.toSatisfy((error: { code: string; message: string }) => {
        expect(error.code).toBe("unavailable");
        expect(error.message).not.toContain("not-the-password");
        return true;
      });
    } finally {
      mailer.close();
    }
  });

  it("reports an unreachable server as a transient failure", async () => {
    const mailer = createMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "art28@localhost" });
    try {
      await expect(
        mailer.send({
          to: { address: "x@example.org", language: "en" },
          email: versions.en,
          idempotencyKey: "job-4",
        }),
      ).rejects.toMatchObject({ code: "unavailable", details: { transient: true } });
    } finally {
      mailer.close();
    }
  });
});

describe("the mailer's configuration", () => {
  it("fails fast when SMTP_URL is missing or not an SMTP URL", () => {
    expect(() => readMailerConfig({})).toThrowError(/SMTP_URL is not set/);
    expect(() => readMailerConfig({ SMTP_URL: "http://mail.example" })).toThrowError(/smtp:\/\//);
  });

  it("never repeats the password in what it says", () => {
    expect(redactSmtpUrl("smtp://user:hunter2@mail.example:587")).toBe("smtp://user:***@mail.example:587");
    try {
      readMailerConfig({ SMTP_URL: "ftp://user:hunter2@mail.example" });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("hunter2");
    }
  });

  it("derives a sender from the SMTP host when MAIL_FROM is unset", () => {
    expect(readMailerConfig({ SMTP_URL: "smtp://mail.example:25" }).from).toBe("art28 <art28@mail.example>");
  });
});
