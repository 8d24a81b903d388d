// `art28 generate` as a user runs it: list the templates, take an example's data, write a document, and be
// told every field that is wrong.

import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";

const dir = mkdtempSync(join(tmpdir(), "art28-generate-"));

describe("art28 generate", () => {
  it("lists the templates with their formats", () => {
    const run = runCli(["generate", "--list"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^dpa\s+Accord de sous-traitance \(article 28\).*\(docx, pdf, html\)$/m);
  });

  it("prints example data that writes a DOCX, the same bytes twice", () => {
    const example = runCli(["generate", "dpa", "--example"]);
    expect(example.status).toBe(0);
    const data = join(dir, "dpa.json");
    writeFileSync(data, example.stdout);
    const hashes = [1, 2].map((n) => {
      const out = join(dir, `dpa-${n}.docx`);
      const run = runCli(["generate", "dpa", "--data", data, "--format", "docx", "--out", out]);
      expect(run.status, run.stderr).toBe(0);
      const sha256 = createHash("sha256").update(readFileSync(out)).digest("hex");
      expect(run.stdout).toContain(`sha256 ${sha256}`);
      return sha256;
    });
    expect(hashes[1]).toBe(hashes[0]);
  });

  it("writes the document in English with --lang en", () => {
    const data = join(dir, "dpa-en.json");
    writeFileSync(data, runCli(["generate", "dpa", "--example"]).stdout);
    const run = runCli(["generate", "dpa", "--data", data, "--format", "html", "--lang", "en"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<html lang="en">');
    expect(run.stdout).toContain("Data processing agreement");
  });

  it("exits 2 naming every missing or invalid field", () => {
    const example = JSON.parse(runCli(["generate", "dpa", "--example"]).stdout);
    delete example.controller.address;
    example.periods.breachNotification = "bientôt";
    example.options.silence = "maybe";
    const data = join(dir, "bad.json");
    writeFileSync(data, JSON.stringify(example));
    const run = runCli(["generate", "dpa", "--data", data, "--format", "pdf", "--out", join(dir, "bad.pdf")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("3 champ(s)");
    expect(run.stderr).toContain("controller.address (manquant)");
    expect(run.stderr).toContain("periods.breachNotification (« bientôt »");
    expect(run.stderr).toContain("options.silence (valeurs possibles : accepted, refused)");
  });

  it("refuses a format the template does not have", () => {
    const data = join(dir, "dpa.json");
    writeFileSync(data, runCli(["generate", "dpa", "--example"]).stdout);
    const run = runCli(["generate", "dpa", "--data", data, "--format", "xlsx"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("format « xlsx » non disponible pour ce modèle (docx, pdf, html)");
  });
});

describe("art28 generate --which", () => {
  it("names the kit's convention for a secondary-school ENT, then the clause, the agreement and the rest", () => {
    const run = runCli(["generate", "--which", "--users", "second", "--json"]);
    expect(run.status).toBe(0);
    const templates = (JSON.parse(run.stdout) as { template: string }[]).map((c) => c.template);
    expect(templates).toEqual([
      "joint-controller-2",
      "public-summary",
      "procurement-clause",
      "dpa",
      "security-questionnaire",
    ]);
  });

  it("names scenario 1 for primary schools and scenario 3 for both", () => {
    expect(runCli(["generate", "--which", "--users", "premier"]).stdout).toMatch(/^joint-controller-1 /);
    expect(runCli(["generate", "--which", "--users", "both"]).stdout).toMatch(/^joint-controller-3 /);
  });

  it("asks for --users when standard input is not a terminal", () => {
    const run = runCli(["generate", "--which"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--users");
  });
});
