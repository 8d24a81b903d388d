import { describe, expect, it } from "vitest";
import { SAMPLE_ANALYSIS } from "../../../test/fixtures/sample-analysis.js";
import type { Analysis } from "../analysis.js";
import { evaluatePolicy, parsePolicy } from "../policy.js";
import { renderTextReport, shorten } from "./text-report.js";

function withPolicy(lang: "fr" | "en"): Analysis {
  const policy = parsePolicy({ maxBreachNotice: "48 hours", transfersOutsideEEA: "prohibited" });
  return {
    ...SAMPLE_ANALYSIS,
    flags: [...SAMPLE_ANALYSIS.flags, ...evaluatePolicy(SAMPLE_ANALYSIS, policy, lang)],
  };
}

describe("renderTextReport", () => {
  const fr = renderTextReport(withPolicy("fr"), { lang: "fr", fileName: "accord.txt" });
  const en = renderTextReport(withPolicy("en"), { lang: "en", fileName: "accord.txt" });

  it("opens with the file, the kind, the language and the parties, in French by default", () => {
    expect(fr).toMatch(/^Analyse d'un contrat de sous-traitance \(RGPD art\. 28\)\n/);
    expect(fr).toContain("  Fichier : accord.txt\n");
    expect(fr).toContain("  Type : accord de sous-traitance (art. 28)\n");
    expect(fr).toContain("  Langue : français\n");
    expect(fr).toContain("  Sous-traitant : Cahier-Net SAS\n");
    expect(fr).toContain("  Responsable de traitement : Collège des Tilleuls\n");
    expect(fr).toContain("  Transferts hors EEE : non trouvé\n");
  });

  it("speaks English when asked", () => {
    expect(en).toContain("  Kind: data-processing agreement (Art. 28)\n");
    expect(en).toContain("  Language: French\n");
    expect(en).toContain("Periods (3)");
    expect(en).not.toContain("Délais et durées");
  });

  it("lists each period with its value and the sentence that sets it", () => {
    expect(fr).toContain("• Notification d'une violation au responsable de traitement : 24 heures\n");
    expect(fr).toContain("«\u00a0Le sous-traitant notifie au responsable de traitement");
    expect(en).toContain("• Deletion or return of the data at the end: 2 months\n");
  });

  it("lists the sub-processors with what is known of them", () => {
    expect(fr).toContain("Sous-traitants ultérieurs (2)");
    expect(fr).toContain("• Nuage Froid SA — hébergement — France\n");
    expect(fr).toContain("• Courriel & Cie\n");
  });

  it("counts the checklist by status and gives each item its status", () => {
    expect(fr).toContain("Liste de contrôle de l'art. 28 (3 présents · 1 partiel · 1 absent)");
    expect(fr).toMatch(/\[absent\] +Information et audits \(art\. 28\.3\.h\)/);
    expect(en).toMatch(/\[missing\] +Information and audits/);
  });

  it("groups the flags by severity, the most severe first", () => {
    const high = fr.indexOf("Gravité élevée (2)");
    const medium = fr.indexOf("Gravité moyenne (1)");
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(high);
    expect(fr.indexOf("[processor_own_purposes]")).toBeGreaterThan(high);
    expect(fr.indexOf("[silence_deemed_acceptance]")).toBeGreaterThan(medium);
  });

  it("gives the policy results apart, with their count", () => {
    expect(fr).toContain("Politique du responsable de traitement (1 conforme · 1 non conforme)");
    expect(fr).toContain(
      "✓ Notification d'une violation au responsable de traitement, 48 heures au plus : conforme",
    );
    expect(fr).toContain("✗ Transferts hors EEE (interdits) : non conforme");
    expect(en).toContain("Controller policy (1 compliant · 1 non-compliant)");
  });

  it("never starts a line with French punctuation that takes a space before it", () => {
    const long: Analysis = {
      ...SAMPLE_ANALYSIS,
      flags: [
        { id: "x", severity: "low", message: `${"mot ".repeat(21)}abcdefghij : suite ; fin`, quote: null },
      ],
    };
    const report = renderTextReport(long, { lang: "fr" });
    expect(report).toContain("abcdefghij :");
    for (const line of report.split("\n")) expect(line.trimStart()).not.toMatch(/^[:;!?»]/);
  });

  it("keeps every line within 100 columns", () => {
    for (const line of fr.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("says so when the analysis found nothing", () => {
    const empty: Analysis = {
      ...SAMPLE_ANALYSIS,
      kind: "unknown",
      parties: { processor: null, controller: null },
      terms: {},
      subprocessors: [],
      checklist: [],
      flags: [],
    };
    const report = renderTextReport(empty, { lang: "en" });
    expect(report).toContain("No period found.");
    expect(report).toContain("No sub-processor named.");
    expect(report).toContain("No flag.");
    expect(report).toContain("  Processor: not found\n");
    expect(report).not.toContain("Controller policy");
  });
});

describe("shorten", () => {
  it("cuts a long quote at a word and marks the cut", () => {
    const long = "mot ".repeat(200);
    const short = shorten(long, 50);
    expect(short.length).toBeLessThanOrEqual(51);
    expect(short.endsWith("mot…")).toBe(true);
  });
});
