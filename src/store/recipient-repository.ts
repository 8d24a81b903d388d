// Whom an organisation's notices and reminders go to: its contact e-mail and language, and its webhook endpoints.

import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Language } from "../domain/duration.js";
import type { Database } from "./schema.js";

export interface OrganisationContact {
  readonly organisationId: string;
  readonly email: string;
  readonly name: string | null;
  readonly language: Language;
  readonly updatedAt: number;
}

/** An endpoint as listed: its secret never leaves the store this way. */
export interface WebhookEndpointSummary {
  readonly id: string;
  readonly organisationId: string;
  readonly url: string;
  readonly createdAt: number;
}

export class RecipientRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  /** Sets (or replaces) the organisation's contact. */
  async setContact(contact: Omit<OrganisationContact, "updatedAt">, at: number): Promise<void> {
    await this.db
      .insertInto("organisation_contacts")
      .values({
        tenant_id: this.tenant,
        organisation_id: contact.organisationId,
        email: contact.email,
        name: contact.name,
        language: contact.language,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(["tenant_id", "organisation_id"]).doUpdateSet({
          email: contact.email,
          name: contact.name,
          language: contact.language,
          updated_at: at,
        }),
      )
      .execute();
  }

  async contacts(organisationIds: readonly string[]): Promise<Map<string, OrganisationContact>> {
    const found = new Map<string, OrganisationContact>();
    if (organisationIds.length === 0) return found;
    const rows = await this.db
      .selectFrom("organisation_contacts")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("organisation_id", "in", [...new Set(organisationIds)])
      .execute();
    for (const r of rows) {
      found.set(r.organisation_id, {
        organisationId: r.organisation_id,
        email: r.email,
        name: r.name,
        language: r.language as Language,
        updatedAt: Number(r.updated_at),
      });
    }
    return found;
  }

  async addWebhookEndpoint(
    endpoint: { readonly organisationId: string; readonly url: string; readonly secret: string },
    at: number,
  ): Promise<WebhookEndpointSummary> {
    const id = randomUUID();
    await this.db
      .insertInto("webhook_endpoints")
      .values({
        id,
        tenant_id: this.tenant,
        organisation_id: endpoint.organisationId,
        url: endpoint.url,
        secret: endpoint.secret,
        created_at: at,
        removed_at: null,
      })
      .execute();
    return { id, organisationId: endpoint.organisationId, url: endpoint.url, createdAt: at };
  }

  /** Removes an endpoint from future messages; true when it was active. */
  async removeWebhookEndpoint(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable("webhook_endpoints")
      .set({ removed_at: at })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The active endpoints of these organisations, without their secrets, by organisation. */
  async webhookEndpoints(organisationIds: readonly string[]): Promise<Map<string, WebhookEndpointSummary[]>> {
    const found = new Map<string, WebhookEndpointSummary[]>();
    if (organisationIds.length === 0) return found;
    const rows = await this.db
      .selectFrom("webhook_endpoints")
      .select(["id", "organisation_id", "url", "created_at"])
      .where("tenant_id", "=", this.tenant)
      .where("organisation_id", "in", [...new Set(organisationIds)])
      .where("removed_at", "is", null)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    for (const r of rows) {
      const list = found.get(r.organisation_id) ?? [];
      list.push({ id: r.id, organisationId: r.organisation_id, url: r.url, createdAt: Number(r.created_at) });
      found.set(r.organisation_id, list);
    }
    return found;
  }
}
