// Use case: the data-subject requests an organisation holds, as controller or processor (all when none is named).

import type { Actor } from "../domain/actor.js";
import type { StoredRequest } from "../store/request-repository.js";
import { findOrganisation } from "./find-record.js";
import type { Register } from "./open-register.js";
import { reader } from "./unit-of-work.js";

export interface ListRequestsOptions {
  readonly register: Register;
  readonly actor: Actor;
  readonly input: { readonly organisation?: string };
}

export async function listRequests({
  register,
  actor,
  input,
}: ListRequestsOptions): Promise<StoredRequest[]> {
  const repositories = reader(register, actor);
  const organisation = input.organisation
    ? await findOrganisation(repositories, input.organisation, "--org")
    : undefined;
  return repositories.requests.list(organisation?.id);
}
