// Use case: the organisations of the register, by name.

import type { Organisation } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
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
  return reader(register, principal).organisations.list();
}
