import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyzeText } from "../analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

describe("what the document is", () => {
  it("reads the language of an English agreement and of a French one", () => {
    expect(
      analyze("This agreement is made between the parties and shall be read with the main contract.")
        .language,
    ).toBe("en");
    expect(
      analyze("Le présent accord est conclu entre les parties et complète le contrat principal.").language,
    ).toBe("fr");
  });

  it("tells a processor agreement from a joint-controller arrangement", () => {
    expect(analyze("ACCORD DE SOUS-TRAITANCE\n\nLe Sous-traitant traite les données.").kind).toBe("dpa");
    expect(
      analyze(
        "JOINT CONTROLLER ARRANGEMENT (ARTICLE 26 GDPR)\n\nThe joint controllers define their respective responsibilities.",
      ).kind,
    ).toBe("joint_controller_agreement");
    expect(analyze("Compte rendu de la réunion du conseil d'école.").kind).toBe("unknown");
  });

  it("recognises a kit of model agreements", () => {
    const kit =
      "Kit de conventionnement pour les écoles. Modèle 1 : convention entre responsables conjoints. Modèle 2 : clause de sous-traitance.";
    expect(analyze(kit).kind).toBe("contracting_kit");
  });
});

describe("the governing law", () => {
  it.each([
    ["This Agreement is governed by the laws of Ireland.", "IE"],
    ["Le présent contrat est soumis au droit luxembourgeois.", "LU"],
    ["La présente convention est régie par la loi française.", "FR"],
    ["This Agreement shall be governed by Belgian law.", "BE"],
  ])("reads %j", (text, code) => {
    expect(analyze(text).governingLaw).toBe(code);
  });

  it("does not take a mention of national law for the choice of law", () => {
    expect(analyze("Le traitement respecte le droit français et européen.").governingLaw).toBeNull();
  });
});

describe("the parties", () => {
  it("reads parties named with their roles", () => {
    const analysis = analyze(
      "ÉduCloud SAS, en qualité de sous-traitant, et le Lycée Jean Moulin, en qualité de responsable de traitement, conviennent de ce qui suit.",
    );
    expect(analysis.parties).toEqual({ processor: "ÉduCloud SAS", controller: "Lycée Jean Moulin" });
  });

  it("reads parties defined in parentheses", () => {
    const analysis = analyze(
      'This agreement is made between Springfield School (the "Controller") and Acme Learning Ltd (the "Processor").',
    );
    expect(analysis.parties).toEqual({ processor: "Acme Learning Ltd", controller: "Springfield School" });
  });

  it("reads a processor appointed by name", () => {
    const analysis = analyze(
      "The Joint Controllers appoint EduHost Ltd as their processor for the platform.",
    );
    expect(analysis.parties.processor).toBe("EduHost Ltd");
  });

  it("reads a public body named with its article", () => {
    const analysis = analyze(
      "Entre la commune de Saint-Aubin (ci-après « le Responsable de traitement ») et la société NumériClasse SAS (ci-après « le Sous-traitant »).",
    );
    expect(analysis.parties).toEqual({
      processor: "NumériClasse SAS",
      controller: "la commune de Saint-Aubin",
    });
  });

  it("reads a name a role is stated of, before or after the role", () => {
    expect(
      analyze("Under this addendum Nimbus Cloud is the Processor of the school's data.").parties.processor,
    ).toBe("Nimbus Cloud");
    const stated = analyze(
      "Au sens de la présente convention, le Sous-traitant est la société Ardoise. Le Responsable de traitement est l'académie.",
    );
    expect(stated.parties).toEqual({ processor: "Ardoise", controller: "académie" });
  });

  it("reads a name given in parentheses after the role word", () => {
    expect(
      analyze("Les présentes clauses lient le sous-traitant (Tableau Vert) au collège.").parties.processor,
    ).toBe("Tableau Vert");
  });

  it("reads the name that opens a long description, with its legal form and SIREN", () => {
    const analysis = analyze(
      "Le présent accord est conclu entre le Client, agissant en qualité de responsable de traitement, et la société Craie Numérique SAS, société par actions simplifiée immatriculée au RCS de Lyon sous le numéro 123 456 789, dont le siège est à Lyon, agissant en qualité de sous-traitant.",
    );
    expect(analysis.parties).toEqual({ processor: "Craie Numérique SAS", controller: "Client" });
    expect(analysis.partyDetails?.processor).toEqual({ legalForm: "SAS", registration: "123 456 789" });
    expect(analysis.confidence?.["parties.processor"]).toBe("high");
  });

  it("reads a cover page whose role lines stand under the names", () => {
    const analysis = analyze(
      "Data Processing Agreement\n\nbetween\n\nSchool (to be inserted)\n\n- hereinafter referred to as the Controller -\n\nand\n\nQuill Systems GmbH, Hauptstr. 1, Berlin\n\n- hereinafter referred to as the Processor -\n\n1. The Processor processes data.",
    );
    expect(analysis.parties).toEqual({ processor: "Quill Systems GmbH", controller: null });
    expect(analysis.confidence?.["parties.processor"]).toBe("medium");
  });

  it("reads the party an agreement is made with, facing the customer", () => {
    expect(
      analyze("This addendum forms part of the agreement between Lantern and the Customer.").parties
        .processor,
    ).toBe("Lantern");
  });

  it("gives a party that is controller of its own processing the role the agreement weighs most", () => {
    const analysis = analyze(
      [
        "L'Agence, en tant que responsable de traitement, gère les comptes de ses agents.",
        "Pour le service, l'Agence agit en qualité de sous-traitant. Le sous-traitant est l'Agence.",
        "Le responsable de traitement est la Commune.",
      ].join("\n"),
    );
    expect(analysis.parties).toEqual({ processor: "Agence", controller: "Commune" });
  });

  it("never takes a role word or a defined term for a name", () => {
    const analysis = analyze(
      "“SCCs” means the Standard Contractual Clauses (Processors). The Provider acts as processor. The Processor shall notify the Customer.",
    );
    expect(analysis.parties.processor).toBeNull();
  });

  it("leaves a template's blanks unnamed", () => {
    const analysis = analyze(
      "Conclu entre [Nom de l'établissement] (le Responsable du traitement) et [À compléter] (le Sous-traitant).",
    );
    expect(analysis.parties).toEqual({ processor: null, controller: null });
  });
});
