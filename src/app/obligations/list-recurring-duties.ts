// Use case: the recurring duties set on the agreements (one agreement's, or all), each with its next occurrence.

import type { FixedDuration } from "../../domain/duration.js";
import type { Principal } from "../../domain/principal.js";
import { occurrenceOf, type RecurringDutyKind } from "../../domain/recurring-duty.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface RecurringDutySummary {
  readonly id: string;
  readonly kind: RecurringDutyKind;
  readonly agreement: { readonly id: string; readonly title: string };
  readonly holder: { readonly id: string; readonly name: string };
  readonly every: FixedDuration;
  readonly startsAt: number;
  readonly endedAt: number | null;
  /** The occurrence now open: its obligation's id and due instant; null once the duty stopped. */
  readonly next: { readonly obligationId: string; readonly due: number; readonly occurrence: number } | null;
}

export interface ListRecurringDutiesOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly agreement?: string };
}

export async function listRecurringDuties({
  register,
  principal,
  input,
}: ListRecurringDutiesOptions): Promise<RecurringDutySummary[]> {
  const repositories = reader(register, principal);
  const only = input.agreement ? await findAgreement(repositories, input.agreement) : undefined;
  const duties = await repositories.access.filter(await repositories.recurringDuties.list(only?.id), (d) => ({
    organisations: [d.holderId, d.counterpartyId],
    agreements: [d.agreementId],
  }));
  const agreementIds = [...new Set(duties.map((d) => d.agreementId))];
  const agreements = new Map<string, { id: string; title: string }>();
  const open = new Map<string, { obligationId: string; due: number; occurrence: number }>();
  for (const agreementId of agreementIds) {
    const agreement = await repositories.agreements.byId(agreementId);
    if (agreement) agreements.set(agreementId, { id: agreement.id, title: agreement.title });
    for (const o of await repositories.obligations.forAgreement(agreementId)) {
      const of = occurrenceOf(o);
      if (o.status === "open" && of)
        open.set(of.dutyId, { obligationId: o.id, due: o.due, occurrence: of.occurrence });
    }
  }
  const holders = await repositories.organisations.byIds([...new Set(duties.map((d) => d.holderId))]);
  return duties.map((d) => ({
    id: d.id,
    kind: d.kind,
    agreement: agreements.get(d.agreementId) ?? { id: d.agreementId, title: "?" },
    holder: { id: d.holderId, name: holders.get(d.holderId)?.name ?? "?" },
    every: d.every,
    startsAt: d.startsAt,
    endedAt: d.endedAt,
    next: open.get(d.id) ?? null,
  }));
}
