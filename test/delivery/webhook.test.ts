import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  deliverWebhook,
  IDEMPOTENCY_HEADER,
  redactUrl,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  type WebhookLogEntry,
} from "../../src/delivery/webhook.js";

const SECRET = "whsec_0123456789abcdef";

interface Received {
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  readonly signatureValid: boolean;
}

/** A real HTTP receiver on loopback that checks signatures, drops duplicates by key, and answers as told. */
class Receiver {
  readonly requests: Received[] = [];
  readonly processed = new Map<string, unknown>();
  answers: number[] = [];
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const signatureValid = verifyWebhookSignature({
          secret: SECRET,
          body,
          signature: req.headers[SIGNATURE_HEADER] as string | undefined,
          timestamp: req.headers[TIMESTAMP_HEADER] as string | undefined,
          nowSeconds: Math.floor(Date.now() / 1000),
        });
        this.requests.push({ headers: req.headers, body, signatureValid });
        const status = this.answers.shift() ?? 200;
        const key = req.headers[IDEMPOTENCY_HEADER] as string;
        if (status < 300 && signatureValid && !this.processed.has(key))
          this.processed.set(key, JSON.parse(body));
        res.statusCode = signatureValid ? status : 401;
        res.end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/art28?token=abc`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const noWait = { sleep: async () => undefined, random: () => 0.5 };
const message = {
  event: "obligation.reminder",
  payload: { obligationId: "o1", due: "2026-05-13" },
  idempotencyKey: "outbox-42",
};

describe("webhook delivery to a real HTTP receiver on loopback", () => {
  const receiver = new Receiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.processed.clear();
    receiver.answers = [];
  });

  it("posts JSON the receiver can verify with the shared secret", async () => {
    const result = await deliverWebhook({ url: receiver.url, secret: SECRET }, message, noWait);
    expect(result).toEqual({ ok: true, status: 200, attempts: 1 });
    const [request] = receiver.requests;
    expect(request?.signatureValid).toBe(true);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers[IDEMPOTENCY_HEADER]).toBe("outbox-42");
    expect(JSON.parse(request?.body ?? "{}")).toEqual({
      event: "obligation.reminder",
      idempotencyKey: "outbox-42",
      data: message.payload,
    });
  });

  it("is refused by the receiver when signed with another secret", async () => {
    const result = await deliverWebhook(
      { url: receiver.url, secret: "another-secret-of-16+" },
      message,
      noWait,
    );
    expect(result).toMatchObject({ ok: false, permanent: true, status: 401 });
  });

  it("retries after a 500 with the same idempotency key, and the receiver acts once", async () => {
    receiver.answers = [500, 503];
    const delays: number[] = [];
    const result = await deliverWebhook({ url: receiver.url, secret: SECRET }, message, {
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(result).toEqual({ ok: true, status: 200, attempts: 3 });
    expect(receiver.requests.map((r) => r.headers[IDEMPOTENCY_HEADER])).toEqual([
      "outbox-42",
      "outbox-42",
      "outbox-42",
    ]);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(delays).toEqual([250, 500]);
    expect(receiver.processed.size).toBe(1);
  });

  it("lets the receiver drop a repeated delivery by its key", async () => {
    await deliverWebhook({ url: receiver.url, secret: SECRET }, message, noWait);
    await deliverWebhook({ url: receiver.url, secret: SECRET }, message, noWait);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.processed.size).toBe(1);
  });

  it("gives up after the last attempt on a receiver that keeps failing", async () => {
    receiver.answers = [500, 500, 500];
    const result = await deliverWebhook({ url: receiver.url, secret: SECRET }, message, {
      ...noWait,
      retry: { ...DEFAULT_RETRY_POLICY, attempts: 3 },
    });
    expect(result).toMatchObject({ ok: false, permanent: false, status: 500, attempts: 3 });
  });

  it("does not retry a 4xx answer, which retrying cannot fix", async () => {
    receiver.answers = [422];
    const result = await deliverWebhook({ url: receiver.url, secret: SECRET }, message, noWait);
    expect(result).toMatchObject({ ok: false, permanent: true, status: 422, attempts: 1 });
  });

  it("retries when the network fails, then reports it", async () => {
    const result = await deliverWebhook(
      { url: `http://127.0.0.1:${await closedPort()}/hook`, secret: SECRET },
      message,
      {
        ...noWait,
        retry: { ...DEFAULT_RETRY_POLICY, attempts: 2 },
      },
    );
    expect(result).toMatchObject({
      ok: false,
      permanent: false,
      status: null,
      attempts: 2,
      error: "ECONNREFUSED",
    });
  });

  it("never logs the secret, the signature, the body or the URL's query", async () => {
    receiver.answers = [500];
    const entries: WebhookLogEntry[] = [];
    await deliverWebhook({ url: receiver.url, secret: SECRET }, message, {
      ...noWait,
      log: (e) => entries.push(e),
    });
    const logged = JSON.stringify(entries);
    expect(entries.map((e) => e.status)).toEqual([500, 200]);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain("token=abc");
    expect(logged).not.toContain("obligationId");
    const signature = receiver.requests[0]?.headers[SIGNATURE_HEADER] as string;
    expect(logged).not.toContain(signature.slice("sha256=".length));
  });
});

describe("signatures and back-off", () => {
  it("rejects a signature whose timestamp is too old to be trusted", () => {
    const body = "{}";
    const nowSeconds = 1_800_000_000;
    const old = nowSeconds - 3600;
    const signature = `sha256=${createHmac("sha256", SECRET).update(`${old}.${body}`).digest("hex")}`;
    expect(
      verifyWebhookSignature({ secret: SECRET, body, signature, timestamp: String(old), nowSeconds: old }),
    ).toBe(true);
    expect(
      verifyWebhookSignature({ secret: SECRET, body, signature, timestamp: String(old), nowSeconds }),
    ).toBe(false);
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        body: "{ }",
        signature,
        timestamp: String(old),
        nowSeconds: old,
      }),
    ).toBe(false);
  });

  it("grows the back-off bound exponentially up to its cap, jittered below it", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 500, maxDelayMs: 4_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.999_999))).toEqual([
      499, 999, 1999, 3999, 3999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it("shows a URL without its credentials or query", () => {
    expect(redactUrl("https://user:pw@hooks.example/a/b?token=x#f")).toBe("https://hooks.example/a/b");
  });

  it("refuses a secret too short to protect anything", async () => {
    await expect(
      deliverWebhook({ url: "http://127.0.0.1:1/", secret: "short" }, message, noWait),
    ).rejects.toThrowError(/16 characters/);
  });
});
