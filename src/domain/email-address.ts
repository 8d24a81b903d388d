// An e-mail address, checked the same way wherever one is given (a contact, a DPO, a breach's contact point).

import { z } from "zod";
import { invalidInput } from "./error.js";

const EMAIL = z.email();

/** The address trimmed, or an `invalid_input` naming `argument`. */
export function checkEmailAddress(value: string, argument: string): string {
  const email = value.trim();
  if (!EMAIL.safeParse(email).success) {
    throw invalidInput(
      { fr: `« ${email} » n'est pas une adresse électronique`, en: `"${email}" is not an e-mail address` },
      { argument, accepted: { fr: "nom@domaine.fr", en: "name@domain.example" } },
    );
  }
  return email;
}
