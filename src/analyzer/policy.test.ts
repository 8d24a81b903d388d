import { describe, expect, it } from "vitest";
import { BREACH_SENTENCE, SAMPLE_ANALYSIS } from "../../test/fixtures/sample-analysis.js";
import { Art28Error } from "../domain/error.js";
import type { Analysis } from "./analysis.js";
import { evaluatePolicy, parsePolicy } from "./policy.js";

function errorOf(json: unknown): Art28Error {
  try {
    parsePolicy(json);
  } catch (error) {
    if (error instanceof Art28Error) return error;
    throw error;
  }
  throw new Error("the policy was accepted");
}

describe("parsePolicy", () => {
  it("reads periods written in words or as an amount and a unit", () => {
    const policy = parsePolicy({
      maxBreachNotice: "48 hours",
      maxDeletionAfterTermination: { amount: 30, unit: "days" },
      minSubprocessorObjection: "14 jours",
    });
    expect(policy.maxBreachNotice).toEqual({ amount: 48, unit: "hours" });
    expect(policy.maxDeletionAfterTermination).toEqual({ amount: 30, unit: "days" });
    expect(policy.minSubprocessorObjection).toEqual({ amount: 14, unit: "days" });
  });

  it('accepts one transfer rule or a list, and every checklist item with "all"', () => {
    const policy = parsePolicy({ transfersOutsideEEA: "prohibited", requireChecklist: "all" });
    expect(policy.transfersOutsideEEA).toEqual(["prohibited"]);
    expect(policy.requireChecklist).toContain("28.3.a-infringement");
    expect(policy.requireChecklist).toHaveLength(12);
  });

  it("names the field of a period it cannot read, in French and English, on one line", () => {
    const error = errorOf({ maxBreachNotice: "bientôt" });
    expect(error.code).toBe("invalid_input");
    expect(error.details.argument).toBe("policy");
    expect(error.text.fr).toMatch(/^maxBreachNotice : « bientôt » n'est pas une durée chiffrée/);
    expect(error.text.en).toMatch(/^maxBreachNotice: "bientôt" is not a period with a number/);
    expect(error.text.fr).not.toContain("\n");
  });

  it('refuses a period with no number, such as "without undue delay"', () => {
    expect(errorOf({ maxBreachNotice: "without undue delay" }).text.en).toContain("maxBreachNotice");
    expect(errorOf({ maxDsrForwarding: { amount: 0, unit: "days" } }).text.en).toContain("maxDsrForwarding");
    expect(errorOf({ maxDsrForwarding: { amount: 2, unit: "fortnights" } }).text.en).toContain("units:");
  });

  it("names an unknown field and lists the accepted ones", () => {
    const error = errorOf({ maxBreachNotise: "48 hours" });
    expect(error.text.fr).toContain("champ inconnu « maxBreachNotise »");
    expect(error.text.en).toContain("accepted fields:");
    expect(error.text.en).toContain("maxBreachNotice");
  });

  it("says which values a closed field accepts", () => {
    expect(errorOf({ subprocessorAuthorization: "sometimes" }).text.en).toBe(
      'subprocessorAuthorization: "sometimes" is not accepted; expected general or specific',
    );
    expect(errorOf({ transfersOutsideEEA: ["prohibited", "anywhere"] }).text.fr).toContain(
      'transfersOutsideEEA : "anywhere" n\'est pas accepté ; attendu : prohibited, with_authorization ou allowed_with_safeguards',
    );
    expect(errorOf({ requireChecklist: ["28.3.z"] }).text.en).toContain("requireChecklist");
    expect(errorOf({ governingLaw: ["France"] }).text.en).toContain("two-letter ISO country codes");
    expect(errorOf({ minAuditsPerYear: 0 }).text.en).toContain("minAuditsPerYear");
  });

  it("refuses a file that holds no object", () => {
    expect(errorOf([1, 2]).text.fr).toBe("le fichier doit contenir un objet JSON");
  });
});

describe("evaluatePolicy", () => {
  const flagsFor = (json: unknown, analysis: Analysis = SAMPLE_ANALYSIS, lang: "fr" | "en" = "fr") =>
    evaluatePolicy(analysis, parsePolicy(json), lang);

  it("finds a 24-hour breach notice compliant with a 48-hour maximum, quoting the clause", () => {
    const [flag] = flagsFor({ maxBreachNotice: "48 heures" });
    expect(flag).toEqual({
      id: "policy_max_breach_notice",
      severity: "low",
      message:
        "Notification d'une violation au responsable de traitement, 48 heures au plus : conforme (l'accord prévoit 24 heures).",
      quote: BREACH_SENTENCE,
    });
  });

  it("says non-compliant in English when the agreement allows longer", () => {
    const [flag] = flagsFor({ maxBreachNotice: "12 hours" }, SAMPLE_ANALYSIS, "en");
    expect(flag?.severity).toBe("high");
    expect(flag?.message).toBe(
      "Breach notification to the controller, at most 12 hours: non-compliant (the agreement says 24 hours).",
    );
  });

  it("does not count 2 months as within 60 days, since months may last longer", () => {
    const [flag] = flagsFor({ maxDeletionAfterTermination: "60 days" });
    expect(flag?.id).toBe("policy_max_deletion_after_termination");
    expect(flag?.message).toContain("non conforme (l'accord prévoit 2 mois, qui peuvent dépasser 60 jours");
  });

  it("finds a 10-day objection window short of a 14-day minimum, and enough for 1 week", () => {
    expect(flagsFor({ minSubprocessorObjection: "14 days" })[0]?.message).toContain("non conforme");
    expect(flagsFor({ minSubprocessorObjection: "1 week" })[0]?.message).toContain(": conforme");
  });

  it("finds a period the agreement does not set non-compliant", () => {
    const [flag] = flagsFor({ maxDsrForwarding: "3 working days" }, SAMPLE_ANALYSIS, "en");
    expect(flag?.message).toBe(
      "Forwarding of a data-subject request to the controller, at most 3 working days: non-compliant (the agreement sets no such period).",
    );
    expect(flag?.quote).toBeNull();
  });

  it('finds a notice "without undue delay" non-compliant with any maximum, but an immediate one compliant', () => {
    const withQualifier = (qualifier: "without_undue_delay" | "immediately"): Analysis => ({
      ...SAMPLE_ANALYSIS,
      terms: {
        breach_notification_to_controller: {
          amount: null,
          unit: null,
          qualifier,
          quote: BREACH_SENTENCE,
          offset: 0,
        },
      },
    });
    expect(
      flagsFor({ maxBreachNotice: "72 hours" }, withQualifier("without_undue_delay"))[0]?.message,
    ).toContain("non conforme (l'accord dit seulement « dans les meilleurs délais », sans délai chiffré)");
    expect(flagsFor({ maxBreachNotice: "72 hours" }, withQualifier("immediately"))[0]?.severity).toBe("low");
  });

  it("checks transfers, authorisation, silence and governing law against the accepted values", () => {
    const flags = flagsFor({
      transfersOutsideEEA: ["prohibited"],
      subprocessorAuthorization: "specific",
      objectionSilence: "refused",
      governingLaw: ["FR", "BE"],
    });
    expect(flags.map((f) => [f.id, f.severity])).toEqual([
      ["policy_transfers_outside_eea", "high"],
      ["policy_subprocessor_authorization", "high"],
      ["policy_objection_silence", "high"],
      ["policy_governing_law", "low"],
    ]);
    expect(flags[0]?.message).toContain("non conforme (l'accord n'en dit rien)");
    expect(flags[1]?.message).toContain("l'accord prévoit : autorisation générale");
  });

  it("lets a stricter choice satisfy a looser policy", () => {
    const strict: Analysis = {
      ...SAMPLE_ANALYSIS,
      subprocessorAuthorization: "specific",
      objectionSilence: "refused",
    };
    const flags = flagsFor({ subprocessorAuthorization: "general", objectionSilence: "accepted" }, strict);
    expect(flags.every((f) => f.severity === "low")).toBe(true);
  });

  it("lists the required checklist items that are not fully present", () => {
    const [flag] = flagsFor(
      { requireChecklist: ["28.3.f", "28.3.h", "28.3.subject"] },
      SAMPLE_ANALYSIS,
      "en",
    );
    expect(flag?.id).toBe("policy_require_checklist");
    expect(flag?.message).toContain("non-compliant (Information and audits (Art. 28(3)(h)): missing; ");
    expect(flag?.message).toContain(": partial)");
    expect(flag?.message).not.toContain("breaches, DPIA");
  });

  it("names a requirement of every checklist item in one word", () => {
    expect(flagsFor({ requireChecklist: "all" }, SAMPLE_ANALYSIS, "en")[0]?.message).toMatch(
      /^Required Art\. 28 clauses \(all\): non-compliant/,
    );
  });

  it("reports forbidden analyzer flags with the quote of the first one", () => {
    const [flag] = flagsFor({ forbiddenFlags: ["processor_own_purposes", "audit_restricted"] });
    expect(flag?.message).toContain("non conforme (levée : processor_own_purposes)");
    expect(flag?.quote).toContain("améliorer ses services");
  });

  it("accepts an agreement that sets no cap on audits, and refuses one capped below the policy", () => {
    expect(flagsFor({ minAuditsPerYear: 1 })[0]?.severity).toBe("low");
    const capped: Analysis = { ...SAMPLE_ANALYSIS, auditFrequencyPerYear: { min: null, max: 1 } };
    expect(flagsFor({ minAuditsPerYear: 2 }, capped)[0]?.message).toContain("non conforme");
  });

  it("gives nothing for an empty policy", () => {
    expect(flagsFor({ name: "rien" })).toEqual([]);
  });
});
