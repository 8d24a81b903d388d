// Use case: stop sending to a webhook endpoint; messages still waiting for it end dead with the reason.

import { redactUrl } from "../../delivery/webhook.js";
import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface RemoveWebhookEndpointOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly organisation: string; readonly id: string };
  readonly now: number;
}

export async function removeWebhookEndpoint({
  register,
  principal,
  input,
  now,
}: RemoveWebhookEndpointOptions): Promise<{ readonly id: string }> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const found = await unit.organisations.find(input.organisation.trim());
    const organisation =
      found && (await unit.access.reaches({ organisations: [found.id] }, "change")) ? found : undefined;
    const endpoints = organisation
      ? ((await unit.recipients.webhookEndpoints([organisation.id])).get(organisation.id) ?? [])
      : [];
    const endpoint = endpoints.find((e) => e.id === input.id || e.id.startsWith(input.id));
    if (!organisation || !endpoint || !(await unit.recipients.removeWebhookEndpoint(endpoint.id, now))) {
      throw new Art28Error(
        "not_found",
        {
          fr: `webhook « ${input.id} » introuvable pour « ${input.organisation} »`,
          en: `webhook "${input.id}" not found for "${input.organisation}"`,
        },
        { argument: "id" },
      );
    }
    unit.record({
      type: "webhook.endpoint_removed",
      payload: {
        v: 1,
        endpointId: endpoint.id,
        organisationId: organisation.id,
        url: redactUrl(endpoint.url),
      },
    });
    return { id: endpoint.id };
  });
  return result;
}
