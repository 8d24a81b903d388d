// Use case: the users of the tenant with their grants — all of them for the operator, those of the organisations it
// administers for an admin (and only their grants there).

import type { Principal } from "../../domain/principal.js";
import type { StoredGrant, StoredUser } from "../../store/user-repository.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface UserWithGrants extends StoredUser {
  readonly grants: readonly StoredGrant[];
}

export interface ListUsersOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly now: number;
}

export async function listUsers({ register, principal, now }: ListUsersOptions): Promise<UserWithGrants[]> {
  const { users, access } = reader(register, principal, now);
  const listed: UserWithGrants[] = [];
  for (const user of await users.list()) {
    const grants = (await users.grantsOf(user.id)).filter(
      (g) => access.operator || (g.kind === "organisation" && access.administers(g.organisation)),
    );
    if (access.operator || grants.length > 0) listed.push({ ...user, grants });
  }
  return listed;
}
