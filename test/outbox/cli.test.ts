// End to end through the built `art28` binary: a demo world's controller gets a contact and a webhook, a breach
// notice is recorded, and `art28 worker --once` delivers it to a real SMTP server and a real webhook receiver.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../cli.js";
import { startReceiver, startSmtp, type TestReceiver, type TestSmtp } from "./outbox-world.js";

const BIN = join(PROJECT_ROOT, "dist/cli/main.js");
const SECRET = "cli-webhook-secret-0123456789abcdef";

/** Runs the CLI without blocking this process, whose servers must answer the worker. */
function art28(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ART28_LANG: undefined, ART28_DEBUG: undefined, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("art28 contacts, webhooks and worker", () => {
  let dir: string;
  let smtp: TestSmtp;
  let receiver: TestReceiver;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "art28-outbox-cli-"));
    smtp = await startSmtp();
    receiver = await startReceiver(SECRET);
    env = { DATABASE_URL: `file:${join(dir, "register.sqlite")}` };
    expect((await art28(["demo"], env)).status).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await smtp.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sets a contact, in the language its recipient reads", async () => {
    const set = await art28(
      [
        "contacts",
        "set",
        "--org",
        "Lycée Marie-Curie",
        "--email",
        "dpo@marie-curie.example",
        "--language",
        "en",
      ],
      env,
    );
    expect(set.stdout.trim()).toBe(
      "Lycée Marie-Curie : avis et rappels à dpo@marie-curie.example, en anglais",
    );
    const list = await art28(["contacts", "list", "--org", "0693456G", "--json"], env);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { organisation: "Lycée Marie-Curie", contact: { email: "dpo@marie-curie.example", language: "en" } },
    ]);
  });

  it("refuses an unknown organisation or a malformed address in one line", async () => {
    const unknown = await art28(["contacts", "set", "--org", "Nulle Part", "--email", "a@b.example"], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toContain("organisation « Nulle Part » introuvable");
    const malformed = await art28(["contacts", "set", "--org", "Lycée Marie-Curie", "--email", "dpo@"], env);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("n'est pas une adresse électronique");
  });

  it("adds a webhook whose secret is never shown again", async () => {
    const added = await art28(
      ["webhooks", "add", "--org", "Lycée Marie-Curie", "--url", receiver.url, "--json"],
      { ...env, ART28_WEBHOOK_SECRET: SECRET },
    );
    expect(added.status).toBe(0);
    const listed = await art28(["webhooks", "list", "--json"], env);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { organisation: "Lycée Marie-Curie", url: receiver.url.split("?")[0] },
    ]);
    for (const output of [added.stdout, listed.stdout, added.stderr]) expect(output).not.toContain(SECRET);
    const short = await art28(["webhooks", "add", "--org", "Lycée Marie-Curie", "--url", receiver.url], {
      ...env,
      ART28_WEBHOOK_SECRET: "short",
    });
    expect(short.stderr).toContain("au moins 16 caractères");
  });

  it("will not start the worker without a usable SMTP_URL", async () => {
    const run = await art28(["worker", "--once", "--lang", "en"], {
      ...env,
      SMTP_URL: "http://mail.example",
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("SMTP_URL must start with smtp:// or smtps://");
  });

  it("delivers a breach notice by e-mail and webhook, then stops when nothing is left", async () => {
    const breach = await art28(
      [
        "breach",
        "record",
        "--processor",
        "Opérateur de Korrigo PMF",
        "--aware",
        "2026-11-25T10:15+01:00",
        "--nature",
        "confidentiality",
        "--description",
        "Copies accessibles sans authentification",
        "--notify",
      ],
      env,
    );
    expect(breach.status).toBe(0);
    const run = await art28(["worker", "--once", "--lang", "en"], {
      ...env,
      SMTP_URL: smtp.url,
      MAIL_FROM: "art28 <rappels@academie.example>",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The school with a contact is written to there, in English; the other controllers at their DPO's address.
    expect(run.stdout).toMatch(
      new RegExp(`stopped: ${smtp.received.length + 1} sent, 0 to retry, 0 given up`),
    );
    const mail = smtp.received.find((m) => m.to.includes("dpo@marie-curie.example"));
    expect(mail?.to).toEqual(["dpo@marie-curie.example"]);
    expect(
      smtp.received.filter((m) => m !== mail).every((m) => !m.raw.includes("Content-Language: en")),
    ).toBe(true);
    expect(mail?.messageId).toMatch(/^<breach\.[0-9a-f-]+\.notice\.1\.[0-9a-f-]+\.email@art28>$/);
    expect(mail?.raw).toContain("Content-Language: en");
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.validSignature).toBe(true);
    expect(run.stdout).not.toContain("dpo@marie-curie.example");
    // Nothing is sent twice by a second run.
    const again = await art28(["worker", "--once", "--lang", "en"], { ...env, SMTP_URL: smtp.url });
    expect(again.stdout).toMatch(/stopped: 0 sent/);
    expect(smtp.received).toHaveLength(1);

    // The outbox shows what went out, to whom, never a secret; a sent message cannot be retried.
    const listed = await art28(["outbox", "list", "--status", "sent", "--json"], env);
    const { counts, messages } = JSON.parse(listed.stdout);
    expect(counts).toEqual({ pending: 0, claimed: 0, sent: 2, dead: 0 });
    expect(messages.map((m: { channel: string }) => m.channel).sort()).toEqual(["email", "webhook"]);
    expect(listed.stdout).not.toContain(SECRET);
    const retry = await art28(["outbox", "retry", messages[0].id], env);
    expect(retry.status).not.toBe(0);
    expect(retry.stderr).toContain("n'est pas abandonné (statut sent)");
  }, 60_000);
});
