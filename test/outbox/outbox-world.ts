// What the outbox tests share: a register on a fresh database, organisations and obligations made through the use
// cases, a real SMTP server on loopback that can be slowed down, and a webhook receiver that checks signatures.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { recordObligations } from "../../src/app/obligations/record-obligations.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import { verifyWebhookSignature } from "../../src/delivery/webhook.js";
import type { Organisation } from "../../src/domain/organisation.js";
import type { OutboxMessage } from "../../src/domain/outbox-message.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, type TestDatabase } from "../register/databases.js";

export const PRINCIPAL: Principal = localOperator("test:w1", "outbox-tests");

export interface World {
  readonly database: TestDatabase;
  readonly register: Register;
  close(): Promise<void>;
}

export async function openWorld(engine: "sqlite" | "postgres"): Promise<World> {
  const database = await createTestDatabase(engine);
  const register = await openRegister({ env: { DATABASE_URL: database.url } });
  return {
    database,
    register,
    async close() {
      await register.close();
      await database.drop();
    },
  };
}

export function organisation(world: World, name: string, now: number): Promise<Organisation> {
  return createOrganisation({
    register: world.register,
    principal: PRINCIPAL,
    input: { name, country: "FR" },
    now,
  });
}

/** An open obligation of `holder` towards `counterparty`, due at `due`, opened at `now`. */
export async function obligation(
  world: World,
  holder: Organisation,
  counterparty: Organisation,
  due: number,
  now: number,
): Promise<string> {
  const { result } = await inTransaction(world.register, PRINCIPAL, now, (unit) =>
    recordObligations(unit, [
      {
        kind: "notify_breach_to_controller",
        holderId: holder.id,
        counterpartyId: counterparty.id,
        agreementId: null,
        trigger: { type: "breach", id: "breach-1", at: now },
        due,
        basis: { kind: "statute", rule: "GDPR Art. 33(2)", duration: { amount: 48, unit: "hours" } },
        what: {
          fr: `notifier la violation à ${counterparty.name}`,
          en: `notify the breach to ${counterparty.name}`,
        },
      },
    ]),
  );
  return (result[0] as { id: string }).id;
}

export function emailMessage(address: string, n: number, language: "fr" | "en" = "fr"): OutboxMessage {
  return {
    channel: "email",
    to: { address, language },
    content: {
      lang: language,
      subject: `[art28] message ${n} (${language})`,
      heading: `message ${n}`,
      paragraphs: [],
      facts: [],
    },
  };
}

export interface Received {
  readonly messageId: string;
  readonly idempotencyKey: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly raw: string;
}

export interface TestSmtp {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/**
 * An SMTP server on loopback that keeps every message it accepts. `delayMs` holds each message before answering
 * 250, and `hold` one chosen message, so a worker can be killed while one is in flight; `failAll` answers 451 (try
 * later) to every message.
 */
export async function startSmtp(
  options: {
    delayMs?: number;
    failAll?: boolean;
    /** Once the message with this idempotency key is received, hold its 250 until `hold.until` resolves. */
    hold?: { key: string; until: () => Promise<void> };
  } = {},
): Promise<TestSmtp> {
  let held = false;
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS of 127.0.0.1 per connection: it would time the resolver, not the worker.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.failAll) {
          const error = new Error("Try again later") as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const head = (raw.split(/\r?\n\r?\n/, 1)[0] ?? "").replace(/\r?\n[ \t]+/g, " ");
        const header = (name: string): string =>
          head
            .split(/\r?\n/)
            .find((l) => l.toLowerCase().startsWith(`${name}:`))
            ?.slice(name.length + 1)
            .trim() ?? "";
        received.push({
          messageId: header("message-id"),
          idempotencyKey: header("x-art28-idempotency-key"),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(header("subject")),
          raw,
        });
        const key = received.at(-1)?.idempotencyKey;
        if (options.hold && !held && key === options.hold.key) {
          held = true;
          options.hold.until().then(() => callback(), callback);
          return;
        }
        setTimeout(() => callback(), options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedHook {
  readonly event: string;
  readonly idempotencyKey: string;
  readonly validSignature: boolean;
  readonly body: { event: string; idempotencyKey: string; data: Record<string, unknown> };
}

export interface TestReceiver {
  readonly url: string;
  readonly received: ReceivedHook[];
  /** The HTTP status the receiver answers with (200 by default). */
  status: number;
  close(): Promise<void>;
}

export async function startReceiver(secret: string): Promise<TestReceiver> {
  const received: ReceivedHook[] = [];
  const receiver = { status: 200 } as { status: number };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        event: String(request.headers["x-art28-event"]),
        idempotencyKey: String(request.headers["idempotency-key"]),
        validSignature: verifyWebhookSignature({
          secret,
          body,
          signature: request.headers["x-art28-signature"] as string | undefined,
          timestamp: request.headers["x-art28-timestamp"] as string | undefined,
          nowSeconds: Math.floor(Date.now() / 1000),
        }),
        body: JSON.parse(body),
      });
      response.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/art28?token=t0k3n`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** RFC 2047 encoded words (as nodemailer folds a non-ASCII subject) back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeURIComponent(text.replaceAll("_", " ").replace(/=([0-9A-F]{2})/gi, "%$1")),
    );
}
