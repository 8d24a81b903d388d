import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyzeText } from "../analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

describe("transfers outside the EEA", () => {
  it("reads a plain prohibition", () => {
    expect(
      analyze("The Processor shall not transfer personal data outside the European Economic Area.")
        .transfersOutsideEEA,
    ).toBe("prohibited");
  });

  it("reads a transfer that needs the controller's prior written authorisation", () => {
    expect(
      analyze(
        "Aucun transfert de données hors de l'Union européenne ne peut avoir lieu sans l'autorisation écrite préalable du Responsable du traitement.",
      ).transfersOutsideEEA,
    ).toBe("with_authorization");
  });

  it("reads the authorisation in the list a transfer clause introduces", () => {
    const analysis = analyze(
      [
        "Si un transfert vers un pays tiers est nécessaire, le Sous-traitant doit :",
        "- obtenir l'accord écrit préalable du Responsable du traitement ;",
        "- mettre en place des clauses contractuelles types.",
      ].join("\n"),
    );
    expect(analysis.transfersOutsideEEA).toBe("with_authorization");
  });

  it("reads transfers allowed in advance under standard contractual clauses", () => {
    expect(
      analyze(
        "The Processor may transfer personal data to a third country provided that the standard contractual clauses adopted by the Commission are in place.",
      ).transfersOutsideEEA,
    ).toBe("allowed_with_safeguards");
  });

  it("lets an explicit transfer mechanism outrank the restated duty to follow instructions", () => {
    const analysis = analyze(
      [
        "The Processor shall process personal data only on documented instructions from the Controller, including with regard to transfers to a third country.",
        "The Processor may transfer personal data outside the EEA under the standard contractual clauses.",
      ].join(" "),
    );
    expect(analysis.transfersOutsideEEA).toBe("allowed_with_safeguards");
  });

  it("reads transfers on documented instructions alone as needing the controller's authorisation", () => {
    const analysis = analyze(
      "The Processor shall process personal data only on documented instructions from the Controller, including with regard to transfers to a third country.",
    );
    expect(analysis.transfersOutsideEEA).toBe("with_authorization");
  });

  it("reads a refusal lifted by standard contractual clauses as transfers allowed with safeguards", () => {
    const en = analyze(
      "The Processor will not transfer personal data outside the EEA unless the standard contractual clauses are in place.",
    );
    expect(en.transfersOutsideEEA).toBe("allowed_with_safeguards");
    const fr = analyze(
      "Le Sous-traitant ne transférera aucune donnée hors de l'Union européenne, sauf si des clauses contractuelles types encadrent le transfert.",
    );
    expect(fr.transfersOutsideEEA).toBe("allowed_with_safeguards");
  });

  it("reads transfers to a named third country framed by a mechanism", () => {
    const analysis = analyze(
      "Le réseau de diffusion implique des transferts vers les États-Unis, encadrés par les clauses contractuelles types de la Commission.",
    );
    expect(analysis.transfersOutsideEEA).toBe("allowed_with_safeguards");
    expect(analysis.confidence?.transfersOutsideEEA).toBe("high");
  });

  it("lets the agreement's own clause outrank the text of the attached standard clauses", () => {
    const analysis = analyze(
      [
        "The Standard Contractual Clauses will apply to personal data transferred outside the EEA.",
        "The data importer shall not transfer the personal data to a third country.",
      ].join(" "),
    );
    expect(analysis.transfersOutsideEEA).toBe("allowed_with_safeguards");
  });

  it("does not read a definition or an unrelated ban as a refusal of transfers", () => {
    const analysis = analyze(
      [
        "“SCCs” means the standard contractual clauses for transfers to third countries.",
        "Where a transfer to a third country takes place, the Processor shall comply with Chapter V of the GDPR.",
        "The Processor informs the Controller unless the law prohibits such information.",
      ].join(" "),
    );
    expect(analysis.transfersOutsideEEA).toBe("allowed_with_safeguards");
  });

  it("abstains, with both sentences to confirm, when a firm refusal meets a firm leave", () => {
    const analysis = analyze(
      [
        "Le Sous-traitant ne transfère jamais de données hors de l'Union européenne.",
        "Les transferts hors de l'Union européenne sont encadrés par les clauses contractuelles types.",
      ].join(" "),
    );
    expect(analysis.transfersOutsideEEA).toBeNull();
    const entry = analysis.toConfirm?.find((t) => t.field === "transfersOutsideEEA");
    expect(entry?.candidates.map((c) => c.value)).toEqual(["allowed_with_safeguards", "prohibited"]);
  });

  it("flags an agreement that says nothing of transfers", () => {
    const analysis = analyze(
      "ACCORD DE SOUS-TRAITANCE\n\nLe Sous-traitant traite les données pour le compte du Responsable du traitement.",
    );
    expect(analysis.transfersOutsideEEA).toBeNull();
    expect(analysis.flags.map((f) => f.id)).toContain("transfers_clause_missing");
  });
});
