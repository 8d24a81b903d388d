// A step shared by the workflow use cases: read an agreement's clock (its parties, terms, and the controller's
// calendar and interpretation of qualifiers).

import type { Agreement } from "../../domain/agreement.js";
import type { AgreementClock } from "../../domain/agreement-clock.js";
import { type Calendar, calendarFor } from "../../domain/calendar.js";
import { Art28Error } from "../../domain/error.js";
import type { Organisation } from "../../domain/organisation.js";
import type { AgreementTerms } from "../../domain/terms.js";
import type { Repositories } from "../../store/repositories.js";

export interface AgreementSides {
  readonly clock: AgreementClock;
  readonly controller: Organisation;
  readonly processor: Organisation;
}

function partyOf(agreement: Agreement, role: "controller" | "processor"): string {
  const party = agreement.parties.find((p) => p.role === role);
  if (!party) {
    throw new Art28Error("conflict", {
      fr: `l'accord ${agreement.id} n'a pas de ${role === "controller" ? "responsable de traitement" : "sous-traitant"}`,
      en: `agreement ${agreement.id} has no ${role}`,
    });
  }
  return party.organisationId;
}

/** An agreement reduced to what sets its clocks: its two sides and its terms. */
export interface AgreementParties {
  readonly agreementId: string;
  readonly controllerId: string;
  readonly processorId: string;
  readonly terms: AgreementTerms;
}

export function partiesOf(agreement: Agreement): AgreementParties {
  return {
    agreementId: agreement.id,
    controllerId: partyOf(agreement, "controller"),
    processorId: partyOf(agreement, "processor"),
    terms: agreement.terms,
  };
}

/** The clocks of many agreements, reading each organisation once; deadlines run in the controller's calendar. */
export async function agreementSides(
  repositories: Repositories,
  given: readonly (Agreement | AgreementParties)[],
): Promise<AgreementSides[]> {
  const agreements = given.map((a) => ("parties" in a ? partiesOf(a) : a));
  const ids = new Set<string>();
  for (const a of agreements) {
    ids.add(a.controllerId);
    ids.add(a.processorId);
  }
  const organisations = new Map<string, Organisation>();
  const list = [...ids];
  for (let i = 0; i < list.length; i += 500) {
    for (const [id, o] of await repositories.organisations.byIds(list.slice(i, i + 500)))
      organisations.set(id, o);
  }
  const calendars = new Map<string, Calendar>();
  return agreements.map((agreement) => {
    const controller = organisations.get(agreement.controllerId) as Organisation;
    const processor = organisations.get(agreement.processorId) as Organisation;
    let calendar = calendars.get(controller.calendar);
    if (!calendar) {
      calendar = calendarFor(controller.calendar);
      calendars.set(controller.calendar, calendar);
    }
    return {
      controller,
      processor,
      clock: {
        agreementId: agreement.agreementId,
        controllerId: controller.id,
        processorId: processor.id,
        terms: agreement.terms,
        calendar,
        ...(controller.qualifierInterpretation ? { interpretation: controller.qualifierInterpretation } : {}),
      },
    };
  });
}

export async function agreementSidesOf(
  repositories: Repositories,
  agreement: Agreement,
): Promise<AgreementSides> {
  return (await agreementSides(repositories, [agreement]))[0] as AgreementSides;
}
