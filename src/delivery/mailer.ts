// E-mail through SMTP (nodemailer), configured by one SMTP_URL, each message in its recipient's language.

import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import type { Language } from "../domain/duration.js";
import type { RenderedEmail } from "../domain/email-content.js";
import { Art28Error, invalidInput } from "../domain/error.js";

export interface Recipient {
  readonly address: string;
  readonly name?: string;
  readonly language: Language;
}

export interface OutgoingEmail {
  readonly to: Recipient;
  /** The message laid out in the recipient's language. */
  readonly email: RenderedEmail;
  /** The outbox job's key: it becomes the Message-ID, so a resend after a crash is recognisable. */
  readonly idempotencyKey: string;
}

export interface MailerConfig {
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465. */
  readonly smtpUrl: string;
  /** The sender, e.g. "art28 <dpo@academie.example>". */
  readonly from: string;
}

export interface SentEmail {
  readonly messageId: string;
  readonly accepted: readonly string[];
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<SentEmail>;
  close(): void;
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** The SMTP URL without its password, for messages and logs. */
export function redactSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unreadable SMTP_URL)";
  }
}

/** Checked once at start-up: a readable smtp: or smtps: URL with a host, and a sender address. */
export function readMailerConfig(env: Readonly<Record<string, string | undefined>>): MailerConfig {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) {
    throw invalidInput(
      { fr: "SMTP_URL n'est pas défini", en: "SMTP_URL is not set" },
      {
        argument: "SMTP_URL",
        accepted: { fr: "smtp://utilisateur:mot-de-passe@hôte:587", en: "smtp://user:password@host:587" },
      },
    );
  }
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw invalidInput(
      { fr: "SMTP_URL n'est pas une URL lisible", en: "SMTP_URL is not a readable URL" },
      { argument: "SMTP_URL" },
    );
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || url.hostname === "") {
    throw invalidInput(
      {
        fr: `SMTP_URL doit commencer par smtp:// ou smtps:// et nommer un hôte (${redactSmtpUrl(smtpUrl)})`,
        en: `SMTP_URL must start with smtp:// or smtps:// and name a host (${redactSmtpUrl(smtpUrl)})`,
      },
      { argument: "SMTP_URL" },
    );
  }
  const from = env.MAIL_FROM?.trim() || `art28 <art28@${url.hostname}>`;
  return { smtpUrl, from };
}

/**
 * A mailer over one SMTP connection pool. A failure surfaces as `unavailable`, with `transient` telling the
 * outbox whether to try again (network errors and SMTP 4xx) or give up (SMTP 5xx: the server refused).
 */
export function createMailer(config: MailerConfig): Mailer {
  // nodemailer is loaded with the first mailer, not at start-up: only the worker sends, and it costs 40 ms.
  const transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> = import("nodemailer").then(
    ({ default: nodemailer }) => nodemailer.createTransport(config.smtpUrl),
  );
  transport.catch(() => {}); // a transport that cannot be made fails each send; unsent, it is nobody's error
  return {
    async send(email) {
      if (!KEY.test(email.idempotencyKey)) {
        throw invalidInput(
          { fr: "clé d'idempotence invalide", en: "invalid idempotency key" },
          { argument: "idempotencyKey" },
        );
      }
      try {
        const info = await (await transport).sendMail({
          from: config.from,
          to: email.to.name ? { name: email.to.name, address: email.to.address } : email.to.address,
          subject: email.email.subject,
          text: email.email.text,
          html: email.email.html,
          messageId: `<${email.idempotencyKey}@art28>`,
          headers: { "Content-Language": email.to.language, "X-Art28-Idempotency-Key": email.idempotencyKey },
        });
        return {
          messageId: info.messageId,
          accepted: info.accepted.map((a) =>
            typeof a === "string" ? a : (a as { address: string }).address,
          ),
        };
      } catch (error) {
        const responseCode = (error as { responseCode?: number }).responseCode;
        const transient = responseCode === undefined || responseCode < 500;
        throw new Art28Error(
          "unavailable",
          {
            fr: `envoi du courriel impossible par ${redactSmtpUrl(config.smtpUrl)}${responseCode ? ` (SMTP ${responseCode})` : ""}`,
            en: `could not send the e-mail through ${redactSmtpUrl(config.smtpUrl)}${responseCode ? ` (SMTP ${responseCode})` : ""}`,
          },
          { transient, responseCode },
        );
      }
    },
    close() {
      transport.then(
        (opened) => opened.close(),
        () => {},
      );
    },
  };
}
