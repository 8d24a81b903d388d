// Records named by the first characters of their id: found by an equal leading text, whatever the database's collation.

import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { findAgreement } from "../../src/app/register/find-record.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { reader } from "../../src/app/register/unit-of-work.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { idStartsWith } from "../../src/store/key-lookup.js";
import { createTestDatabase, ENGINES, POSTGRES_URL, type TestDatabase } from "./databases.js";

const principal: Principal = localOperator("test:dpo", "t-key-lookup");
const IDS = ["0193a2b4-5c6d-7e8f", "0193a2b45c6d-0000", "0193a2b4-5d00-0000", "0193a2b4-5c6e-0000"];

const settings: [string, "sqlite" | "postgres", string | undefined][] = [
  ...ENGINES.map((engine): [string, "sqlite" | "postgres", undefined] => [engine, engine, undefined]),
  ...(POSTGRES_URL
    ? [
        ["postgres under a collation blind to punctuation", "postgres", "fr-FR-u-ka-shifted"] as [
          string,
          "postgres",
          string,
        ],
      ]
    : []),
];

describe.each(settings)("ids typed by their first characters on %s", (_name, engine, icuLocale) => {
  let database: TestDatabase | undefined;
  let register: Register | undefined;

  afterEach(async () => {
    await register?.close();
    await database?.drop();
  });

  async function open(): Promise<Register> {
    database = await createTestDatabase(engine, icuLocale ? { icuLocale } : {});
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    return register;
  }

  it("matches the ids that begin with the text typed, dash included, and no other", async () => {
    const { store } = await open();
    await sql`CREATE TABLE probe (id TEXT PRIMARY KEY)`.execute(store.db);
    for (const id of IDS) await sql`INSERT INTO probe (id) VALUES (${id})`.execute(store.db);
    const starting = async (prefix: string) =>
      (
        await sql<{ id: string }>`SELECT id FROM probe WHERE ${idStartsWith(prefix)} ORDER BY id`.execute(
          store.db,
        )
      ).rows.map((row) => row.id);

    expect(await starting("0193a2b4-5c")).toEqual(["0193a2b4-5c6d-7e8f", "0193a2b4-5c6e-0000"]);
    expect(await starting("0193a2b4-5c6d")).toEqual(["0193a2b4-5c6d-7e8f"]);
    expect(await starting("0193a2b45")).toEqual(["0193a2b45c6d-0000"]);
    expect(await starting("0193a2b4-5e")).toEqual([]);
  });

  it("names an agreement by its first characters, and refuses too few or ones that match nothing", async () => {
    const opened = await open();
    const now = Date.parse("2026-05-07T08:15:00Z");
    const [school, vendor] = await Promise.all(
      [
        { name: "École Jean-Jaurès", type: "ecole" as const },
        { name: "Cahiers en Ligne", type: "editeur" as const },
      ].map((input) => createOrganisation({ register: opened, principal, input, now })),
    );
    const { id } = await createAgreement({
      register: opened,
      principal,
      input: {
        kind: "dpa",
        title: "Accord cahier de textes",
        parties: [
          { organisationId: school?.id ?? "", role: "controller" },
          { organisationId: vendor?.id ?? "", role: "processor" },
        ],
      },
      now,
    });
    const repositories = reader(opened, principal);

    expect((await findAgreement(repositories, ` ${id.slice(0, 10).toUpperCase()} `)).id).toBe(id);
    await expect(findAgreement(repositories, id.slice(0, 5))).rejects.toMatchObject({
      code: "not_found",
      text: { fr: `accord « ${id.slice(0, 5)} » introuvable` },
    });
    const elsewhere = `${id.startsWith("f") ? "0" : "f"}${id.slice(1, 10)}`;
    await expect(findAgreement(repositories, elsewhere)).rejects.toMatchObject({ code: "not_found" });
  });
});
