// Use case: what the outbox holds for the principal's tenant — counts by status and the latest messages, to see what
// went out, what waits and what was given up (never a message body or a webhook secret).

import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { OutboxStatus } from "../../store/outbox-repository.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface OutboxLine {
  readonly id: string;
  readonly kind: string;
  readonly channel: string;
  /** The e-mail address, or the webhook endpoint's id. */
  readonly to: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly notBefore: number;
  readonly sentAt: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
}

export interface ListOutboxOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly status?: string; readonly limit?: number };
}

const STATUSES: readonly OutboxStatus[] = ["pending", "claimed", "sent", "dead"];

export async function listOutbox({
  register,
  principal,
  input,
}: ListOutboxOptions): Promise<{ counts: Record<OutboxStatus, number>; messages: OutboxLine[] }> {
  if (input.status !== undefined && !STATUSES.includes(input.status as OutboxStatus)) {
    throw invalidInput(
      { fr: `statut « ${input.status} » inconnu`, en: `unknown status "${input.status}"` },
      { argument: "status", accepted: { fr: STATUSES.join(", "), en: STATUSES.join(", ") } },
    );
  }
  const { outbox, access } = reader(register, principal);
  access.requireOperator({ fr: "file d'envoi", en: "outbox" });
  const entries = await outbox.list({
    ...(input.status ? { status: input.status as OutboxStatus } : {}),
    limit: input.limit ?? 50,
  });
  return {
    counts: await outbox.counts(),
    messages: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      channel: e.message.channel,
      to: e.message.channel === "email" ? e.message.to.address : e.message.endpointId,
      status: e.status,
      attempts: e.attempts,
      notBefore: e.notBefore,
      sentAt: e.sentAt,
      lastError: e.lastError,
      createdAt: e.createdAt,
    })),
  };
}
