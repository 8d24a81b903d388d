import { describe, expect, it } from "vitest";
import type { Analysis } from "./analysis.js";
import { analyzeText } from "./analyze-text.js";

function analyze(text: string, lang: "fr" | "en" = "fr"): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) }, { lang });
}

function ids(analysis: Analysis): string[] {
  return analysis.flags.map((flag) => flag.id);
}

describe("flags", () => {
  it("flags a breach notice with no number of hours, in French or English", () => {
    const text =
      "Le Sous-traitant notifie toute violation de données au Responsable du traitement dans les meilleurs délais.";
    const agreement = `ACCORD DE SOUS-TRAITANCE\n\n${text}`;
    const fr = analyze(agreement).flags.find((f) => f.id === "breach_notice_unquantified");
    const en = analyze(agreement, "en").flags.find((f) => f.id === "breach_notice_unquantified");
    expect(fr?.severity).toBe("high");
    expect(fr?.message).toMatch(/violation/);
    expect(en?.message).toMatch(/breach/);
    expect(fr?.quote).toBe(text);
  });

  it("flags a processor delay that eats the controller's 72 hours", () => {
    const analysis = analyze(
      "The Processor shall inform the Controller of a personal data breach within 72 hours of becoming aware of it.",
      "en",
    );
    const flag = analysis.flags.find((f) => f.id === "breach_notice_consumes_authority_window");
    expect(flag?.message).toContain("72 hours");
    expect(ids(analysis)).not.toContain("breach_notice_unquantified");
  });

  it("flags a breach delay stated in thousands of days, as a typo would", () => {
    const analysis = analyze(
      "ACCORD DE SOUS-TRAITANCE\n\nLe Sous-traitant notifie toute violation de données au Responsable du traitement sous 99999 jours ouvrés.",
    );
    expect(ids(analysis)).toContain("breach_notice_consumes_authority_window");
  });

  it("does not flag a short breach delay", () => {
    const analysis = analyze(
      "Le Sous-traitant notifie toute violation de données au Responsable du traitement sous 24 heures.",
    );
    expect(ids(analysis)).not.toContain("breach_notice_consumes_authority_window");
    expect(ids(analysis)).not.toContain("breach_notice_unquantified");
  });

  it("flags the processor's use of data for its own ends, but not a prohibition of it", () => {
    expect(
      ids(
        analyze(
          "The Processor may use aggregated usage statistics derived from Customer Data to improve its products.",
          "en",
        ),
      ),
    ).toContain("processor_own_purposes");
    expect(
      ids(
        analyze(
          "Le Sous-traitant s'interdit d'utiliser les données à des fins statistiques ou commerciales.",
        ),
      ),
    ).not.toContain("processor_own_purposes");
  });

  it("flags termination as the price of an objection", () => {
    expect(
      ids(
        analyze(
          "Si le Responsable du traitement s'oppose au nouveau sous-traitant ultérieur, le Sous-traitant peut résilier le contrat sans indemnité.",
        ),
      ),
    ).toContain("objection_triggers_termination");
  });

  it("flags deletion costs laid on the controller, not a free return", () => {
    expect(
      ids(
        analyze(
          "La restitution des données en fin de contrat est facturée au Responsable du traitement selon le tarif en vigueur.",
        ),
      ),
    ).toContain("controller_bears_deletion_costs");
    expect(
      ids(
        analyze(
          "La restitution des données en fin de contrat est gratuite pour le Responsable du traitement.",
        ),
      ),
    ).not.toContain("controller_bears_deletion_costs");
  });

  it("flags a return charged to the controller in English", () => {
    expect(
      ids(
        analyze(
          "Any return of data in another format shall be charged to the Controller at the Processor's rates.",
          "en",
        ),
      ),
    ).toContain("controller_bears_deletion_costs");
  });

  it("flags deletion at the end with no deadline", () => {
    const title = "CONTRAT DE SOUS-TRAITANCE\n\n";
    const analysis = analyze(`${title}Les données sont supprimées à la fin du contrat.`);
    expect(ids(analysis)).toContain("no_deletion_deadline");
    expect(
      ids(analyze(`${title}Les données sont supprimées dans les 30 jours suivant la fin du contrat.`)),
    ).not.toContain("no_deletion_deadline");
  });

  it("flags audits that are capped or pre-conditioned", () => {
    expect(
      ids(analyze("Le Responsable du traitement ne peut pas réaliser plus d'un audit par an.")),
    ).toContain("audit_restricted");
    expect(
      ids(analyze("Tout audit est subordonné à la signature préalable d'un accord de non-divulgation.")),
    ).toContain("audit_restricted");
    expect(ids(analyze("Le Responsable du traitement peut réaliser un audit à tout moment."))).not.toContain(
      "audit_restricted",
    );
  });

  it("raises no flag of absence on a text that is no agreement", () => {
    expect(analyze("Compte rendu de la réunion du conseil d'école du 3 mars.").flags).toEqual([]);
  });

  it("orders flags from the most severe", () => {
    const order = { high: 0, medium: 1, low: 2 };
    const severities = analyze("Les données sont supprimées à la fin du contrat.").flags.map(
      (f) => order[f.severity],
    );
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });
});
