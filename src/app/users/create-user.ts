// Use case: register a person in the tenant with a first grant (an organisation and a role), so that they can act
// (`art28 --as`, and the server's sessions later) with what that grant allows.

import { Art28Error, invalidInput } from "../../domain/error.js";
import type { Principal, Role } from "../../domain/principal.js";
import type { StoredUser } from "../../store/user-repository.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId } from "../register/unit-of-work.js";
import { giveGrant } from "./grant-access.js";

export interface CreateUserOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly email: string;
    readonly name?: string;
    /** The organisation the user acts for: name, id, UAI, SIRET… */
    readonly organisation: string;
    readonly role: string;
  };
  readonly now: number;
}

/** A plausible address: something@domain.tld, no spaces (delivery is what proves it). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createUser({
  register,
  principal,
  input,
  now,
}: CreateUserOptions): Promise<StoredUser> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) {
    throw invalidInput(
      {
        fr: `adresse électronique invalide « ${input.email} »`,
        en: `invalid e-mail address "${input.email}"`,
      },
      { argument: "email" },
    );
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    if (await unit.users.find(email)) {
      throw new Art28Error(
        "conflict",
        {
          fr: `un utilisateur a déjà l'adresse « ${email} »`,
          en: `a user already has the address "${email}"`,
        },
        { argument: "email" },
      );
    }
    const user: StoredUser = { id: newId(), email, name: input.name?.trim() || null, createdAt: now };
    await unit.users.insert(user);
    unit.record({ type: "user.created", payload: { v: 1, userId: user.id } });
    await giveGrant(unit, user, { organisation: input.organisation, role: input.role as Role });
    return user;
  });
  return result;
}
