// A small world for the workflow tests: a vendor and its school customers in three calendars, each agreement
// with its own terms, recorded through the register's use cases.

import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import type { Register } from "../../src/app/register/open-register.js";
import { inTransaction } from "../../src/app/register/unit-of-work.js";
import type { Agreement } from "../../src/domain/agreement.js";
import type { Organisation, OrganisationInput } from "../../src/domain/organisation.js";
import type { Principal } from "../../src/domain/principal.js";
import type { AgreementTerms } from "../../src/domain/terms.js";

export interface Customer {
  readonly school: Organisation;
  readonly agreement: Agreement;
}

export async function addVendor(
  register: Register,
  principal: Principal,
  now: number,
  input: Partial<OrganisationInput> = {},
): Promise<Organisation> {
  return createOrganisation({
    register,
    principal,
    input: { name: "Cahier Numérique SAS", type: "editeur", roles: ["processor"], ...input },
    now,
  });
}

export async function addCustomer(
  register: Register,
  principal: Principal,
  now: number,
  vendor: Organisation,
  school: OrganisationInput,
  terms: AgreementTerms,
  subprocessors: readonly { name: string; activity: string; location: string }[] = [],
): Promise<Customer> {
  const created = await createOrganisation({
    register,
    principal,
    input: { type: "college", roles: ["controller"], ...school },
    now,
  });
  const agreement = await createAgreement({
    register,
    principal,
    input: {
      kind: "dpa",
      title: `${vendor.name} — ${created.name}`,
      parties: [
        { organisationId: created.id, role: "controller" },
        { organisationId: vendor.id, role: "processor" },
      ],
      terms,
      subprocessors: subprocessors.map((s) => ({
        ...s,
        siret: null,
        transferMechanism: "none",
        provenance: { kind: "typed", by: principal.id, at: now },
      })),
      status: "active",
      effectiveOn: "2025-09-01",
    },
    now,
  });
  return { school: created, agreement };
}

/** Gives an organisation an e-mail contact, so its notices land in the outbox. */
export async function addContact(
  register: Register,
  principal: Principal,
  now: number,
  organisation: Organisation,
  email: string,
  language: "fr" | "en" = "fr",
): Promise<void> {
  await inTransaction(register, principal, now, (unit) =>
    unit.recipients.setContact({ organisationId: organisation.id, email, name: null, language }, now),
  );
}
