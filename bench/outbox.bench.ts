// Outbox throughput: enqueuing in one transaction, and draining to an SMTP server on loopback (the worker's pooled
// connection, and one connection per message with SMTP_URL ?pool=false: smtp-server waits 100 ms before each
// greeting, so that figure measures the test server more than art28), on SQLite and, when DATABASE_URL names a
// PostgreSQL server, on a fresh database of its own that is dropped afterwards.

import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";
import { readWorkerConfig, runOutboxWorker } from "../src/app/outbox/run-outbox-worker.js";
import type { Register } from "../src/app/register/open-register.js";
import { inTransaction } from "../src/app/register/unit-of-work.js";
import { localOperator } from "../src/domain/principal.js";
import { onEachEngine } from "./engines.js";
import type { Emit } from "./run.js";

const MESSAGES = 1_000;

async function startSink(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function measure(register: Register, engine: string, emit: Emit): Promise<void> {
  const sink = await startSink();
  try {
    for (const [variant, query] of [
      ["connection_per_message", "?pool=false"],
      ["pooled", ""],
    ] as const) {
      const principal = localOperator("bench", `bench-${variant}`);
      const started = performance.now();
      await inTransaction(register, principal, Date.now(), (unit) =>
        unit.outbox.enqueue(
          Array.from({ length: MESSAGES }, (_, n) => ({
            kind: "bench.message",
            message: {
              channel: "email" as const,
              to: { address: `dpo-${n % 50}@ecole.example`, language: "fr" as const },
              versions: {
                fr: { subject: `Rappel ${n}`, text: `Échéance ${n}`, html: `<p>Échéance ${n}</p>` },
                en: { subject: `Reminder ${n}`, text: `Deadline ${n}`, html: `<p>Deadline ${n}</p>` },
              },
            },
          })),
        ),
      );
      if (variant === "connection_per_message")
        emit(`outbox.enqueue.${engine}`, MESSAGES / ((performance.now() - started) / 1000), "messages/s");

      const before = sink.count();
      const drainStarted = performance.now();
      const report = await runOutboxWorker({
        register,
        config: readWorkerConfig({ SMTP_URL: `${sink.url}${query}` }),
        once: true,
        batchSize: 50,
      });
      const seconds = (performance.now() - drainStarted) / 1000;
      if (report.sent !== MESSAGES || sink.count() - before !== MESSAGES)
        throw new Error(`bench outbox drained ${report.sent}, received ${sink.count() - before}`);
      emit(`outbox.drain_smtp_${variant}.${engine}`, MESSAGES / seconds, "messages/s");
    }
  } finally {
    await sink.close();
  }
}

export default async function (emit: Emit): Promise<void> {
  await onEachEngine((register, engine) => measure(register, engine, emit));
}
