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

  it("flags an agreement that says nothing of transfers", () => {
    const analysis = analyze(
      "ACCORD DE SOUS-TRAITANCE\n\nLe Sous-traitant traite les données pour le compte du Responsable du traitement.",
    );
    expect(analysis.transfersOutsideEEA).toBeNull();
    expect(analysis.flags.map((f) => f.id)).toContain("transfers_clause_missing");
  });
});
