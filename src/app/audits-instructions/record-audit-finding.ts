// Use case: the findings of an audit report, each with its severity; every one but an observation opens a
// corrective action due under the agreement's corrective_action_plan (GDPR Art. 28(3)(h)).

import { correctiveActionDuties, FINDING_SEVERITIES, type FindingSeverity } from "../../domain/audit.js";
import { Art28Error, invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredFinding } from "../../store/audit-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { findAudit } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId } from "../register/unit-of-work.js";

export interface RecordAuditFindingOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The audit's id or its first characters. */
    readonly audit: string;
    readonly findings: readonly { readonly severity: string; readonly description: string }[];
    /** When the audit report was delivered (default: now). */
    readonly reportDeliveredAt?: number;
  };
  readonly now: number;
}

export async function recordAuditFinding({
  register,
  principal,
  input,
  now,
}: RecordAuditFindingOptions): Promise<StoredFinding[]> {
  if (input.findings.length === 0) {
    throw invalidInput({ fr: "aucune constatation", en: "no finding" }, { argument: "findings" });
  }
  for (const f of input.findings) {
    if (!(FINDING_SEVERITIES as readonly string[]).includes(f.severity)) {
      throw invalidInput(
        { fr: `gravité inconnue « ${f.severity} »`, en: `unknown severity "${f.severity}"` },
        {
          argument: "severity",
          accepted: { fr: FINDING_SEVERITIES.join(", "), en: FINDING_SEVERITIES.join(", ") },
        },
      );
    }
    if (f.description.trim() === "") {
      throw invalidInput(
        { fr: "une constatation se décrit", en: "a finding needs a description" },
        { argument: "description" },
      );
    }
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const audit = await findAudit(unit, input.audit);
    const agreement = await unit.agreements.byId(audit.agreementId);
    if (!agreement)
      throw new Art28Error("not_found", { fr: "accord introuvable", en: "agreement not found" });
    const sides = await agreementSidesOf(unit, agreement);
    unit.access.actFor(sides.controller.id, SIDE.controller);
    const deliveredAt = input.reportDeliveredAt ?? now;
    const findings = input.findings.map((f) => ({
      id: newId(),
      severity: f.severity as FindingSeverity,
      description: f.description.trim(),
    }));
    const drafts = correctiveActionDuties(audit.id, findings, deliveredAt, sides.clock);
    const obligations = await recordObligations(unit, drafts);
    const stored: StoredFinding[] = findings.map((f) => ({
      ...f,
      auditId: audit.id,
      agreementId: audit.agreementId,
      reportDeliveredAt: deliveredAt,
      obligationId: obligations.find((o) => o.trigger.id === `${audit.id}#${f.id}`)?.id ?? null,
    }));
    await unit.audits.insertFindings(stored, now);
    for (const f of stored) {
      unit.record({
        type: "audit.finding_recorded",
        payload: {
          v: 1,
          auditId: audit.id,
          findingId: f.id,
          agreementId: f.agreementId,
          severity: f.severity,
          obligationId: f.obligationId,
        },
      });
    }
    return stored;
  });
  return result;
}
