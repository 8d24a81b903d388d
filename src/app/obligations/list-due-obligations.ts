// Use case: what is owed, by whom, to whom, by when — pending obligations in deadline order.

import { calendarFor } from "../../domain/calendar.js";
import { Art28Error, type LocalizedText } from "../../domain/error.js";
import { formatInstant, parseInstant } from "../../domain/instant.js";
import type { DueBasis, ObligationStatus } from "../../domain/obligation.js";
import { statusAt } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface DueObligationView {
  readonly id: string;
  readonly kind: string;
  readonly what: LocalizedText;
  /** Due instant in the holder's calendar zone, ISO 8601 with offset. */
  readonly due: string;
  readonly dueMs: number;
  /** "late" once the due instant has passed. */
  readonly status: ObligationStatus;
  readonly holder: { readonly id: string; readonly name: string };
  readonly counterparty: { readonly id: string; readonly name: string } | null;
  readonly agreement: { readonly id: string; readonly title: string } | null;
  readonly basis: DueBasis;
  readonly trigger: { readonly type: string; readonly id: string; readonly at: string };
}

export interface ListDueObligationsOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** ISO date (start of that day in the holder's zone, or Paris) or date-time with offset. */
    readonly before?: string;
    /** Name, UAI, SIREN/SIRET or BCE of an organisation: the duties it holds and those owed to it. */
    readonly organisation?: string;
    /** With `organisation`: only the duties it holds (default false). */
    readonly heldOnly?: boolean;
    readonly limit?: number;
  };
  readonly now: number;
}

export async function listDueObligations({
  register,
  principal,
  input,
  now,
}: ListDueObligationsOptions): Promise<DueObligationView[]> {
  const repositories = reader(register, principal, now);
  let holderId: string | undefined;
  let calendar = calendarFor("FR");
  if (input.organisation) {
    const organisation = await findOrganisation(repositories, input.organisation, "--org");
    holderId = organisation.id;
    calendar = calendarFor(organisation.calendar);
  }
  let before: number | undefined;
  if (input.before) {
    try {
      before = parseInstant(input.before, calendar).instant;
    } catch (error) {
      if (!(error instanceof Art28Error)) throw error;
      throw new Art28Error(error.code, error.text, {
        argument: "--before",
        accepted: {
          fr: "AAAA-MM-JJ ou date-heure ISO 8601 avec décalage",
          en: "YYYY-MM-DD or ISO 8601 date-time with offset",
        },
      });
    }
  }
  const obligations = await repositories.access.filter(
    await repositories.obligations.due({ before, holderId, alsoOwedTo: !input.heldOnly, limit: input.limit }),
    (o) => ({ organisations: [o.holderId, o.counterpartyId], agreements: [o.agreementId] }),
  );
  const ids = new Set<string>();
  for (const o of obligations) {
    ids.add(o.holderId);
    if (o.counterpartyId) ids.add(o.counterpartyId);
  }
  const organisations = await repositories.organisations.byIds([...ids]);
  const agreementTitles = new Map<string, string>();
  for (const agreementId of new Set(
    obligations.map((o) => o.agreementId).filter((id): id is string => id !== null),
  )) {
    const agreement = await repositories.agreements.byId(agreementId);
    if (agreement) agreementTitles.set(agreementId, agreement.title);
  }
  return obligations.map((o) => {
    const holder = organisations.get(o.holderId);
    const zone = calendarFor(holder?.calendar ?? "FR").timeZone;
    const counterparty = o.counterpartyId ? organisations.get(o.counterpartyId) : undefined;
    return {
      id: o.id,
      kind: o.kind,
      what: o.what,
      due: formatInstant(o.due, zone),
      dueMs: o.due,
      status: statusAt(o, now),
      holder: { id: o.holderId, name: holder?.name ?? "?" },
      counterparty: o.counterpartyId ? { id: o.counterpartyId, name: counterparty?.name ?? "?" } : null,
      agreement: o.agreementId
        ? { id: o.agreementId, title: agreementTitles.get(o.agreementId) ?? "?" }
        : null,
      basis: o.basis,
      trigger: { type: o.trigger.type, id: o.trigger.id, at: formatInstant(o.trigger.at, zone) },
    };
  });
}
