// Use case: the documented instructions under one agreement, oldest first, with their status.

import type { Principal } from "../../domain/principal.js";
import type { StoredInstruction } from "../../store/instruction-repository.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface ListInstructionsOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly agreement: string };
}

export async function listInstructions({
  register,
  principal,
  input,
}: ListInstructionsOptions): Promise<StoredInstruction[]> {
  const repositories = reader(register, principal);
  const agreement = await findAgreement(repositories, input.agreement);
  return repositories.instructions.ofAgreement(agreement.id);
}
