// Use case: whom each organisation's notices and reminders go to — its contact and webhook endpoints (no secrets).

import { redactUrl } from "../../delivery/webhook.js";
import type { Language } from "../../domain/duration.js";
import type { Principal } from "../../domain/principal.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface RecipientsOfOrganisation {
  readonly organisationId: string;
  readonly organisation: string;
  readonly contact: {
    readonly email: string;
    readonly name: string | null;
    readonly language: Language;
  } | null;
  readonly webhooks: readonly { readonly id: string; readonly url: string; readonly createdAt: number }[];
}

export interface ListRecipientsOptions {
  readonly register: Register;
  readonly principal: Principal;
  /** One organisation (name, id or number), or every organisation of the tenant. */
  readonly input: { readonly organisation?: string };
}

export async function listRecipients({
  register,
  principal,
  input,
}: ListRecipientsOptions): Promise<RecipientsOfOrganisation[]> {
  const repositories = reader(register, principal);
  // Contacts and endpoints are the organisation's own business: its members' and the operator's.
  const organisations =
    input.organisation !== undefined
      ? [await findOrganisation(repositories, input.organisation, "org")]
      : await repositories.access.filter(await repositories.organisations.list(), (o) => ({
          organisations: [o.id],
        }));
  const ids = organisations.map((o) => o.id);
  const contacts = await repositories.recipients.contacts(ids);
  const endpoints = await repositories.recipients.webhookEndpoints(ids);
  return organisations.map((o) => {
    const contact = contacts.get(o.id);
    return {
      organisationId: o.id,
      organisation: o.name,
      contact: contact ? { email: contact.email, name: contact.name, language: contact.language } : null,
      // The URL as logs may show it: a query string can carry a token.
      webhooks: (endpoints.get(o.id) ?? []).map((e) => ({
        id: e.id,
        url: redactUrl(e.url),
        createdAt: e.createdAt,
      })),
    };
  });
}
