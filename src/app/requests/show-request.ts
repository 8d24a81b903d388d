// Use case: one data-subject request, its parties and the duties it opened that are still pending.

import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredRequest } from "../../store/request-repository.js";
import { findRequest } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface ShowRequestOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly request: string };
}

export interface RequestDetail {
  readonly request: StoredRequest;
  readonly controller: string;
  readonly processor: string | null;
  readonly pending: readonly Obligation[];
}

export async function showRequest({
  register,
  principal,
  input,
}: ShowRequestOptions): Promise<RequestDetail> {
  const repositories = reader(register, principal);
  const request = await findRequest(repositories, input.request);
  const ids = [request.controllerId, ...(request.processorId ? [request.processorId] : [])];
  const organisations = await repositories.organisations.byIds(ids);
  const pending = await repositories.requests.pendingDuties(request.id, [
    "forward_request_to_controller",
    "answer_data_subject_request",
    "assist_with_data_subject_request",
  ]);
  return {
    request,
    controller: organisations.get(request.controllerId)?.name ?? request.controllerId,
    processor: request.processorId
      ? (organisations.get(request.processorId)?.name ?? request.processorId)
      : null,
    pending,
  };
}
