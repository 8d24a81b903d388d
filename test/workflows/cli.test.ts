// Breaches and requests from the command line, through the demo world: the new deadlines show in
// `art28 obligations due`, bad input is one line and exit 2, and the journal still verifies.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

describe("art28 breach and art28 request on the demo world", () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "art28-cli-workflows-"));
    env = { DATABASE_URL: `file:${join(dir, "art28.sqlite")}`, ART28_TENANT: "" };
    expect(runCli(["demo"], env).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("carries on with the demo's own breach, request and sub-processor change", () => {
    const [breach] = JSON.parse(runCli(["breach", "list", "--json"], env).stdout) as { id: string }[];
    const update = runCli(["breach", "update", breach?.id.slice(0, 8) ?? "", "--people", "340"], env);
    expect(update.stderr).toBe("");
    expect(update.stdout).toMatch(
      /^notification initiale enregistrée pour 2 responsable\(s\) : \d+ message\(s\) en file/,
    );
    // Art. 33(4): what the notice lacks is named in words, to come in an update.
    expect(update.stdout).toMatch(/encore à fournir : point de contact \(art\. 33\(3\)\(b\)\)/);

    const [request] = JSON.parse(runCli(["request", "list", "--json"], env).stdout) as { id: string }[];
    const forward = runCli(["request", "forward", request?.id.slice(0, 8) ?? ""], env);
    expect(forward.stderr).toBe("");
    expect(forward.stdout).toMatch(/^demande transmise au responsable de traitement/);

    const due = JSON.parse(runCli(["obligations", "due", "--json"], env).stdout) as {
      kind: string;
      agreement: { id: string };
      trigger: { id: string };
    }[];
    const decision = due.find((o) => o.kind === "decide_on_subprocessor_change");
    const approve = runCli(
      [
        "subprocessor",
        "respond",
        decision?.trigger.id ?? "",
        "--agreement",
        decision?.agreement.id ?? "",
        "--approve",
      ],
      env,
    );
    expect(approve.stderr).toBe("");
    expect(approve.status).toBe(0);
    expect(runCli(["journal", "verify"], env).status).toBe(0);
  });

  it("records a breach of the Korrigo operator and lists one notification per controller among the due obligations", () => {
    const before = JSON.parse(runCli(["obligations", "due", "--json"], env).stdout) as { kind: string }[];
    const aware = new Date(Date.now() - 3_600_000).toISOString();
    const run = runCli(
      [
        "breach",
        "record",
        "--processor",
        "Opérateur de Korrigo PMF",
        "--aware",
        aware,
        "--nature",
        "confidentiality",
        "--description",
        "Copies d'examen accessibles sans authentification",
        "--json",
      ],
      env,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const recorded = JSON.parse(run.stdout) as {
      breach: { id: string };
      duties: { due: number; basis: { kind: string } }[];
    };
    expect(recorded.duties.length).toBeGreaterThan(0);
    // The demo's Korrigo agreement sets 24 hours: elapsed time from the hour after awareness.
    const nextHour = Math.ceil(Date.parse(aware) / 3_600_000) * 3_600_000;
    for (const duty of recorded.duties) expect(duty.due).toBe(nextHour + 24 * 3_600_000);
    const after = JSON.parse(runCli(["obligations", "due", "--json"], env).stdout) as {
      kind: string;
      trigger: { id: string };
    }[];
    const fresh = after.filter((o) => o.trigger.id === recorded.breach.id);
    expect(fresh.map((o) => o.kind)).toEqual(recorded.duties.map(() => "notify_breach_to_controller"));
    expect(after.length).toBe(before.length + recorded.duties.length);
    const text = runCli(["obligations", "due"], env).stdout;
    expect(text).toMatch(
      /notifier la violation de données au responsable de traitement \(RGPD art\. 33\(2\)\)/,
    );

    const update = runCli(["breach", "update", recorded.breach.id.slice(0, 8), "--people", "300"], env);
    expect(update.status).toBe(0);
    expect(update.stdout).toMatch(/^notification initiale enregistrée pour \d+ responsable\(s\) : /);
    const shown = runCli(["breach", "show", recorded.breach.id, "--lang", "en"], env);
    expect(shown.stdout).toMatch(/pending duties \(0\):/);
    expect(runCli(["breach", "list"], env).stdout).toMatch(
      /Copies d'examen accessibles sans authentification/,
    );
  });

  it("records a school's own breach, assesses it and opens the 72 hours towards the CNIL, in French", () => {
    const aware = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const record = runCli(
      [
        "breach",
        "record",
        "--controller",
        "Lycée Marie-Curie",
        "--aware",
        aware,
        "--nature",
        "confidentiality",
        "--description",
        "Clé USB des bulletins perdue",
        "--people",
        "120",
      ],
      env,
    );
    expect(record.status).toBe(0);
    expect(record.stdout).toMatch(/inscrite au registre des violations \(art\. 33\(5\)\)/);
    const id = /violation enregistrée : ([0-9a-f-]{36})/.exec(record.stdout)?.[1] as string;
    const both = runCli(
      ["breach", "record", "--controller", "Lycée Marie-Curie", "--processor", "Scolares", "--aware", aware],
      env,
    );
    expect(both.status).toBe(2);
    expect(both.stderr.trim().split("\n")).toHaveLength(1);
    const assessed = runCli(
      [
        "breach",
        "assess",
        id,
        "--org",
        "Lycée Marie-Curie",
        "--data-kinds",
        "assessment",
        "--exposure",
        "public",
        "--vulnerable",
      ],
      env,
    );
    expect(assessed.stdout).toMatch(/^risque élevé/);
    const aware72 = runCli(["breach", "aware", id, "--controller", "Lycée Marie-Curie"], env);
    expect(aware72.status).toBe(0);
    expect(aware72.stdout).toMatch(/notification à la CNIL \(art\. 33\(1\)\)/);
    // 72 elapsed hours from the hour after awareness, shown with its offset.
    const due = new Date(Math.ceil(Date.parse(aware) / 3_600_000) * 3_600_000 + 72 * 3_600_000);
    const shown = runCli(["breach", "show", id], env);
    expect(shown.stdout).toMatch(/registre du responsable : risque élevé/);
    expect(shown.stdout).toMatch(/obligations en attente \(2\)/);
    const dues = JSON.parse(runCli(["obligations", "due", "--json"], env).stdout) as {
      kind: string;
      due: string;
      trigger: { id: string };
    }[];
    const toCnil = dues.find((o) => o.trigger.id === id && o.kind === "notify_breach_to_authority");
    expect(Date.parse(toCnil?.due ?? "")).toBe(due.getTime());
  });

  it("receives a request at the controller and answers a portability request with JSON and CSV files", () => {
    const received = runCli(
      [
        "request",
        "receive",
        "--right",
        "portability",
        "--by",
        "Lycée Marie-Curie",
        "--summary",
        "Notes de l'année",
        "--json",
      ],
      env,
    );
    expect(received.status).toBe(0);
    const { request, duty } = JSON.parse(received.stdout) as {
      request: { id: string };
      duty: { kind: string };
    };
    expect(duty.kind).toBe("answer_data_subject_request");
    const data = join(dir, "donnees.json");
    writeFileSync(data, JSON.stringify([{ name: "notes", rows: [{ matiere: "Histoire", note: 15 }] }]));
    const out = join(dir, "export.json");
    const answered = runCli(
      ["request", "answer", request.id, "--outcome", "granted", "--data", data, "--out", out],
      env,
    );
    expect(answered.stderr).toBe("");
    expect(answered.stdout).toMatch(/^réponse enregistrée : granted/);
    expect(readFileSync(join(dir, "export.notes.csv"), "utf8")).toBe("matiere,note\r\nHistoire,15\r\n");
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ schema: "art28.portability/1" });
  });

  it("answers bad input with one line and exit 2, and documents each subcommand", () => {
    const right = runCli(["request", "receive", "--right", "gossip", "--by", "Lycée Marie-Curie"], env);
    expect(right.status).toBe(2);
    expect(right.stderr.trim().split("\n")).toHaveLength(1);
    expect(right.stderr).toMatch(/droit inconnu/);
    const people = runCli(
      ["breach", "record", "--processor", "Opérateur de Korrigo PMF", "--people", "beaucoup"],
      env,
    );
    expect(people.status).toBe(2);
    expect(people.stderr).toMatch(/--people attend un nombre entier/);
    const nature = runCli(
      [
        "breach",
        "record",
        "--processor",
        "Opérateur de Korrigo PMF",
        "--aware",
        "2026-01-01",
        "--nature",
        "leak",
        "--description",
        "x",
      ],
      env,
    );
    expect(nature.status).toBe(2);
    expect(nature.stderr.trim().split("\n")).toHaveLength(1);
    for (const group of ["breach", "request"]) {
      const help = runCli([group, "--help"], env);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/Utilisation :/);
    }
    expect(runCli(["request", "extend", "--help", "--lang", "en"], env).stdout).toMatch(
      /telling the person with reasons/,
    );
  });

  it("keeps the journal verifiable after the workflows", () => {
    const run = runCli(["journal", "verify"], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^journal intègre/);
  });
});
