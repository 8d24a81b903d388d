// Use case: one data-subject request, its parties and the duties it opened that are still pending.

import type { Actor } from "../domain/actor.js";
import type { Obligation } from "../domain/obligation-record.js";
import type { StoredRequest } from "../store/request-repository.js";
import { findRequest } from "./find-record.js";
import type { Register } from "./open-register.js";
import { reader } from "./unit-of-work.js";

export interface ShowRequestOptions {
  readonly register: Register;
  readonly actor: Actor;
  readonly input: { readonly request: string };
}

export interface RequestDetail {
  readonly request: StoredRequest;
  readonly controller: string;
  readonly processor: string | null;
  readonly pending: readonly Obligation[];
}

export async function showRequest({ register, actor, input }: ShowRequestOptions): Promise<RequestDetail> {
  const repositories = reader(register, actor);
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
