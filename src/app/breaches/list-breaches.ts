// Use case: the breaches an organisation suffered or was notified of (all the tenant's when none is named).

import type { BreachNature } from "../../domain/breach.js";
import { calendarFor } from "../../domain/calendar.js";
import { formatInstant } from "../../domain/instant.js";
import type { Principal } from "../../domain/principal.js";
import { breachConcerns, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface BreachSummary {
  readonly id: string;
  readonly recordedBy: { readonly id: string; readonly name: string };
  readonly natures: readonly BreachNature[];
  /** The recorder's awareness, in its zone. */
  readonly awareAt: string;
  readonly description: string;
}

export interface ListBreachesOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly organisation?: string };
}

export async function listBreaches({
  register,
  principal,
  input,
}: ListBreachesOptions): Promise<BreachSummary[]> {
  const repositories = reader(register, principal);
  const organisation = input.organisation
    ? await findOrganisation(repositories, input.organisation, "--org")
    : undefined;
  const breaches = await repositories.access.filter(await repositories.breaches.list(organisation?.id), (b) =>
    breachConcerns(repositories, b),
  );
  const recorders = await repositories.organisations.byIds([...new Set(breaches.map((b) => b.recordedBy))]);
  return breaches.map((b) => {
    const recorder = recorders.get(b.recordedBy);
    return {
      id: b.id,
      recordedBy: { id: b.recordedBy, name: recorder?.name ?? "?" },
      natures: b.natures,
      awareAt: formatInstant(b.awareAt, calendarFor(recorder?.calendar ?? "FR").timeZone),
      description: b.description,
    };
  });
}
