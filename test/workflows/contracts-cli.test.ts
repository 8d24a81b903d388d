// The sub-processor, audit, instruction and end-of-service workflows from the command line, as a user living
// through the demo world on a fresh SQLite file.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

// Each step spawns the CLI, and the seeds may list many sub-processors to confirm: generous timeouts.
describe("art28 subprocessor, audit, instruction and end through the demo world", {
  timeout: 120_000,
}, () => {
  let dir: string;
  let env: Record<string, string>;
  const ids = { ecole: "", region: "", lycee: "", scolares: "" };

  function json<T>(args: string[]): T {
    const run = runCli([...args, "--json"], env);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout) as T;
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "art28-cli-contracts-"));
    env = { DATABASE_URL: `file:${join(dir, "art28.sqlite")}`, ART28_TENANT: "" };
    expect(runCli(["demo"], env).status).toBe(0);
    const agreements = json<{ id: string; kind: string; parties: { name: string }[] }[]>([
      "agreements",
      "list",
    ]);
    // The demo's agreements may be read from the seed documents, whose titles vary: find them by their parties.
    const between = (controller: string) =>
      agreements.find((a) => a.kind === "dpa" && a.parties.some((p) => p.name.includes(controller)))
        ?.id as string;
    ids.ecole = between("Jean-Moulin");
    ids.region = between("Région");
    ids.lycee = between("Marie-Curie");
    ids.scolares = between("Saint-Michel");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("says what the subprocessor command does, in French by default", () => {
    const help = runCli(["subprocessor", "--help"], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Commandes :/);
    expect(help.stdout).toMatch(/announce/);
    expect(runCli(["end", "--help", "--lang", "en"], env).stdout).toMatch(/end of the service/);
  });

  it("announces a change, takes an objection, settles each window and publishes the list", () => {
    const announced = json<{ change: { id: string }; windows: { agreementId: string; closesAt: number }[] }>([
      "subprocessor",
      "announce",
      "--processor",
      "Prestataire ENT (démo)",
      "--kind",
      "addition",
      "--name",
      "Nuage Sauvegardes SAS",
      "--activity",
      "sauvegarde",
      "--location",
      "FR",
      "--at",
      "2026-10-01T11:00:00+02:00",
    ]);
    // Dated in the past, as every step must be (time never runs backwards, nothing is settled in the future). Both
    // ENT agreements run in the French calendar under the same terms: four weeks typed in (Thursday 29 October 2026
    // ends at midnight in Paris), or 30 days when the demo read the seed document (Saturday 31 October, then All
    // Saints' Day on the Sunday, carried to Monday 2 November).
    const closes = announced.windows.map((w) => w.closesAt);
    expect(closes).toHaveLength(2);
    expect(closes[0]).toBe(closes[1]);
    expect([Date.parse("2026-10-29T23:00:00Z"), Date.parse("2026-11-02T23:00:00Z")]).toContain(closes[0]);
    const change = announced.change.id.slice(0, 8);
    const refused = runCli(["subprocessor", "respond", change, "--agreement", ids.ecole.slice(0, 8)], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^art28: .*--approve ou --object/);
    const objected = runCli(
      [
        "subprocessor",
        "respond",
        change,
        "--agreement",
        ids.ecole.slice(0, 8),
        "--object",
        "hébergeur non retenu par la commune",
        "--at",
        "2026-10-05",
      ],
      env,
    );
    expect(objected.status).toBe(0);
    expect(objected.stdout).toMatch(/réponse enregistrée/);
    const changes = runCli(["subprocessor", "changes", "--processor", "Prestataire ENT (démo)"], env);
    expect(changes.stdout).toContain(
      `${change}  2026-10-01T09:00:00Z  Prestataire ENT (démo) : ajout Nuage Sauvegardes SAS`,
    );
    // An objection is an answer, not yet a settlement: the window stays open until it closes.
    expect(changes.stdout).toMatch(/ouverte : 2 ; prochaine fin 2026-1[01]-\d\dT23:00:00Z/);
    const shown = runCli(["subprocessor", "show", change], env);
    expect(shown.stdout).toMatch(
      new RegExp(
        `${ids.ecole.slice(0, 8)}  .+  ouverte  fin 2026-1[01]-\\d\\dT23:00:00Z  \\(le silence vaut.*\n {6}opposition le 2026-10-04T22:00:00Z : hébergeur non retenu par la commune`,
      ),
    );
    const settled = json<{ changeId: string; agreementId: string; status: string }[]>([
      "subprocessor",
      "settle",
      "--at",
      "2026-11-30",
    ]);
    const settledNow = settled.filter((s) => s.changeId === announced.change.id);
    expect(Object.fromEntries(settledNow.map((s) => [s.agreementId, s.status]))).toEqual({
      [ids.region]: "deemed_accepted",
      [ids.ecole]: "objected",
    });
    const list = json<{ subprocessors: { name: string }[] }>([
      "subprocessor",
      "list",
      "--processor",
      "Prestataire ENT (démo)",
      "--at",
      "2026-11-30",
    ]);
    // The demo's own change may be in use by then too, depending on the day the demo was made.
    expect(list.subprocessors.map((s) => s.name)).toContain("Nuage Sauvegardes SAS");
    const out = join(dir, "public");
    const published = runCli(
      [
        "subprocessor",
        "publish",
        "--processor",
        "Prestataire ENT (démo)",
        "--out",
        out,
        "--at",
        "2026-11-30",
      ],
      env,
    );
    expect(published.status).toBe(0);
    expect(readFileSync(join(out, "subprocessors.atom"), "utf8")).toMatch(/<feed/);
    expect(readFileSync(join(out, "subprocessors.html"), "utf8")).toMatch(/Nuage Sauvegardes SAS/);
  });

  it("sets a quarterly review of access rights, opens the next occurrence on closing one, then stops it", () => {
    const added = runCli(
      [
        "recurring",
        "add",
        "--agreement",
        ids.lycee.slice(0, 8),
        "--kind",
        "access_rights_review",
        "--every",
        "3 mois",
      ],
      env,
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(
      /revoir les droits d'accès aux données \(RGPD art\. 32\(4\)\), périodicité 3 mois/,
    );
    const listed = json<{ id: string; next: { obligationId: string; occurrence: number } | null }[]>([
      "recurring",
      "list",
      "--agreement",
      ids.lycee.slice(0, 8),
    ]);
    expect(listed).toHaveLength(1);
    const [duty] = listed;
    const first = duty?.next;
    expect(first).not.toBeNull();
    // `obligations due` names the id to close it with.
    expect(runCli(["obligations", "due"], env).stdout).toContain(
      `art28 obligations close ${first?.obligationId}`,
    );
    const closed = runCli(
      [
        "obligations",
        "close",
        first?.obligationId ?? "",
        "--done",
        "--note",
        "revue faite, 2 comptes retirés",
      ],
      env,
    );
    expect(closed.status).toBe(0);
    const [after] = json<{ next: { occurrence: number } | null }[]>([
      "recurring",
      "list",
      "--agreement",
      ids.lycee,
    ]);
    expect(after?.next?.occurrence).toBe((first?.occurrence ?? 0) + 1);

    const wrong = runCli(
      ["recurring", "add", "--agreement", ids.lycee, "--kind", "x", "--every", "1 an"],
      env,
    );
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim().split("\n")).toHaveLength(1);
    const stopped = runCli(
      ["recurring", "stop", duty?.id.slice(0, 8) ?? "", "--reason", "intégrée à l'audit"],
      env,
    );
    expect(stopped.stdout).toMatch(/obligation périodique arrêtée ; 1 échéance\(s\) levée\(s\)/);
    expect(runCli(["recurring", "list"], env).stdout).toMatch(/arrêtée le/);
  });

  it("requests an audit, records a finding and writes the evidence pack", () => {
    const audit = json<{ id: string; earliestStart: number }>([
      "audit",
      "request",
      "--agreement",
      ids.lycee.slice(0, 8),
      "--scope",
      "sécurité, journalisation",
    ]);
    expect(audit.earliestStart).toBeGreaterThan(Date.now());
    const findings = json<{ obligationId: string | null }[]>([
      "audit",
      "finding",
      audit.id.slice(0, 8),
      "--severity",
      "major",
      "--description",
      "journaux sans durée de conservation",
    ]);
    expect(findings[0]?.obligationId).toMatch(/^[0-9a-f-]{36}$/);
    const file = join(dir, "pack.zip");
    const pack = json<{ sha256: string }>(["audit", "evidence", "--agreement", ids.lycee, "--out", file]);
    expect(existsSync(file)).toBe(true);
    expect(pack.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records, contests and answers an instruction", () => {
    const recorded = json<{ id: string }>([
      "instruction",
      "record",
      "--agreement",
      ids.region,
      "--channel",
      "letter",
      "--text",
      "Conserver les journaux de connexion un an",
    ]);
    const contested = runCli(["instruction", "contest", recorded.id, "--grounds", "durée excessive"], env);
    expect(contested.stdout).toMatch(/suspendue/);
    const answered = runCli(
      ["instruction", "answer", recorded.id, "--decision", "withdraw", "--reasons", "avis du DPD"],
      env,
    );
    expect(answered.stdout).toMatch(/retirée/);
    const list = json<{ status: string }[]>(["instruction", "list", "--agreement", ids.region]);
    expect(list.map((i) => i.status)).toEqual(["withdrawn"]);
  });

  it("ends a service for cause through to the acknowledged certificate, and the journal still verifies", () => {
    const by = "Pouvoir organisateur Institut Saint-Michel";
    const terminated = runCli(
      ["end", "terminate", "--agreement", ids.scolares, "--by", by, "--for-cause", "manquement grave"],
      env,
    );
    expect(terminated.status).toBe(0);
    const chosen = runCli(["end", "choose", "--agreement", ids.scolares, "--choice", "deletion"], env);
    expect(chosen.stdout).toMatch(/choix enregistré : deletion/);
    // Refused while backups remain and sub-processors (listed when the demo read the seed) have not confirmed.
    const early = runCli(["end", "certify", "--agreement", ids.scolares, "--method", "effacement"], env);
    expect(early.status).not.toBe(0);
    expect(early.stderr).toMatch(/sauvegardes|sous-traitants ultérieurs sans confirmation/);
    const due = json<{ id: string; kind: string; agreement: { id: string } | null }[]>([
      "obligations",
      "due",
    ]);
    const confirmations = due.filter(
      (o) =>
        o.agreement?.id === ids.scolares &&
        ["delete_backups", "have_subprocessor_delete_data"].includes(o.kind),
    );
    expect(confirmations.map((o) => o.kind)).toContain("delete_backups");
    for (const o of confirmations) {
      expect(
        runCli(["obligations", "close", o.id, "--done", "--note", "confirmé par écrit"], env).status,
      ).toBe(0);
    }
    const certificate = join(dir, "certificat.json");
    const issued = json<{ stored: { sha256: string } }>([
      "end",
      "certify",
      "--agreement",
      ids.scolares,
      "--method",
      "effacement cryptographique",
      "--out",
      certificate,
    ]);
    expect(readFileSync(certificate, "utf8")).toMatch(/"schema":"art28.certificate\/1"/);
    const ack = runCli(
      ["end", "acknowledge", "--agreement", ids.scolares, "--sha256", issued.stored.sha256],
      env,
    );
    expect(ack.status).toBe(0);
    expect(ack.stdout).toContain(issued.stored.sha256);
    const verify = runCli(["journal", "verify"], env);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^journal intègre/);
  }, 240_000);
});
