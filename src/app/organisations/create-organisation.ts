// Use case: add an organisation (school, authority, vendor) to the register.

import { Art28Error } from "../../domain/error.js";
import {
  buildOrganisation,
  type Organisation,
  type OrganisationInput,
  organisationNameKey,
} from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId, type UnitOfWork } from "../register/unit-of-work.js";

export interface CreateOrganisationOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: OrganisationInput;
  readonly now: number;
}

const IDENTIFIER_LABELS = {
  uai: { fr: "code UAI", en: "UAI code" },
  siren: { fr: "SIREN", en: "SIREN" },
  siret: { fr: "SIRET", en: "SIRET" },
  bce: { fr: "numéro BCE", en: "BCE number" },
} as const;

export async function createOrganisation({
  register,
  principal,
  input,
  now,
}: CreateOrganisationOptions): Promise<Organisation> {
  const { result } = await inTransaction(register, principal, now, (unit) => {
    // A member acts for the organisations it was granted; registering another is the operator's (or later an admin's).
    unit.access.requireOperator({ fr: "registre", en: "register" });
    return addOrganisation(unit, input);
  });
  return result;
}

/** The step inside a unit of work, for use cases that create organisations along the way. */
export async function addOrganisation(unit: UnitOfWork, input: OrganisationInput): Promise<Organisation> {
  const organisation = buildOrganisation(input, {
    id: newId(),
    tenant: unit.principal.tenant,
    now: unit.now,
  });
  const existing = await unit.organisations.find(organisation.name);
  if (existing && organisationNameKey(existing.name) === organisationNameKey(organisation.name)) {
    throw new Art28Error(
      "conflict",
      {
        fr: `l'organisation « ${organisation.name} » existe déjà`,
        en: `organisation "${organisation.name}" already exists`,
      },
      { argument: "name" },
    );
  }
  // One UAI, SIREN, SIRET or BCE number names one organisation of the tenant: a second would make every lookup
  // by number (contacts set --org 0690026D) pick one silently.
  const [holder] = await unit.organisations.holdingIdentifiers(organisation.identifiers);
  if (holder) {
    const label = IDENTIFIER_LABELS[holder.identifier];
    const value = organisation.identifiers[holder.identifier];
    throw new Art28Error(
      "conflict",
      {
        fr: `le ${label.fr} ${value} est déjà celui de « ${holder.organisation.name} »`,
        en: `${label.en} ${value} already belongs to "${holder.organisation.name}"`,
      },
      { argument: holder.identifier },
    );
  }
  await unit.organisations.insert(organisation);
  unit.record({
    type: "organisation.created",
    payload: {
      v: 1,
      organisationId: organisation.id,
      name: organisation.name,
      type: organisation.type,
      roles: organisation.roles,
    },
  });
  return organisation;
}
