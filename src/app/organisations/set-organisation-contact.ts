// Use case: set where an organisation receives its notices and reminders (an e-mail address) and in which language.

import type { Language } from "../../domain/duration.js";
import { checkEmailAddress } from "../../domain/email-address.js";
import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { OrganisationContact } from "../../store/recipient-repository.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface SetOrganisationContactOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** Name, id, UAI, SIREN, SIRET or BCE number. */
    readonly organisation: string;
    readonly email: string;
    readonly name?: string;
    readonly language: string;
  };
  readonly now: number;
}

export async function setOrganisationContact({
  register,
  principal,
  input,
  now,
}: SetOrganisationContactOptions): Promise<OrganisationContact & { readonly organisation: string }> {
  const email = checkEmailAddress(input.email, "email");
  const language = input.language.trim().toLowerCase();
  if (language !== "fr" && language !== "en") {
    throw invalidInput(
      { fr: `langue « ${input.language} » inconnue`, en: `unknown language "${input.language}"` },
      { argument: "lang", accepted: { fr: "fr ou en", en: "fr or en" } },
    );
  }
  const name = input.name?.trim() || null;
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const organisation = await findOrganisation(unit, input.organisation, "org");
    const contact = { organisationId: organisation.id, email, name, language: language as Language };
    await unit.recipients.setContact(contact, now);
    unit.record({
      type: "contact.set",
      payload: { v: 1, organisationId: organisation.id, email, language: language as Language },
    });
    return { ...contact, updatedAt: now, organisation: organisation.name };
  });
  return result;
}
