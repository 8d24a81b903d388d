// Step shared by the workflow use cases: enqueue, in the use case's own transaction, one e-mail per organisation to
// its contact (in the contact's language) or else its DPO address, and one webhook call per active endpoint; an
// organisation none of these reaches gets no silent gap but an obligation of its own: « aucun destinataire pour … ».

import { calendarFor } from "../../domain/calendar.js";
import type { Language } from "../../domain/duration.js";
import type { EmailContent } from "../../domain/email-content.js";
import type { LocalizedText } from "../../domain/error.js";
import { dueUnderStatuteQualifier } from "../../domain/obligation.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { NewOutboxMessage } from "../../store/outbox-repository.js";
import { recordObligations } from "../obligations/record-obligations.js";
import type { UnitOfWork } from "../register/unit-of-work.js";

export interface Notice {
  readonly organisationId: string;
  /** Idempotency key of the notice: enqueuing the same one twice keeps one message per channel. */
  readonly key: string;
  /** What it is about, for the outbox listings (e.g. "subprocessor_change.announced"). */
  readonly kind: string;
  /** Written only for an organisation that can be reached by e-mail, in the recipient's language. */
  readonly render: (lang: Language) => EmailContent;
  readonly webhook: { readonly event: string; readonly payload: unknown };
  /** The organisation that owes the message: it holds the duty to find a recipient when none is known. */
  readonly from: string;
  /** The message, as a person names it: « l'avis de violation n° 1 ». */
  readonly about: LocalizedText;
  readonly agreementId?: string | null;
  /** The rule the message discharges, cited on the duty to find a recipient (e.g. "GDPR Art. 33(2)"). */
  readonly rule: string;
}

/** What the messages reached: never more than what was enqueued. */
export interface NoticeDelivery {
  /** Outbox messages enqueued, every channel counted. */
  readonly enqueued: number;
  /** Organisations at least one message was enqueued for. */
  readonly reached: readonly string[];
  /** Organisations no contact, DPO address or webhook reaches, each with the duty opened to find a recipient. */
  readonly unreached: readonly {
    readonly organisationId: string;
    readonly name: string;
    readonly duty: Obligation;
  }[];
}

const KEY_CHARACTERS = /[^A-Za-z0-9._:-]/g;

export async function notifyOrganisations(
  unit: UnitOfWork,
  notices: readonly Notice[],
): Promise<NoticeDelivery> {
  if (notices.length === 0) return { enqueued: 0, reached: [], unreached: [] };
  const ids = [...new Set(notices.flatMap((n) => [n.organisationId, n.from]))];
  const contacts = await unit.recipients.contacts(ids);
  const endpoints = await unit.recipients.webhookEndpoints(ids);
  const organisations = await unit.organisations.byIds(ids);
  const list: NewOutboxMessage[] = [];
  const reached = new Set<string>();
  const unreachedNotices: Notice[] = [];
  for (const notice of notices) {
    const key = notice.key.replace(KEY_CHARACTERS, "_");
    const contact = contacts.get(notice.organisationId);
    const dpo = organisations.get(notice.organisationId)?.dpo;
    // The contact set for notices, else the DPO address the organisation was registered with.
    const to = contact
      ? {
          address: contact.email,
          ...(contact.name ? { name: contact.name } : {}),
          language: contact.language,
        }
      : dpo?.email
        ? { address: dpo.email, ...(dpo.name ? { name: dpo.name } : {}), language: "fr" as Language }
        : undefined;
    let any = false;
    if (to) {
      any = true;
      list.push({
        id: `${key}.email`,
        kind: notice.kind,
        message: { channel: "email", to, content: notice.render(to.language) },
      });
    }
    for (const endpoint of endpoints.get(notice.organisationId) ?? []) {
      any = true;
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
    if (any) reached.add(notice.organisationId);
    else unreachedNotices.push(notice);
  }
  if (list.length > 0) await unit.outbox.enqueue(list);
  const duties = await recordObligations(
    unit,
    unreachedNotices.map((notice) => {
      const recipient = organisations.get(notice.organisationId)?.name ?? notice.organisationId;
      const sender = organisations.get(notice.from);
      // The message is owed now: finding where to send it is due as soon as the law's "without delay" allows.
      const { due, basis } = dueUnderStatuteQualifier(
        unit.now,
        notice.rule,
        "immediately",
        calendarFor(sender?.calendar ?? "FR"),
      );
      return {
        kind: "find_recipient",
        holderId: notice.from,
        counterpartyId: notice.organisationId,
        agreementId: notice.agreementId ?? null,
        trigger: { type: notice.kind, id: notice.key, at: unit.now },
        due,
        basis,
        what: {
          fr: `aucun destinataire pour ${notice.about.fr} à ${recipient} : ni contact, ni adresse de DPO, ni webhook ; enregistrez-en un (art28 contacts set) et transmettez-le`,
          en: `no recipient for ${notice.about.en} to ${recipient}: no contact, DPO address or webhook; record one (art28 contacts set) and send it`,
        },
      };
    }),
  );
  return {
    enqueued: list.length,
    reached: [...reached],
    unreached: unreachedNotices.map((notice, i) => ({
      organisationId: notice.organisationId,
      name: organisations.get(notice.organisationId)?.name ?? notice.organisationId,
      duty: duties[i] as Obligation,
    })),
  };
}
