import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_ANALYSIS } from "../../../test/fixtures/sample-analysis.js";
import type { Analysis } from "../../analyzer/analysis.js";
import { Art28Error } from "../../domain/error.js";
import { analysisContract, analyzeAgreement } from "./analyze-agreement.js";

const AGREEMENT = `Convention de sous-traitance

Le sous-traitant informe le responsable de traitement de toute violation de données à caractère personnel dans un délai de 72 heures.
`;

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "art28-analyze-agreement-"));
  writeFileSync(at("convention.txt"), AGREEMENT);
  writeFileSync(at("policy.json"), `\uFEFF${JSON.stringify({ maxBreachNotice: "48 heures" })}`);
  writeFileSync(at("broken.json"), '{"maxBreachNotice": }');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function failure(run: Promise<unknown>): Promise<Art28Error> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Art28Error)) throw new Error(`expected an Art28Error, got ${String(error)}`);
  return error;
}

describe("analyzeAgreement", () => {
  it("appends the policy results to the analyzer's flags, and reads a policy saved with a BOM", async () => {
    const result = await analyzeAgreement({
      input: { path: at("convention.txt"), policyPath: at("policy.json") },
      lang: "en",
    });
    expect(result.policy?.maxBreachNotice).toEqual({ amount: 48, unit: "hours" });
    const last = result.analysis.flags.at(-1);
    expect(last?.id).toBe("policy_max_breach_notice");
    expect(last?.message).toContain("non-compliant (the agreement says 72 hours)");
    expect(result.extracted.text).toContain("72 heures");
  });

  it("renders the reports in the language asked for", async () => {
    const result = await analyzeAgreement({ input: { path: at("convention.txt") }, lang: "en" });
    expect(result.textReport()).toContain("Data-processing agreement analysis");
    expect(result.htmlReport()).toContain('<html lang="en">');
    expect(JSON.parse(result.toJson()).schema).toBe("art28.analysis/1");
  });

  it("names the policy and where its JSON breaks", async () => {
    const error = await failure(
      analyzeAgreement({ input: { path: at("convention.txt"), policyPath: at("broken.json") } }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.details.argument).toBe("policy");
    expect(error.text.fr).toMatch(
      /broken\.json n'est pas du JSON valide \((« } » inattendu|ligne 1, colonne 21)\)$/,
    );
  });

  it("refuses a policy that is missing or a directory", async () => {
    const missing = await failure(
      analyzeAgreement({ input: { path: at("convention.txt"), policyPath: at("none.json") } }),
    );
    expect(missing.code).toBe("unreadable_input");
    expect(missing.text.en).toContain("policy file not found");
    const directory = await failure(
      analyzeAgreement({ input: { path: at("convention.txt"), policyPath: dir } }),
    );
    expect(directory.text.en).toContain("is not a JSON policy file");
  });

  it("reads the policy before the agreement, so a bad policy is reported first", async () => {
    const error = await failure(
      analyzeAgreement({ input: { path: at("absent.pdf"), policyPath: at("none.json") } }),
    );
    expect(error.details.argument).toBe("policy");
  });

  it("names a missing agreement once", async () => {
    const error = await failure(analyzeAgreement({ input: { path: at("absent.pdf") } }));
    expect(error.details.argument).toBeUndefined();
    expect(error.text.fr.split("absent.pdf")).toHaveLength(2);
  });
});

describe("analysisContract", () => {
  it("keeps the contract's fields in order and drops anything else", () => {
    const extended = {
      ...SAMPLE_ANALYSIS,
      debug: true,
      flags: [{ ...(SAMPLE_ANALYSIS.flags[0] as Analysis["flags"][number]), internal: 1 }],
    } as unknown as Analysis;
    const contract = analysisContract(extended);
    expect(Object.keys(contract)).toEqual(Object.keys(SAMPLE_ANALYSIS));
    expect(Object.keys(contract.flags[0] ?? {})).toEqual(["id", "severity", "message", "quote"]);
    expect(Object.keys(contract.terms.breach_notification_to_controller ?? {})).toEqual([
      "amount",
      "unit",
      "qualifier",
      "quote",
      "offset",
      "trigger",
      "confidence",
    ]);
  });
});
