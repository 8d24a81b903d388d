// Use case: the organisations of the register, by name.

import type { Actor } from "../domain/actor.js";
import type { Organisation } from "../domain/organisation.js";
import type { Register } from "./open-register.js";
import { reader } from "./unit-of-work.js";

export interface ListOrganisationsOptions {
  readonly register: Register;
  readonly actor: Actor;
}

export async function listOrganisations({
  register,
  actor,
}: ListOrganisationsOptions): Promise<Organisation[]> {
  return reader(register, actor).organisations.list();
}
