// A joint-controller allocation in words, one line per duty and perimeter, with where each comes from.

import type { Language } from "./duration.js";
import {
  type Allocation,
  JOINT_DUTY_LABELS,
  type JointHolder,
  PERIMETER_LABELS,
} from "./joint-allocation.js";

export function holderWords(holder: JointHolder, name: (id: string) => string, lang: Language): string {
  if (holder.kind === "party") return name(holder.organisationId);
  if (holder.kind === "each_party") return lang === "fr" ? "chaque partie" : "each party";
  return lang === "fr"
    ? `l'établissement touché s'il est partie, sinon ${name(holder.otherwise)}`
    : `the school touched when it is a party, otherwise ${name(holder.otherwise)}`;
}

export function allocationLines(
  allocation: Allocation,
  name: (id: string) => string,
  lang: Language,
): string[] {
  const colon = lang === "fr" ? " : " : ": ";
  return allocation.map(
    (entry) =>
      `${JOINT_DUTY_LABELS[entry.duty][lang]} — ${PERIMETER_LABELS[entry.perimeter][lang]}${colon}${holderWords(entry.holder, name, lang)} (${entry.basis[lang]})`,
  );
}
