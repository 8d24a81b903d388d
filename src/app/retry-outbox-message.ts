// Use case: give a dead outbox message another round of attempts (after fixing an address or an endpoint), under
// the same idempotency key, so a receiver that saw an earlier attempt still recognises it.

import type { Actor } from "../domain/actor.js";
import { Art28Error } from "../domain/error.js";
import type { Register } from "./open-register.js";
import { inTransaction } from "./unit-of-work.js";

export interface RetryOutboxMessageOptions {
  readonly register: Register;
  readonly actor: Actor;
  readonly input: { readonly id: string };
  readonly now: number;
}

export async function retryOutboxMessage({
  register,
  actor,
  input,
  now,
}: RetryOutboxMessageOptions): Promise<{ readonly id: string }> {
  const { result } = await inTransaction(register, actor, now, async (unit) => {
    if (!(await unit.outbox.revive(input.id, now))) {
      const entry = await unit.outbox.byId(input.id);
      throw new Art28Error(
        entry ? "conflict" : "not_found",
        entry
          ? {
              fr: `le message « ${input.id} » n'est pas abandonné (statut ${entry.status})`,
              en: `message "${input.id}" is not dead (status ${entry.status})`,
            }
          : { fr: `message « ${input.id} » introuvable`, en: `message "${input.id}" not found` },
        { argument: "id" },
      );
    }
    return { id: input.id };
  });
  return result;
}
