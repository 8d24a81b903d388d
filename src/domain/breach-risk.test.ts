import { describe, expect, it } from "vitest";
import { assessBreachRisk, type BreachRiskFactors } from "./breach-risk.js";

const base: BreachRiskFactors = {
  natures: ["confidentiality"],
  dataKinds: ["identification"],
  approximatePeople: 10,
  approximateRecords: 10,
  identifiability: "direct",
  exposure: "unknown",
  vulnerablePeople: false,
};

describe("the breach risk assessment (EDPB 9/2022)", () => {
  it("sees no risk when the leaked data is properly encrypted and the key is safe", () => {
    const result = assessBreachRisk({ ...base, dataKinds: ["health"], identifiability: "negligible" });
    expect(result.level).toBe("none");
    expect(result.reasons[0]?.en).toMatch(/unintelligible/);
  });

  it("sees no risk in a short outage of ordinary data fully restored", () => {
    const result = assessBreachRisk({
      ...base,
      natures: ["availability"],
      restoredWithinHours: 3,
    });
    expect(result.level).toBe("none");
  });

  it("sees a risk when pupils' marks reach one other parent by mistake", () => {
    const result = assessBreachRisk({
      ...base,
      dataKinds: ["identification", "assessment"],
      exposure: "trusted_recipient",
      vulnerablePeople: true,
    });
    expect(result.level).toBe("risk");
    expect(result.reasons.map((r) => r.fr).join(" ")).toMatch(/personnes vulnérables/);
  });

  it("sees a high risk when 5,000 pupils' records go to a thousand recipients (EDPB Annex B)", () => {
    const result = assessBreachRisk({
      ...base,
      dataKinds: ["identification", "school_records"],
      approximatePeople: 5_000,
      exposure: "limited",
      vulnerablePeople: true,
    });
    expect(result.level).toBe("high_risk");
    expect(result.severity).toBe(4);
  });

  it("presumes harm likely for health data even when identification is difficult", () => {
    const result = assessBreachRisk({
      ...base,
      dataKinds: ["health"],
      identifiability: "difficult",
      exposure: "trusted_recipient",
    });
    expect(result.level).toBe("risk");
  });

  it("raises the severity when the recorder expects grave consequences", () => {
    const mild = assessBreachRisk(base);
    const grave = assessBreachRisk({ ...base, consequences: 4 });
    expect(grave.severity).toBeGreaterThan(mild.severity);
    expect(grave.level).toBe("high_risk");
  });

  it("gives every reason in French and in English and ends with its conclusion", () => {
    const result = assessBreachRisk(base);
    for (const reason of result.reasons) {
      expect(reason.fr.length).toBeGreaterThan(0);
      expect(reason.en.length).toBeGreaterThan(0);
    }
    expect(result.reasons.at(-1)?.en).toMatch(/^conclusion/);
  });
});
