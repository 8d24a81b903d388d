// Use case: the data-subject requests an organisation holds, as controller or processor (all when none is named).

import type { Principal } from "../../domain/principal.js";
import type { StoredRequest } from "../../store/request-repository.js";
import { findOrganisation, requestConcerns } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface ListRequestsOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly organisation?: string };
}

export async function listRequests({
  register,
  principal,
  input,
}: ListRequestsOptions): Promise<StoredRequest[]> {
  const repositories = reader(register, principal);
  const organisation = input.organisation
    ? await findOrganisation(repositories, input.organisation, "--org")
    : undefined;
  return repositories.access.filter(await repositories.requests.list(organisation?.id), requestConcerns);
}
