// Use case: register a webhook endpoint for an organisation, which then receives its reminders and notices as
// signed JSON (HMAC-SHA256 under the secret given here, which is stored and never shown again).

import { redactUrl } from "../../delivery/webhook.js";
import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { WebhookEndpointSummary } from "../../store/recipient-repository.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface AddWebhookEndpointOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly organisation: string; readonly url: string; readonly secret: string };
  readonly now: number;
}

/** At least this long, as the delivery layer requires before it signs. */
export const MIN_SECRET_LENGTH = 16;

export async function addWebhookEndpoint({
  register,
  principal,
  input,
  now,
}: AddWebhookEndpointOptions): Promise<WebhookEndpointSummary & { readonly organisation: string }> {
  const url = input.url.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw invalidInput(
      {
        fr: `« ${redactUrl(url)} » n'est pas une URL http(s)`,
        en: `"${redactUrl(url)}" is not an http(s) URL`,
      },
      { argument: "url", accepted: { fr: "https://hôte/chemin", en: "https://host/path" } },
    );
  }
  if (input.secret.length < MIN_SECRET_LENGTH) {
    throw invalidInput(
      {
        fr: `le secret doit compter au moins ${MIN_SECRET_LENGTH} caractères`,
        en: `the secret needs at least ${MIN_SECRET_LENGTH} characters`,
      },
      { argument: "secret" },
    );
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const organisation = await findOrganisation(unit, input.organisation, "org");
    const endpoint = await unit.recipients.addWebhookEndpoint(
      { organisationId: organisation.id, url, secret: input.secret },
      now,
    );
    unit.record({
      type: "webhook.endpoint_added",
      payload: { v: 1, endpointId: endpoint.id, organisationId: organisation.id, url: redactUrl(url) },
    });
    return { ...endpoint, organisation: organisation.name };
  });
  return result;
}
