import { describe, expect, it } from "vitest";
import { type Breach, parseBreachDetails } from "./breach.js";
import { breachRegisterEntry } from "./breach-register.js";

const breach: Breach = {
  ...parseBreachDetails({
    natures: ["availability", "integrity"],
    discoveredAt: Date.parse("2026-05-07T08:00:00+02:00"),
    awareAt: Date.parse("2026-05-07T09:00:00+02:00"),
    description: "Ransomware on the timetable server",
    dataCategories: ["timetables"],
    approximatePeople: 900,
    approximateRecords: 12_000,
    likelyConsequences: "Timetables unavailable for two days",
    measuresTaken: "Restored from offline backup",
  }),
  id: "b1",
  recordedBy: "vendor",
  side: "processor",
};

describe("the breach register entry (GDPR Art. 33(5))", () => {
  it("keeps the facts, effects, remedial action and the decision on each side", () => {
    const decision = { fr: "risque improbable", en: "risk unlikely" };
    const processorSide = breachRegisterEntry(breach, "vendor", "processor", null, []);
    const controllerSide = breachRegisterEntry(breach, "college", "controller", "none", [decision]);
    expect(processorSide.facts.natures).toEqual(["availability", "integrity"]);
    expect(processorSide.effects).toBe("Timetables unavailable for two days");
    expect(processorSide.remedialAction).toEqual({ taken: "Restored from offline backup", proposed: null });
    expect(controllerSide.keeperId).toBe("college");
    expect(controllerSide.riskLevel).toBe("none");
    expect(controllerSide.decisions).toEqual([decision]);
  });
});
