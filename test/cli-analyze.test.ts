// `art28 analyze` end to end: the built binary on agreements written for these tests, and on the shared seeds.

import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, PROJECT_ROOT, runCli } from "./cli.js";
import { docx, pdf } from "./fixtures/analyzer/documents.js";

const CONTRACT_KEYS = [
  "schema",
  "language",
  "kind",
  "encodingRepaired",
  "parties",
  "partyDetails",
  "governingLaw",
  "subprocessorAuthorization",
  "objectionSilence",
  "transfersOutsideEEA",
  "auditFrequencyPerYear",
  "terms",
  "subprocessors",
  "checklist",
  "flags",
  "confidence",
  "toConfirm",
];

const FRENCH_AGREEMENT = `Accord de sous-traitance des données personnelles

Entre le Lycée des Tournesols, responsable de traitement, et la société Bulletins Clairs SAS, sous-traitant.

Article 1 — Violations de données
Le sous-traitant notifie au responsable de traitement toute violation de données à caractère personnel dans un délai maximum de 48 heures après en avoir pris connaissance.

Article 2 — Fin du contrat
À la fin du contrat, le sous-traitant supprime toutes les données à caractère personnel dans un délai de 30 jours et en fournit la preuve écrite.

Article 3 — Droit applicable
Le présent accord est soumis au droit français.
`;

const ENGLISH_AGREEMENT = `Data Processing Agreement

The Processor shall notify the Controller of any personal data breach without undue delay and in any event within 24 hours of becoming aware of it.
`;

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "art28-cli-analyze-"));
  writeFileSync(path("accord.txt"), FRENCH_AGREEMENT);
  writeFileSync(path("agreement.md"), ENGLISH_AGREEMENT);
  writeFileSync(
    path("accord.docx"),
    docx([{ heading: "Violations de données" }, { paragraph: FRENCH_AGREEMENT.split("\n")[5] as string }]),
  );
  writeFileSync(
    path("policy.json"),
    JSON.stringify({ maxBreachNotice: "24 hours", maxDeletionAfterTermination: "30 jours" }),
  );
  writeFileSync(path("policy-typo.json"), JSON.stringify({ maxBreachNotise: "24 hours" }));
  writeFileSync(path("policy-broken.json"), '{ "maxBreachNotice": "24 hours", }');
  writeFileSync(path("notes.xyz"), "Le sous-traitant notifie toute violation sous 48 heures.\n");
  writeFileSync(path("image.png"), Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex"));
  writeFileSync(path("protected.pdf"), pdf([["Accord de sous-traitance"]], { userPassword: "secret" }));
  writeFileSync(path("broken.docx"), Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]));
  // A sparse file: over 50 MB on paper, no disk space used.
  writeFileSync(path("huge.txt"), "");
  truncateSync(path("huge.txt"), 51 * 1024 * 1024);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function analyze(args: readonly string[], env: Record<string, string | undefined> = {}): CliRun {
  return runCli(["analyze", ...args], env);
}

function json(
  args: readonly string[],
): Record<string, unknown> & { flags: { id: string; message: string }[] } {
  const run = analyze([...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe("art28 analyze --json", () => {
  it("prints exactly the art28.analysis/1 contract", () => {
    const analysis = json([path("accord.txt")]);
    expect(Object.keys(analysis)).toEqual(CONTRACT_KEYS);
    expect(analysis.schema).toBe("art28.analysis/1");
    expect(analysis.language).toBe("fr");
    expect(analysis.governingLaw).toBe("FR");
  });

  it("finds the periods the agreement sets, with the sentence and its offset", () => {
    const { terms } = json([path("accord.txt")]) as unknown as {
      terms: Record<string, { amount: number; unit: string; quote: string; offset: number }>;
    };
    const breach = terms.breach_notification_to_controller;
    expect(breach).toMatchObject({ amount: 48, unit: "hours" });
    expect(FRENCH_AGREEMENT.slice(breach?.offset, (breach?.offset ?? 0) + (breach?.quote.length ?? 0))).toBe(
      breach?.quote,
    );
    expect(terms.deletion_after_termination).toMatchObject({ amount: 30, unit: "days" });
  });

  it("reads a Word file the same way", () => {
    const { terms } = json([path("accord.docx")]) as unknown as { terms: Record<string, { amount: number }> };
    expect(terms.breach_notification_to_controller?.amount).toBe(48);
  });

  it("appends one policy_* flag per requirement of --policy, in the CLI's language", () => {
    const { flags } = json([path("accord.txt"), "--policy", path("policy.json"), "--lang", "en"]);
    const policy = flags.filter((flag) => flag.id.startsWith("policy_"));
    expect(policy.map((flag) => flag.id)).toEqual([
      "policy_max_breach_notice",
      "policy_max_deletion_after_termination",
    ]);
    expect(policy[0]?.message).toBe(
      "Breach notification to the controller, at most 24 hours: non-compliant (the agreement says 48 hours).",
    );
    expect(policy[1]?.message).toContain(": compliant (the agreement says 30 days)");
  });
});

describe("art28 analyze (report)", () => {
  it("prints a French report by default", () => {
    const run = analyze([path("accord.txt")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Analyse d'un contrat de sous-traitance \(RGPD art\. 28\)\n/);
    expect(run.stdout).toContain("• Notification d'une violation au responsable de traitement : 48 heures");
    expect(run.stdout).toContain("Liste de contrôle de l'art. 28");
  });

  it("prints an English report with --lang en, before or after the command", () => {
    for (const args of [
      ["--lang", "en", "analyze", path("agreement.md")],
      ["analyze", path("agreement.md"), "--lang", "en"],
    ]) {
      const run = runCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("Data-processing agreement analysis (GDPR Art. 28)");
      expect(run.stdout).toContain("• Breach notification to the controller: 24 hours");
    }
  });

  it("gives the policy results apart in the report", () => {
    const run = analyze([path("accord.txt"), "--policy", path("policy.json")]);
    expect(run.stdout).toContain("Politique du responsable de traitement (1 conforme · 1 non conforme)");
  });

  it("writes a standalone HTML report whose links all lead to a highlighted quote", () => {
    const out = path("rapport.html");
    const run = analyze([path("accord.txt"), "--html", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Rapport HTML : ${out}`);
    const html = readFileSync(out, "utf8");
    const targets = [...html.matchAll(/href="#(q-\d+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const id of targets) expect(html).toMatch(new RegExp(`<mark class="q" id="${id}"`));
  });

  it("keeps stdout pure JSON when --html and --json are both given", () => {
    const out = path("rapport-json.html");
    const run = analyze([path("accord.txt"), "--json", "--html", out]);
    expect(JSON.parse(run.stdout).schema).toBe("art28.analysis/1");
    expect(existsSync(out)).toBe(true);
  });

  it("explains itself with --help, in French", () => {
    const run = analyze(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Utilisation : art28 analyze");
    expect(run.stdout).toContain("--policy <policy.json>");
  });
});

describe("art28 analyze on unreadable input", () => {
  it.each([
    ["a missing file", ["absent.pdf"], /introuvable/],
    ["an unsupported format", ["image.png"], /format non pris en charge/],
    ["a text file under an extension art28 does not read", ["notes.xyz"], /extension \.xyz inconnue/],
    ["an encrypted PDF", ["protected.pdf"], /PDF chiffré/],
    ["a file over 50 MB", ["huge.txt"], /50 Mo/],
    ["a corrupt archive", ["broken.docx"], /docx|archive|corromp/i],
    [
      "a missing policy file",
      ["accord.txt", "--policy", "absent.json"],
      /--policy : fichier de politique introuvable/,
    ],
    [
      "a policy that is not JSON",
      ["accord.txt", "--policy", "policy-broken.json"],
      /--policy : .*n'est pas du JSON valide/,
    ],
    [
      "a policy with an unknown field",
      ["accord.txt", "--policy", "policy-typo.json"],
      /champ inconnu « maxBreachNotise »/,
    ],
  ])("refuses %s with exit 2 and one French line, no stack trace", (_what, args, reason) => {
    const run = analyze(args.map((arg) => (/\.(pdf|png|txt|docx|json|xyz)$/.test(arg) ? path(arg) : arg)));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^art28: /);
    expect(lines[0]).toMatch(reason);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("says why in English with ART28_LANG=en", () => {
    const run = analyze([path("protected.pdf")], { ART28_LANG: "en" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("encrypted PDF");
  });

  it("refuses an HTML destination it cannot write, naming --html", () => {
    const run = analyze([path("accord.txt"), "--html", join(dir, "no-such-dir", "r.html")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^art28: --html : impossible d'écrire le rapport/);
  });
});

const SEEDS = join(PROJECT_ROOT, "..", "shared", "seeds");
const seeds = existsSync(SEEDS)
  ? readdirSync(SEEDS).filter((name) => /\.(txt|md|html|docx|odt|pdf)$/.test(name))
  : [];
if (seeds.length === 0) console.warn(`[skip] art28 analyze on the shared seeds: ${SEEDS} is absent`);

describe.skipIf(seeds.length === 0)("art28 analyze on the shared seeds", () => {
  it.each(seeds)("prints the contract for %s", (name) => {
    const analysis = json([join(SEEDS, name)]);
    expect(Object.keys(analysis)).toEqual(CONTRACT_KEYS);
    expect(analysis.kind).not.toBe("unknown");
  });

  it.each(seeds)("writes an HTML report for %s whose every link has its target", (name) => {
    const out = path(`${name}.html`);
    expect(analyze([join(SEEDS, name), "--html", out, "--json"]).status).toBe(0);
    const html = readFileSync(out, "utf8");
    const ids = new Set([...html.matchAll(/<mark class="q" id="(q-\d+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#(q-\d+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(5);
    for (const id of targets) expect(ids.has(id), id).toBe(true);
  });
});
