// The entry each side keeps in its breach register: facts, effects, remedial action and decisions (GDPR Art. 33(5)).

import type { Breach } from "./breach.js";
import type { RiskLevel } from "./breach-risk.js";
import type { LocalizedText } from "./error.js";

export interface BreachRegisterEntry {
  readonly breachId: string;
  /** The organisation whose register holds the entry. */
  readonly keeperId: string;
  readonly side: "processor" | "controller";
  readonly facts: {
    readonly natures: Breach["natures"];
    readonly discoveredAt: number;
    readonly awareAt: number;
    readonly description: string;
    readonly dataCategories: readonly string[];
    readonly approximatePeople: number | null;
    readonly approximateRecords: number | null;
  };
  readonly effects: string | null;
  readonly remedialAction: { readonly taken: string | null; readonly proposed: string | null };
  readonly riskLevel: RiskLevel | null;
  /** Why it was or was not notified; the authority may check this record (Art. 33(5)). */
  readonly decisions: readonly LocalizedText[];
  /** When the controller became aware, which starts its 72 hours (Art. 33(1)); set once its duties are opened. */
  readonly controllerAwareAt?: number;
}

/** Art. 33(5) binds the controller; the processor keeps the same entry to show it notified each controller. */
export function breachRegisterEntry(
  breach: Breach,
  keeperId: string,
  side: "processor" | "controller",
  riskLevel: RiskLevel | null,
  decisions: readonly LocalizedText[],
  controllerAwareAt?: number,
): BreachRegisterEntry {
  return {
    ...(controllerAwareAt !== undefined ? { controllerAwareAt } : {}),
    breachId: breach.id,
    keeperId,
    side,
    facts: {
      natures: breach.natures,
      discoveredAt: breach.discoveredAt,
      awareAt: breach.awareAt,
      description: breach.description,
      dataCategories: breach.dataCategories,
      approximatePeople: breach.approximatePeople,
      approximateRecords: breach.approximateRecords,
    },
    effects: breach.likelyConsequences,
    remedialAction: { taken: breach.measuresTaken, proposed: breach.measuresProposed },
    riskLevel,
    decisions,
  };
}
