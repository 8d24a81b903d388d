// Untrusted input read through a zod schema: a valid value, or one Art28Error naming the field at fault.

import { z } from "zod";
import { invalidInput } from "./error.js";

// zod's own French messages, so that no English library text reaches a French error (zod ships the locale).
const FRENCH = z.locales.fr().localeError;

/**
 * Parses `value` with `schema`; on failure throws `invalid_input` whose `argument` is the first bad field's path.
 * A refinement gives its French text as `params.fr` beside its English `message`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : what;
  const en = issue?.message ?? "invalid";
  const french = schema.safeParse(value, { error: FRENCH });
  const frIssue = french.success ? undefined : french.error.issues[0];
  const custom = issue?.code === "custom" ? (issue.params as { fr?: unknown } | undefined)?.fr : undefined;
  const fr = typeof custom === "string" ? custom : (frIssue?.message ?? "valeur refusée");
  throw invalidInput(
    {
      fr: `${what} : champ « ${path} » invalide (${fr})`,
      en: `${what}: invalid field "${path}" (${en})`,
    },
    { argument: path },
  );
}
