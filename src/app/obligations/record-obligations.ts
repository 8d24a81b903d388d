// Step shared by the use cases that create duties: store obligation drafts as open obligations and journal each.

import type { ObligationDraft } from "../../domain/obligation.js";
import type { Obligation } from "../../domain/obligation-record.js";
import { newTimeOrderedId, type UnitOfWork } from "../register/unit-of-work.js";

export async function recordObligations(
  unit: UnitOfWork,
  drafts: readonly ObligationDraft[],
): Promise<Obligation[]> {
  const obligations: Obligation[] = drafts.map((draft) => ({
    ...draft,
    id: newTimeOrderedId(),
    tenant: unit.principal.tenant,
    status: "open",
    evidence: null,
    createdAt: unit.now,
    closedAt: null,
  }));
  await unit.obligations.insert(obligations);
  for (const o of obligations) {
    unit.record({
      type: "obligation.opened",
      payload: {
        v: 1,
        obligationId: o.id,
        kind: o.kind,
        holderId: o.holderId,
        counterpartyId: o.counterpartyId,
        agreementId: o.agreementId,
        trigger: o.trigger,
        due: o.due,
        basis: o.basis,
      },
    });
  }
  return obligations;
}
