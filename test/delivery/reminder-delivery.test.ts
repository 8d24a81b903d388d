import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../src/delivery/mailer.js";
import { composeEmail } from "../../src/documents/email/email-layout.js";
import { renderReminderEmail } from "../../src/documents/email/reminder-email.js";
import { nextReminder } from "../../src/domain/reminder-schedule.js";
import { type LoopbackSmtp, startLoopbackSmtp } from "./loopback-smtp.js";

describe("a reminder, scheduled, rendered and sent to a real SMTP server on loopback", () => {
  let smtp: LoopbackSmtp;
  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("reaches a French and an English recipient, each in their language", async () => {
    const due = Date.parse("2026-05-13T00:00:00+02:00");
    const point = nextReminder({
      due,
      now: Date.parse("2026-05-13T00:00:30+02:00"),
      lastSentAt: Date.parse("2026-05-12T00:00:05+02:00"),
      timeZone: "Europe/Paris",
    });
    expect(point?.kind).toBe("due");
    const email = (lang: "fr" | "en") =>
      composeEmail(
        renderReminderEmail(
          {
            what: { fr: "notifier la violation au collège", en: "notify the breach to the school" },
            due,
            timeZone: "Europe/Paris",
            point: point as NonNullable<typeof point>,
            counterparty: "Collège <Jean Moulin>",
            agreement: null,
            obligationId: "obl-1",
          },
          lang,
        ),
      );
    const mailer = createMailer({ smtpUrl: smtp.url, from: "art28 <rappels@art28.example>" });
    try {
      await mailer.send({
        to: { address: "dpo@ecole.example", language: "fr" },
        email: email("fr"),
        idempotencyKey: "reminder-obl-1-fr",
      });
      await mailer.send({
        to: { address: "dpo@vendor.example", language: "en" },
        email: email("en"),
        idempotencyKey: "reminder-obl-1-en",
      });
    } finally {
      mailer.close();
    }
    const fr = smtp.messages.find((m) => m.to.includes("dpo@ecole.example"));
    const en = smtp.messages.find((m) => m.to.includes("dpo@vendor.example"));
    expect(fr?.headers.get("subject")).toBe("[art28] Échéance atteinte : notifier la violation au collège");
    expect(fr?.decoded).toContain("jusqu'au mardi 12 mai 2026 inclus, heure de Paris");
    expect(fr?.decoded).toContain("<dd>Collège &lt;Jean Moulin&gt;</dd>");
    expect(en?.headers.get("subject")).toBe("[art28] Deadline reached: notify the breach to the school");
    expect(en?.decoded).toContain("up to and including Tuesday 12 May 2026, Paris time");
  });
});
