// Use case: one side weighs the risk of a breach with the EDPB's factors and keeps the result in its breach
// register entry (GDPR Art. 33(5); EDPB Guidelines 9/2022 paras 102-116).

import { z } from "zod";
import type { Breach, BreachSide } from "../../domain/breach.js";
import { breachRegisterEntry } from "../../domain/breach-register.js";
import {
  assessBreachRisk,
  type BreachRiskAssessment,
  type BreachRiskFactors,
  DATA_KINDS,
} from "../../domain/breach-risk.js";
import { Art28Error } from "../../domain/error.js";
import { parseInput } from "../../domain/input.js";
import type { Principal } from "../../domain/principal.js";
import { findBreach, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId, type UnitOfWork } from "../register/unit-of-work.js";

const factorsSchema = z.object({
  dataKinds: z.array(z.enum(DATA_KINDS)).default([]),
  identifiability: z.enum(["direct", "easy", "difficult", "negligible"]).default("direct"),
  exposure: z.enum(["unknown", "public", "limited", "trusted_recipient", "none"]).default("unknown"),
  consequences: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  vulnerablePeople: z.boolean().default(false),
  restoredWithinHours: z.number().nonnegative().optional(),
});

export interface AssessBreachRiskOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly breach: string;
    /** The organisation assessing: the one that recorded it, or a controller it was notified to. */
    readonly keeper: string;
    /** The factors beyond the report (data kinds, identifiability, exposure…); natures and numbers come from it. */
    readonly factors: Record<string, unknown>;
  };
  readonly now: number;
}

export async function assessBreachRiskFor({
  register,
  principal,
  input,
  now,
}: AssessBreachRiskOptions): Promise<BreachRiskAssessment> {
  const factors = parseInput(factorsSchema, input.factors, "factors");
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const breach = await findBreach(unit, input.breach);
    const keeper = await findOrganisation(unit, input.keeper, "keeper");
    const side = await sideOf(unit, breach, keeper.id);
    const full: BreachRiskFactors = {
      natures: breach.natures,
      approximatePeople: breach.approximatePeople,
      approximateRecords: breach.approximateRecords,
      dataKinds: factors.dataKinds,
      identifiability: factors.identifiability,
      exposure: factors.exposure,
      vulnerablePeople: factors.vulnerablePeople,
      ...(factors.consequences !== undefined ? { consequences: factors.consequences } : {}),
      ...(factors.restoredWithinHours !== undefined
        ? { restoredWithinHours: factors.restoredWithinHours }
        : {}),
    };
    const assessment = assessBreachRisk(full);
    const previous = await unit.breaches.registerEntry(breach.id, keeper.id);
    const entry = breachRegisterEntry(
      breach,
      keeper.id,
      side,
      assessment.level,
      [...(previous?.entry.decisions ?? []), ...assessment.reasons],
      previous?.entry.controllerAwareAt,
    );
    await unit.breaches.saveRegisterEntry(newId(), entry, assessment, now);
    unit.record({
      type: "breach.risk_assessed",
      payload: {
        v: 1,
        breachId: breach.id,
        keeperId: keeper.id,
        level: assessment.level,
        likelihood: assessment.likelihood,
        severity: assessment.severity,
      },
    });
    return assessment;
  });
  return result;
}

/** Which side an organisation stands on for this breach; an organisation the breach never reached has none. */
async function sideOf(unit: UnitOfWork, breach: Breach, organisationId: string): Promise<BreachSide> {
  if (organisationId === breach.recordedBy) return breach.side;
  const notified = (await unit.breaches.notifications(breach.id)).some(
    (n) => n.controllerId === organisationId,
  );
  if (notified) return "controller";
  throw new Art28Error(
    "conflict",
    {
      fr: "cette organisation n'a ni subi ni reçu notification de cette violation",
      en: "this organisation neither suffered nor was notified of this breach",
    },
    { argument: "organisation" },
  );
}
