// Who a registered user is when acting: the principal with the user's grants (the CLI's `--as`, the server's sessions).

import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface PrincipalOfUserOptions {
  readonly register: Register;
  /** The operator's principal, naming the tenant to look in. */
  readonly principal: Principal;
  /** The user's e-mail address or id. */
  readonly input: { readonly user: string };
}

export async function principalOfUser({
  register,
  principal,
  input,
}: PrincipalOfUserOptions): Promise<Principal> {
  const { users } = reader(register, principal);
  const user = await users.find(input.user);
  if (!user) {
    throw new Art28Error(
      "unauthenticated",
      { fr: `utilisateur « ${input.user} » inconnu`, en: `unknown user "${input.user}"` },
      { argument: "--as" },
    );
  }
  return { id: `user:${user.id}`, tenant: principal.tenant, grants: await users.grantsOf(user.id) };
}
