// `art28 users` and `--as`: the operator registers a school's DPO, who then sees its own school's agreements only.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";

const SCHOOL = "Lycée Marie-Curie";
const DPO = "dpo@marie-curie.example";

describe("art28 users and --as on a fresh SQLite file", () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "art28-cli-access-"));
    env = { DATABASE_URL: `file:${join(dir, "art28.sqlite")}`, ART28_TENANT: "" };
    expect(runCli(["demo"], env).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("registers a user with a role in an organisation, and lists it", () => {
    const created = runCli(["users", "create", "--email", DPO, "--org", SCHOOL, "--role", "dpo"], env);
    expect(created.stderr).toBe("");
    expect(created.stdout).toMatch(/^utilisateur dpo@marie-curie\.example créé/);
    const listed = JSON.parse(runCli(["users", "list", "--json"], env).stdout) as {
      email: string;
      grants: { role: string }[];
    }[];
    expect(listed).toEqual([
      expect.objectContaining({ email: DPO, grants: [expect.objectContaining({ role: "dpo" })] }),
    ]);
  });

  it("shows a user acting with --as only its own organisation's agreements", () => {
    const all = JSON.parse(runCli(["agreements", "list", "--json"], env).stdout) as unknown[];
    const mine = JSON.parse(runCli(["--as", DPO, "agreements", "list", "--json"], env).stdout) as {
      parties: { name: string }[];
    }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    for (const agreement of mine) expect(agreement.parties.map((p) => p.name)).toContain(SCHOOL);
  });

  it("keeps the tenant's whole journal for the operator, saying to the user it is not there", () => {
    const run = runCli(["--as", DPO, "journal", "verify"], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^art28: journal introuvable/);
  });

  it("refuses to act as a user it does not know", () => {
    const run = runCli(["--as", "nobody@example.org", "agreements", "list", "--lang", "en"], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^art28: .*unknown user "nobody@example\.org"/);
  });

  it("takes a grant back, after which the user reaches nothing", () => {
    expect(runCli(["users", "revoke", "--user", DPO, "--org", SCHOOL], env).status).toBe(0);
    const mine = JSON.parse(runCli(["--as", DPO, "agreements", "list", "--json"], env).stdout) as unknown[];
    expect(mine).toEqual([]);
  });
});
