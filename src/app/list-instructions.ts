// Use case: the documented instructions under one agreement, oldest first, with their status.

import type { Actor } from "../domain/actor.js";
import type { StoredInstruction } from "../store/instruction-repository.js";
import { findAgreement } from "./find-record.js";
import type { Register } from "./open-register.js";
import { reader } from "./unit-of-work.js";

export interface ListInstructionsOptions {
  readonly register: Register;
  readonly actor: Actor;
  readonly input: { readonly agreement: string };
}

export async function listInstructions({
  register,
  actor,
  input,
}: ListInstructionsOptions): Promise<StoredInstruction[]> {
  const repositories = reader(register, actor);
  const agreement = await findAgreement(repositories, input.agreement);
  return repositories.instructions.ofAgreement(agreement.id);
}
