// The configuration art28 runs with, read from the environment once through one zod schema: a variable that cannot
// be right is refused by name before anything runs, and the rest of the code receives values, not the environment.

import { userInfo } from "node:os";
import { z } from "zod";
import { parseInput } from "../../domain/input.js";
import { DEFAULT_TENANT } from "../../domain/principal.js";

/** A variable's text, trimmed; set to nothing is the same as unset. */
const text = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed === "" ? undefined : trimmed;
  });

const ENVIRONMENT = z.object({
  DATABASE_URL: text,
  ART28_BUSY_MS: text.refine((value) => value === undefined || /^\d{1,7}$/.test(value), {
    message: "not a number of milliseconds",
    params: { fr: "pas un nombre de millisecondes" },
  }),
  ART28_TENANT: text.refine((value) => value === undefined || /^[A-Za-z0-9._-]{1,64}$/.test(value), {
    message: "letters, digits, dot, dash or underscore, at most 64",
    params: { fr: "lettres, chiffres, point, tiret ou souligné, 64 au plus" },
  }),
  ART28_ACTOR: text,
  USER: text,
  USERNAME: text,
  ART28_LANG: text,
  ART28_DEBUG: text,
  ART28_PUBLIC_URL: text.refine((value) => value === undefined || URL.canParse(value), {
    message: "not a URL",
    params: { fr: "pas une URL" },
  }),
  ART28_WEBHOOK_SECRET: text,
  SMTP_URL: text,
  MAIL_FROM: text,
  ART28_REMINDERS: text,
  ART28_REMINDER_LATE: text,
});

export interface Configuration {
  /** `file:PATH`, `postgres://…`, or unset for ./art28.sqlite. */
  readonly databaseUrl: string | undefined;
  /** How long a write waits for another process's lock on a SQLite file, in ms (unset: the store's default). */
  readonly busyWaitMs: number | undefined;
  /** The tenant the local operator works in. */
  readonly tenant: string;
  /** The local operator's id in the journal: `cli:<system user>`, or ART28_ACTOR as given. */
  readonly operatorId: string;
  /** ART28_LANG as given (the CLI checks it is fr or en). */
  readonly lang: string | undefined;
  readonly debug: boolean;
  /** Where published pages are served from (the sub-processor list's links). */
  readonly publicUrl: string | undefined;
  readonly webhookSecret: string | undefined;
  /** The worker's: SMTP_URL and MAIL_FROM, checked when a worker starts (only it sends). */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string | undefined };
  /** ART28_REMINDERS and ART28_REMINDER_LATE, read as periods when a worker starts. */
  readonly reminders: { readonly before: string | undefined; readonly late: string | undefined };
}

export function readConfiguration(env: Readonly<Record<string, string | undefined>>): Configuration {
  const values = parseInput(ENVIRONMENT, { ...env }, "configuration");
  let operatorId = values.ART28_ACTOR;
  if (operatorId === undefined) {
    let user = values.USER ?? values.USERNAME;
    if (user === undefined) {
      try {
        user = userInfo().username;
      } catch {
        user = "unknown";
      }
    }
    operatorId = `cli:${user}`;
  }
  return {
    databaseUrl: values.DATABASE_URL,
    busyWaitMs: values.ART28_BUSY_MS === undefined ? undefined : Number(values.ART28_BUSY_MS),
    tenant: values.ART28_TENANT ?? DEFAULT_TENANT,
    operatorId,
    lang: values.ART28_LANG,
    debug: values.ART28_DEBUG === "1",
    publicUrl: values.ART28_PUBLIC_URL,
    webhookSecret: values.ART28_WEBHOOK_SECRET,
    mail: { smtpUrl: values.SMTP_URL, from: values.MAIL_FROM },
    reminders: { before: values.ART28_REMINDERS, late: values.ART28_REMINDER_LATE },
  };
}
