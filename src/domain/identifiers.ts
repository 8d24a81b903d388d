// Official identifiers of schools and companies: UAI (France), SIREN/SIRET (France), BCE/KBO number (Belgium).

import { invalidInput } from "./error.js";

// The UAI check letter is the 7-digit number modulo 23, read in this alphabet (no I, O, Q).
const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

/** A UAI (Unité administrative immatriculée, ex-RNE): 7 digits and a check letter, e.g. 0750655E. */
export function isValidUai(text: string): boolean {
  const match = /^(\d{7})([A-Z])$/.exec(text);
  if (!match) return false;
  return UAI_LETTERS[Number(match[1]) % 23] === match[2];
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// La Poste's establishments share SIREN 356000000; INSEE numbers them so that the digit sum is a multiple of 5.
const LA_POSTE_SIREN = "356000000";

/** SIREN: 9 digits under the Luhn check (INSEE). */
export function isValidSiren(text: string): boolean {
  return /^\d{9}$/.test(text) && luhn(text);
}

/** SIRET: SIREN + 5-digit establishment number, Luhn over all 14 digits (La Poste: digit sum mod 5). */
export function isValidSiret(text: string): boolean {
  if (!/^\d{14}$/.test(text)) return false;
  if (text.startsWith(LA_POSTE_SIREN) && text !== "35600000000048") {
    let sum = 0;
    for (const c of text) sum += c.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhn(text);
}

/** Belgian enterprise number (BCE/KBO): 10 digits starting 0 or 1, the last two being 97 − (first eight mod 97). */
export function isValidBce(text: string): boolean {
  const digits = text.replace(/[\s.]/g, "");
  if (!/^[01]\d{9}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

/** "0123.456.749" or "BE 0123 456 749" → "0123456749"; other identifiers only lose spaces. */
export function normaliseBce(text: string): string {
  return text.replace(/^BE/i, "").replace(/[\s.]/g, "");
}

export type IdentifierKind = "uai" | "siren" | "siret" | "bce";

const CHECKS: Record<IdentifierKind, (text: string) => boolean> = {
  uai: isValidUai,
  siren: isValidSiren,
  siret: isValidSiret,
  bce: isValidBce,
};

const SHAPES: Record<IdentifierKind, { fr: string; en: string }> = {
  uai: {
    fr: "7 chiffres et une lettre de contrôle, p. ex. 0750655E",
    en: "7 digits and a check letter, e.g. 0750655E",
  },
  siren: { fr: "9 chiffres (clé de Luhn)", en: "9 digits (Luhn check)" },
  siret: { fr: "14 chiffres (clé de Luhn)", en: "14 digits (Luhn check)" },
  bce: { fr: "10 chiffres commençant par 0 ou 1 (modulo 97)", en: "10 digits starting with 0 or 1 (mod 97)" },
};

/** The identifier in its stored form, or an invalid_input error naming what it accepts. */
export function checkIdentifier(kind: IdentifierKind, text: string): string {
  const value = kind === "bce" ? normaliseBce(text) : text.replace(/\s/g, "").toUpperCase();
  if (!CHECKS[kind](value)) {
    throw invalidInput(
      {
        fr: `« ${text} » n'est pas un numéro ${kind.toUpperCase()} valide`,
        en: `"${text}" is not a valid ${kind.toUpperCase()} number`,
      },
      { argument: kind, accepted: SHAPES[kind] },
    );
  }
  return value;
}
