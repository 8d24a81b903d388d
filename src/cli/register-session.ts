// Opens the register for one command, hands it to the action, and always closes it.

import { openRegister, principalFromEnvironment, type Register } from "../app/register/open-register.js";
import type { Principal } from "../domain/principal.js";
import type { CliContext } from "./context.js";

export async function withRegister<T>(
  context: CliContext,
  action: (register: Register, principal: Principal) => Promise<T>,
): Promise<T> {
  const register = await openRegister({ env: context.env });
  try {
    return await action(register, principalFromEnvironment(context.env));
  } finally {
    await register.close();
  }
}
