// Clocks from the right event and time that never runs backwards, through the CLI, on SQLite and PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";

describe.each(ENGINES)("clocks through the CLI (%s)", (engine) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const art28 = (...args: string[]) => runCli(args, env);
  const ok = (...args: string[]) => {
    const run = art28(...args);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    return run.stdout;
  };
  let agreement: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    env = { DATABASE_URL: database.url, ART28_TENANT: "" };
    ok(
      "organisations",
      "add",
      "--name",
      "Collège Condorcet",
      "--type",
      "college",
      "--role",
      "controller",
      "--dpo-email",
      "dpo@condorcet.example",
    );
    ok("organisations", "add", "--name", "Plateforme Test SAS", "--type", "editeur", "--role", "processor");
    agreement = (
      JSON.parse(
        ok(
          "agreements",
          "add",
          "--title",
          "Plateforme",
          "--controller",
          "Collège Condorcet",
          "--processor",
          "Plateforme Test SAS",
          "--json",
        ),
      ) as { id: string }
    ).id;
    ok("agreements", "status", agreement, "active", "--effective", "2026-09-01");
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it("counts a breach notice from discovery when the term says « suivant la découverte »", () => {
    const set = ok(
      "agreements",
      "terms",
      agreement,
      "--set",
      "breach_notification_to_controller=24 heures suivant la découverte",
    );
    expect(set).toContain("24 heures à compter de la découverte");
    const recorded = JSON.parse(
      ok(
        "breach",
        "record",
        "--processor",
        "Plateforme Test SAS",
        "--discovered",
        "2026-11-27T09:10+01:00",
        "--aware",
        "2026-11-27T16:30+01:00",
        "--nature",
        "confidentiality",
        "--description",
        "Export exposé",
        "--json",
      ),
    ) as { duties: { due: number; trigger: { at: number } }[] };
    expect(recorded.duties).toHaveLength(1);
    expect(recorded.duties[0]?.due).toBe(Date.parse("2026-11-28T10:00:00+01:00"));
    expect(recorded.duties[0]?.trigger.at).toBe(Date.parse("2026-11-27T09:10:00+01:00"));
  });

  it("still counts from awareness when the term names no event", () => {
    ok("agreements", "terms", agreement, "--set", "breach_notification_to_controller=24 heures");
    const recorded = JSON.parse(
      ok(
        "breach",
        "record",
        "--processor",
        "Plateforme Test SAS",
        "--discovered",
        "2026-11-27T09:10+01:00",
        "--aware",
        "2026-11-27T16:30+01:00",
        "--nature",
        "confidentiality",
        "--description",
        "Autre export",
        "--json",
      ),
    ) as { duties: { due: number }[] };
    expect(recorded.duties[0]?.due).toBe(Date.parse("2026-11-28T17:00:00+01:00"));
  });

  it("names --aware, not --discovered, when the awareness instant is not a date", () => {
    const run = art28(
      "breach",
      "record",
      "--processor",
      "Plateforme Test SAS",
      "--aware",
      "2026-11-31T10:00+01:00",
      "--nature",
      "confidentiality",
      "--description",
      "Date impossible",
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^art28: --aware : /);
  });

  it("refuses to settle objection windows at an instant in the future, naming it and now", () => {
    const run = art28("subprocessor", "settle", "--at", "2099-01-01T00:00+01:00");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^art28: --at : le règlement des fenêtres d'opposition \(2099-01-01T00:00:00\+01:00\) serait dans le futur \(il est /,
    );
  });

  it("refuses a second organisation with the same UAI, naming the first", () => {
    ok(
      "organisations",
      "add",
      "--name",
      "Lycée Jean-Perrin",
      "--type",
      "lycee",
      "--role",
      "controller",
      "--uai",
      "0690026D",
    );
    const twin = art28(
      "organisations",
      "add",
      "--name",
      "Lycée Perrin bis",
      "--type",
      "lycee",
      "--role",
      "controller",
      "--uai",
      "0690026D",
    );
    expect(twin.status).toBe(1);
    expect(twin.stderr).toContain(
      "art28: --uai : le code UAI 0690026D est déjà celui de « Lycée Jean-Perrin »",
    );
  });

  it("checks a DPO address as contacts set does", () => {
    const run = art28(
      "organisations",
      "add",
      "--name",
      "École Mauvaise-Adresse",
      "--type",
      "ecole",
      "--role",
      "controller",
      "--dpo-email",
      "notanemail",
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("art28: --dpo-email : « notanemail » n'est pas une adresse électronique");
  });

  it("flags a sub-processor in the United States announced with no transfer mechanism, quoting the transfer clause", () => {
    const out = ok(
      "subprocessor",
      "announce",
      "--processor",
      "Plateforme Test SAS",
      "--kind",
      "addition",
      "--name",
      "Cloud Américain Inc",
      "--activity",
      "hébergement",
      "--location",
      "US",
      "--at",
      "2026-11-30T10:00+01:00",
    );
    expect(out).toContain(
      "traitement en US, hors de l'EEE, annoncé sans mécanisme du chapitre V (--transfer)",
    );
    expect(out).toContain(
      "l'accord soumet les transferts hors de l'EEE à autorisation (transfersOutsideEEA: with_authorization)",
    );
  });
});
