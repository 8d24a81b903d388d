// The register from the command line, as a user on a fresh SQLite file: demo, obligations due, journal verify.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/accord-cantine.txt", import.meta.url));

describe("art28 on a fresh SQLite file", () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "art28-cli-register-"));
    env = { DATABASE_URL: `file:${join(dir, "art28.sqlite")}`, ART28_TENANT: "" };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fills the database with `demo`, then refuses to run it twice", () => {
    const first = runCli(["demo"], env);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/démo prête : 9 organisations, 7 accords, 6 obligations ouvertes/);
    const second = runCli(["demo", "--lang", "en"], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/^art28: the demo only fills an empty database/);
  });

  it("lists the open obligations by deadline, in French and as JSON", () => {
    const text = runCli(["obligations", "due"], env);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /Opérateur de Korrigo PMF → Lycée Marie-Curie\n {4}notifier la violation de données au responsable de traitement/,
    );
    const json = runCli(["obligations", "due", "--json", "--org", "Région Auvergne-Rhône-Alpes"], env);
    const list = JSON.parse(json.stdout) as { kind: string; dueMs: number }[];
    // The région has no address: besides its decision, the processor's duty to find where to tell it.
    expect(list.map((o) => o.kind).sort()).toEqual(["decide_on_subprocessor_change", "find_recipient"]);
    const unknown = runCli(["obligations", "due", "--org", "Nowhere"], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^art28: --org : organisation « Nowhere » introuvable/);
  });

  it("verifies the journal: exit 0 with the count and the head hash", () => {
    const run = runCli(["journal", "verify"], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^journal intègre : \d+ événement\(s\), empreinte de tête [0-9a-f]{64}\n$/);
    const json = JSON.parse(runCli(["journal", "verify", "--json"], env).stdout) as {
      ok: boolean;
      count: number;
    };
    expect(json.ok).toBe(true);
    expect(json.count).toBeGreaterThan(20);
  });

  it("lists and shows the agreements", () => {
    const list = JSON.parse(runCli(["agreements", "list", "--json"], env).stdout) as {
      id: string;
      title: string;
    }[];
    expect(list).toHaveLength(7);
    const joint = list.find((a) => a.title.includes("Lycée Marie-Curie (modèle 2)")) as {
      id: string;
    };
    const shown = runCli(["agreements", "show", joint.id.slice(0, 8), "--lang", "en"], env);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/joint controller: Académie de Lyon/);
    expect(shown.stdout).toMatch(/Incident alert between joint controllers: 24 hours — typed by/);
  });

  it("adds an organisation, imports its vendor's agreement as a draft and puts it in force for the workflows", () => {
    const added = runCli(
      [
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
      ],
      env,
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(
      /Lycée Jean-Perrin \(lycée, FR, calendrier FR\) — responsable de traitement {2}UAI 0690026D/,
    );
    const badUai = runCli(["organisations", "add", "--name", "Lycée Sans Code", "--uai", "123"], env);
    expect(badUai.status).toBe(2);
    expect(badUai.stderr).toMatch(/^art28: --uai : « 123 » n'est pas un numéro UAI valide/);
    expect(badUai.stderr.trim().split("\n")).toHaveLength(1);
    expect(runCli(["organisations", "list"], env).stdout).toMatch(/Lycée Jean-Perrin/);

    const imported = runCli(
      ["agreements", "import", FIXTURE, "--controller", "Lycée Jean-Perrin", "--processor", "Menus Malins"],
      env,
    );
    expect(imported.status).toBe(0);
    const id = /accord enregistré en brouillon : ([0-9a-f-]{36})/.exec(imported.stdout)?.[1] ?? "";
    expect(imported.stdout).toMatch(/ensuite : art28 agreements terms [0-9a-f]{8} --set TERME=DÉLAI/);
    // The DPO confirms the breach notice period the document gives, and sets one it lacks.
    const terms = runCli(
      [
        "agreements",
        "terms",
        id.slice(0, 8),
        "--set",
        "breach_notification_to_controller=48 heures",
        "--set",
        "audit_notice=15 jours ouvrés",
        "--note",
        "relu avec l'éditeur",
      ],
      env,
    );
    expect(terms.stderr).toBe("");
    expect(terms.stdout).toMatch(
      /: version 2\n {2}Notification d'une violation au responsable de traitement : 48 heures\n/,
    );
    expect(terms.stdout).toMatch(/Préavis avant un audit : 15 jours ouvrés/);
    const unreadable = runCli(["agreements", "terms", id.slice(0, 8), "--set", "audit_notice"], env);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr.trim().split("\n")).toHaveLength(1);
    // Without an effective date an agreement cannot take effect; with one it does.
    const undated = runCli(["agreements", "status", id.slice(0, 8), "active"], env);
    expect(undated.status).toBe(2);
    expect(undated.stderr).toMatch(/date d'effet/);
    const active = runCli(
      ["agreements", "status", id.slice(0, 8), "active", "--effective", "2026-09-01"],
      env,
    );
    expect(active.stdout).toMatch(/ : en vigueur depuis le 2026-09-01$/m);
    // The processor's breach now reaches this agreement's controller.
    const breach = runCli(
      [
        "breach",
        "record",
        "--processor",
        "Menus Malins",
        "--aware",
        new Date(Date.now() - 3_600_000).toISOString(),
        "--nature",
        "availability",
        "--description",
        "Panne du service de réservation",
      ],
      env,
    );
    expect(breach.stdout).toMatch(/1 responsable\(s\) de traitement à notifier/);

    // A paper agreement with no document to read is recorded by hand, its terms set afterwards.
    const paper = runCli(
      [
        "agreements",
        "add",
        "--title",
        "Convention de restauration (papier)",
        "--controller",
        "0690026D",
        "--processor",
        "Menus Malins",
        "--effective",
        "2026-01-05",
        "--active",
      ],
      env,
    );
    expect(paper.stderr).toBe("");
    expect(paper.stdout).toMatch(
      /^accord enregistré \(en vigueur\) : [0-9a-f-]{36}\n {2}ensuite : art28 agreements terms/,
    );
    const stranger = runCli(
      ["agreements", "add", "--title", "X", "--controller", "Nulle Part", "--processor", "Menus Malins"],
      env,
    );
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toMatch(/^art28: controller : organisation « Nulle Part » introuvable\n$/);
  });

  it("refuses a DATABASE_URL it does not understand, saying what it accepts", () => {
    const run = runCli(["journal", "verify"], { DATABASE_URL: "mysql://x" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/DATABASE_URL.*file:/);
  });

  // Last: it leaves the suite's database broken on purpose.
  it("exits 1 naming the first altered event once someone rewrites the journal behind art28's back", () => {
    const intruder = new BetterSqlite3(join(dir, "art28.sqlite"));
    intruder.exec("DROP TRIGGER journal_no_update");
    intruder.prepare("UPDATE journal SET actor = 'someone-else' WHERE seq = 3").run();
    intruder.close();
    const run = runCli(["journal", "verify"], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^art28: journal compromis : événement n° 3 modifié/);
    const json = runCli(["journal", "verify", "--json", "--lang", "en"], env);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, fault: { seq: 3, reason: "altered" } });
  });
});
