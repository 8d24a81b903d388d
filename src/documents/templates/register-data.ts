// The data both records of processing share (GDPR Art. 30): the organisation that keeps the record, transfers
// outside the EU and the security measures under the headings of the CNIL's register model.

import { z } from "zod";
import type { LocalizedText } from "../../domain/error.js";
import { email, isoDate } from "./agreement-data.js";

const text = z.string().trim().min(1);

export const registerKeeper = z.object({
  name: text,
  address: text,
  identifier: z.string().trim().optional(),
  representative: z.object({ name: text, title: text }),
  dpo: z.object({ name: text, email }),
});
export type RegisterKeeper = z.output<typeof registerKeeper>;

export const transfer = z.object({
  recipient: text,
  country: text,
  /** The Chapter V safeguard: adequacy decision, standard clauses, binding corporate rules, derogation. */
  safeguard: text,
  documentation: z.string().trim().optional(),
});

/** The CNIL model's security headings, each described in words when the measure exists. */
export const securityMeasures = z.object({
  accessControl: z.string().trim().optional(),
  traceability: z.string().trim().optional(),
  softwareProtection: z.string().trim().optional(),
  backup: z.string().trim().optional(),
  encryption: z.string().trim().optional(),
  processorControl: z.string().trim().optional(),
  other: z.string().trim().optional(),
});
export type SecurityMeasures = z.output<typeof securityMeasures>;

const SECURITY_LABELS: Record<keyof SecurityMeasures, LocalizedText> = {
  accessControl: { fr: "Contrôle d'accès des utilisateurs", en: "User access control" },
  traceability: { fr: "Traçabilité", en: "Traceability" },
  softwareProtection: { fr: "Protection des logiciels", en: "Software protection" },
  backup: { fr: "Sauvegarde des données", en: "Data backup" },
  encryption: { fr: "Chiffrement des données", en: "Data encryption" },
  processorControl: { fr: "Contrôle des sous-traitants", en: "Control of processors" },
  other: { fr: "Autres mesures", en: "Other measures" },
};

/** "Traçabilité : journaux conservés un an / Sauvegarde : …" in one cell. */
export function securityText(measures: SecurityMeasures, lang: "fr" | "en"): string {
  return (Object.keys(SECURITY_LABELS) as (keyof SecurityMeasures)[])
    .filter((key) => measures[key] !== undefined && measures[key] !== "")
    .map((key) => `${SECURITY_LABELS[key][lang]}${lang === "fr" ? " : " : ": "}${measures[key]}`)
    .join(" / ");
}

export function transfersText(transfers: readonly z.output<typeof transfer>[], lang: "fr" | "en"): string {
  if (transfers.length === 0) return lang === "fr" ? "Aucun" : "None";
  return transfers
    .map(
      (t) => `${t.recipient} (${t.country}, ${t.safeguard}${t.documentation ? `, ${t.documentation}` : ""})`,
    )
    .join(" / ");
}

export const registerHeader = { reference: text, issuedOn: isoDate };
