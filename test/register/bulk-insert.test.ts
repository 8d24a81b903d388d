// Fan-out writes on each engine: thousands of rows in a few statements, stored exactly as given, and an idempotent
// enqueue that keeps the rows already there.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { inTransaction, reader } from "../../src/app/register/unit-of-work.js";
import type { OutboxMessage } from "../../src/domain/outbox-message.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "./databases.js";

const principal: Principal = localOperator("test:bulk", "t-bulk");
const NOW = Date.parse("2026-09-01T08:00:00Z");

const notice = (n: number): OutboxMessage => ({
  channel: "email",
  to: { address: `dpo${n}@ecoles.example`, language: n % 2 ? "fr" : "en" },
  content: {
    lang: n % 2 ? "fr" : "en",
    subject: `Avis n° ${n} — « l'été » \\ "quoted"`,
    heading: "Sous-traitant ultérieur",
    paragraphs: [`ligne ${n}\nsuite`],
    facts: [["Échéance", `${n}`]],
  },
});

describe.each(ENGINES)("bulk writes on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  it("stores 2,500 messages across several statements, each exactly as given", async () => {
    const items = Array.from({ length: 2_500 }, (_, n) => ({
      id: `notice.${n}`,
      kind: "subprocessor_change.announced",
      message: notice(n),
      notBefore: NOW + n,
    }));
    await inTransaction(register, principal, NOW, (unit) => unit.outbox.enqueue(items));
    const outbox = reader(register, principal).outbox;
    expect((await outbox.counts()).pending).toBe(2_500);
    const stored = await outbox.byId("notice.1999");
    expect(stored?.message).toEqual(notice(1999));
    expect(stored?.notBefore).toBe(NOW + 1999);
    expect(stored?.claimedBy).toBeNull();
  });

  it("keeps the messages already enqueued when the same keys come again, and adds the new ones", async () => {
    const item = (n: number, version: number) => ({
      id: `notice.${n}`,
      kind: "subprocessor_change.announced",
      message: notice(n * 10 + version),
    });
    await inTransaction(register, principal, NOW, (unit) =>
      unit.outbox.enqueue(Array.from({ length: 1_200 }, (_, n) => item(n, 1))),
    );
    await inTransaction(register, principal, NOW, (unit) =>
      unit.outbox.enqueue(Array.from({ length: 1_500 }, (_, n) => item(n, 2))),
    );
    const outbox = reader(register, principal).outbox;
    expect((await outbox.counts()).pending).toBe(1_500);
    expect((await outbox.byId("notice.7"))?.message).toEqual(notice(71));
    expect((await outbox.byId("notice.1300"))?.message).toEqual(notice(13002));
  });
});
