// Use case: the organisations of the register, by name.

import type { Organisation } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import { allows } from "../access/access.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface ListOrganisationsOptions {
  readonly register: Register;
  readonly principal: Principal;
}

export async function listOrganisations({
  register,
  principal,
}: ListOrganisationsOptions): Promise<Organisation[]> {
  const { access, organisations, agreements } = reader(register, principal);
  const all = await organisations.list();
  if (access.operator) return all;
  // A member sees its own organisations and the parties of the agreements it may read, no other.
  const reached = await access.filter(await agreements.list(), (a) => ({ agreements: [a.id] }));
  const named = new Set(reached.flatMap((a) => a.parties.map((p) => p.organisationId)));
  const own = access.organisations("read");
  return all.filter((o) => named.has(o.id) || allows(own, o.id));
}
