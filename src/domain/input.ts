// Untrusted input read through a zod schema: a valid value, or one Art28Error naming the field at fault.

import type { z } from "zod";
import { invalidInput } from "./error.js";

/** Parses `value` with `schema`; on failure throws `invalid_input` whose `argument` is the first bad field's path. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : what;
  const reason = issue?.message ?? "invalid";
  throw invalidInput(
    {
      fr: `${what} : champ « ${path} » invalide (${reason})`,
      en: `${what}: invalid field "${path}" (${reason})`,
    },
    { argument: path },
  );
}
