// Opens the register for one command, hands it to the action, and always closes it.

import { actorFromEnvironment, openRegister, type Register } from "../app/open-register.js";
import type { Actor } from "../domain/actor.js";
import type { CliContext } from "./context.js";

export async function withRegister<T>(
  context: CliContext,
  action: (register: Register, actor: Actor) => Promise<T>,
): Promise<T> {
  const register = await openRegister({ env: context.env });
  try {
    return await action(register, actorFromEnvironment(context.env));
  } finally {
    await register.close();
  }
}
