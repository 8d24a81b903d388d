import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyzeText } from "../analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

describe("authorisation of sub-processors", () => {
  it("reads a general authorisation the controller grants", () => {
    const analysis = analyze(
      "Le Responsable du traitement accorde au Sous-traitant une autorisation générale de recourir à des sous-traitants ultérieurs.",
    );
    expect(analysis.subprocessorAuthorization).toBe("general");
  });

  it("reads a prior specific written authorisation", () => {
    const analysis = analyze(
      "The Processor shall not engage another processor without the prior specific written authorisation of the Controller.",
    );
    expect(analysis.subprocessorAuthorization).toBe("specific");
  });

  it("prefers the authorisation the agreement requires to one the controller merely may give", () => {
    const analysis = analyze(
      [
        "Le Sous-traitant ne peut recourir à un sous-traitant ultérieur qu'avec l'autorisation écrite préalable du Responsable du traitement.",
        "Le Responsable du traitement peut également donner une autorisation générale pour le recours à des sous-traitants ultérieurs.",
      ].join(" "),
    );
    expect(analysis.subprocessorAuthorization).toBe("specific");
  });

  it("reads leave to engage sub-processors on notice as a general authorisation", () => {
    const analysis = analyze(
      "Le Sous-traitant peut faire appel à un sous-traitant ultérieur ; il informe préalablement le Responsable du traitement de tout ajout ou remplacement.",
    );
    expect(analysis.subprocessorAuthorization).toBe("general");
  });

  it("does not read leave that needs the controller's consent as general", () => {
    const analysis = analyze(
      "The Processor may engage a sub-processor only with the Controller's prior specific written authorisation.",
    );
    expect(analysis.subprocessorAuthorization).toBe("specific");
  });

  it("decides nothing from the GDPR's own alternative", () => {
    const analysis = analyze(
      "Le sous-traitant ne recrute pas un autre sous-traitant sans l'autorisation écrite préalable, spécifique ou générale, du responsable du traitement.",
    );
    expect(analysis.subprocessorAuthorization).toBeNull();
  });
});

describe("silence during the objection window", () => {
  it("reads silence as acceptance and flags it", () => {
    const analysis = analyze(
      "If the Controller does not object within 10 days of the notice, the new sub-processor is deemed accepted.",
    );
    expect(analysis.objectionSilence).toBe("accepted");
    expect(analysis.flags.map((f) => f.id)).toContain("silence_deemed_acceptance");
  });

  it("reads a sub-processor that may only start once no objection was raised as silence accepted", () => {
    const analysis = analyze(
      "Le nouveau sous-traitant ultérieur ne peut intervenir que si le Responsable du traitement n'a pas formulé d'objection dans le délai de dix jours.",
    );
    expect(analysis.objectionSilence).toBe("accepted");
  });

  it("reads silence as refusal without flagging it", () => {
    const analysis = analyze(
      "À défaut de réponse dans ce délai, le recours au nouveau sous-traitant ultérieur est réputé refusé.",
    );
    expect(analysis.objectionSilence).toBe("refused");
    expect(analysis.flags.map((f) => f.id)).not.toContain("silence_deemed_acceptance");
  });
});

describe("the agreement's own clauses before the attached standard clauses", () => {
  it("reads a general authorisation the controller agrees to, not the specific one of the attached clauses", () => {
    const analysis = analyzeText({
      text: [
        "The Customer agrees that the Vendor may engage other processors to provide the service.",
        "The data importer shall not subcontract without the prior written consent of the data exporter.",
      ].join(" "),
      format: "txt",
      encodingRepaired: false,
      sha256: "0".repeat(64),
    });
    expect(analysis.subprocessorAuthorization).toBe("general");
  });
});
