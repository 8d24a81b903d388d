// Use case: which templates to use for a school ENT, by the decision tree of the Ministry's kit.

import { ENT_USERS, type EntUsers, templatesFor } from "../../documents/template-choice.js";
import type { Language } from "../../domain/duration.js";
import { invalidInput } from "../../domain/error.js";

export interface ChooseTemplatesOptions {
  readonly input: { readonly users: string };
  readonly lang: Language;
}

const ALIASES: Record<string, EntUsers> = {
  first_degree: "first_degree",
  premier: "first_degree",
  "1": "first_degree",
  primary: "first_degree",
  second_degree: "second_degree",
  second: "second_degree",
  "2": "second_degree",
  secondary: "second_degree",
  both: "both",
  tous: "both",
  "1+2": "both",
};

export function chooseTemplates(options: ChooseTemplatesOptions): { template: string; why: string }[] {
  const users = ALIASES[options.input.users.trim().toLowerCase()];
  if (users === undefined) {
    throw invalidInput(
      {
        fr: `--users : « ${options.input.users} » ; l'ENT sert le premier degré (premier), le second (second) ou les deux (both)`,
        en: `--users: "${options.input.users}"; the ENT serves primary schools (first_degree), secondary (second_degree) or both`,
      },
      { argument: "--users", accepted: { fr: "premier, second, both", en: ENT_USERS.join(", ") } },
    );
  }
  return templatesFor(users).map((c) => ({ template: c.template, why: c.why[options.lang] }));
}
