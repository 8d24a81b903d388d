// Use case: give a dead outbox message another round of attempts (after fixing an address or an endpoint), under
// the same idempotency key, so a receiver that saw an earlier attempt still recognises it.

import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface RetryOutboxMessageOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly id: string };
  readonly now: number;
}

export async function retryOutboxMessage({
  register,
  principal,
  input,
  now,
}: RetryOutboxMessageOptions): Promise<{ readonly id: string }> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    unit.access.requireOperator({ fr: `message « ${input.id} »`, en: `message "${input.id}"` });
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
