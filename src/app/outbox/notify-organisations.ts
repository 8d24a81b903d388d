// Step shared by the workflow use cases: enqueue, in the use case's own transaction, one e-mail per organisation
// that has a contact (in the contact's language) and one webhook call per active endpoint.

import type { Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import type { NewOutboxMessage } from "../../store/outbox-repository.js";
import type { UnitOfWork } from "../register/unit-of-work.js";

export interface Notice {
  readonly organisationId: string;
  /** Idempotency key of the notice: enqueuing the same one twice keeps one message per channel. */
  readonly key: string;
  /** What it is about, for the outbox listings (e.g. "subprocessor_change.announced"). */
  readonly kind: string;
  /** Written only for an organisation that has a contact, in that contact's language. */
  readonly render: (lang: Language) => EmailContent;
  readonly webhook: { readonly event: string; readonly payload: unknown };
}

const KEY_CHARACTERS = /[^A-Za-z0-9._:-]/g;

/** Returns the number of messages enqueued. */
export async function notifyOrganisations(unit: UnitOfWork, notices: readonly Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const ids = [...new Set(notices.map((n) => n.organisationId))];
  const contacts = await unit.recipients.contacts(ids);
  const endpoints = await unit.recipients.webhookEndpoints(ids);
  const list: NewOutboxMessage[] = [];
  for (const notice of notices) {
    const key = notice.key.replace(KEY_CHARACTERS, "_");
    const contact = contacts.get(notice.organisationId);
    if (contact) {
      list.push({
        id: `${key}.email`,
        kind: notice.kind,
        message: {
          channel: "email",
          to: {
            address: contact.email,
            ...(contact.name ? { name: contact.name } : {}),
            language: contact.language,
          },
          content: notice.render(contact.language),
        },
      });
    }
    for (const endpoint of endpoints.get(notice.organisationId) ?? []) {
      list.push({
        id: `${key}.webhook.${endpoint.id}`,
        kind: notice.kind,
        message: {
          channel: "webhook",
          endpointId: endpoint.id,
          event: notice.webhook.event,
          payload: notice.webhook.payload,
        },
      });
    }
  }
  if (list.length > 0) await unit.outbox.enqueue(list);
  return list.length;
}
