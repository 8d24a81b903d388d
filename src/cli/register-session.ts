// Opens the register for one command, hands it to the action with who acts, and always closes it.

import { openRegister, type Register } from "../app/register/open-register.js";
import { principalOfUser } from "../app/users/principal-of-user.js";
import { localOperator, type Principal } from "../domain/principal.js";
import type { CliContext } from "./context.js";

/** The local operator (full grants in its tenant), or with `--as USER` that registered user and its grants. */
export async function withRegister<T>(
  context: CliContext,
  action: (register: Register, principal: Principal) => Promise<T>,
): Promise<T> {
  const register = await openRegister({ env: context.env });
  try {
    const operator = localOperator(context.config.operatorId, context.config.tenant);
    const principal =
      context.as === undefined
        ? operator
        : await principalOfUser({ register, principal: operator, input: { user: context.as } });
    return await action(register, principal);
  } finally {
    await register.close();
  }
}
