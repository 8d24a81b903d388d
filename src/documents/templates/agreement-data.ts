// The data agreements share, as zod schemas: parties with their signatory and DPO, the processing described
// as GDPR Art. 28(3) requires, security measures, sub-processors, and periods typed as people say them.

import { z } from "zod";
import { TRANSFER_MECHANISMS } from "../../domain/agreement.js";
import { type Duration, formatDuration } from "../../domain/duration.js";
import { parseDuration } from "../../domain/duration-parser.js";
import type { DocumentWriter } from "../model/document-writer.js";

const text = z.string().trim().min(1);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "AAAA-MM-JJ / YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "date inexistante / no such date");

export const email = z.email("adresse électronique / e-mail address");

/** A period as a person types it: "72 heures", "3 jours ouvrés", "1 month", "sans délai"… */
export const period = z.string().transform((value, context): Duration => {
  const duration = parseDuration(value);
  if (duration === undefined) {
    context.addIssue({
      code: "custom",
      message: `« ${value} » : une durée comme « 48 heures », « 30 jours » / a period such as "48 hours"`,
    });
    return z.NEVER;
  }
  return duration;
});

export const person = z.object({ name: text, title: text });

export const party = z.object({
  name: text,
  address: text,
  /** SIREN, SIRET, UAI or another registry number, as printed. */
  identifier: z.string().trim().optional(),
  signatory: person,
  contact: z.object({ name: text, email }),
  dpo: z.object({ name: text, email }),
});
export type PartyData = z.output<typeof party>;

export const dataCategory = z.object({ name: text, sensitive: z.boolean().default(false) });

export const processing = z.object({
  subjectMatter: text,
  nature: text,
  purposes: z.array(text).min(1),
  dataCategories: z.array(dataCategory).min(1),
  dataSubjects: z.array(text).min(1),
  /** How long the processing lasts: "la durée du marché, quatre ans". */
  duration: text,
  /** Where the data is hosted. */
  location: text,
  retention: text,
});
export type ProcessingData = z.output<typeof processing>;

export const measure = z.object({ category: text, description: text });

export const subprocessor = z.object({
  name: text,
  address: text,
  activity: text,
  location: text,
  transferMechanism: z.enum(TRANSFER_MECHANISMS).default("none"),
});
export type SubprocessorData = z.output<typeof subprocessor>;

/** "48 heures" in the document's language. */
export function periodText(writer: DocumentWriter, duration: Duration): string {
  return formatDuration(duration, writer.lang);
}

export const TRANSFER_MECHANISM_WORDS: Record<
  (typeof TRANSFER_MECHANISMS)[number],
  { fr: string; en: string }
> = {
  none: { fr: "aucun transfert hors de l'EEE", en: "no transfer outside the EEA" },
  adequacy_decision: { fr: "décision d'adéquation (art. 45)", en: "adequacy decision (Art. 45)" },
  standard_contractual_clauses: {
    fr: "clauses contractuelles types (art. 46, paragraphe 2)",
    en: "standard contractual clauses (Art. 46(2))",
  },
  binding_corporate_rules: {
    fr: "règles d'entreprise contraignantes (art. 47)",
    en: "binding corporate rules (Art. 47)",
  },
  derogation: {
    fr: "dérogation pour une situation particulière (art. 49)",
    en: "derogation for a specific situation (Art. 49)",
  },
  unknown: { fr: "à préciser", en: "to be stated" },
};

/** Annex I's lines for one party. */
export function partyFields(party: PartyData): [{ fr: string; en: string }, string][] {
  return [
    [{ fr: "Dénomination", en: "Name" }, party.name],
    [{ fr: "Adresse", en: "Address" }, party.address],
    ...(party.identifier
      ? [
          [{ fr: "Immatriculation", en: "Registration" }, party.identifier] as [
            { fr: string; en: string },
            string,
          ],
        ]
      : []),
    [{ fr: "Signataire", en: "Signatory" }, `${party.signatory.name}, ${party.signatory.title}`],
    [{ fr: "Contact", en: "Contact" }, `${party.contact.name} <${party.contact.email}>`],
    [
      { fr: "Délégué à la protection des données", en: "Data protection officer" },
      `${party.dpo.name} <${party.dpo.email}>`,
    ],
  ];
}

/** An organisation named on a letter or a certificate. */
export const organisation = z.object({ name: text, address: text });

export const contact = z.object({ name: text, email });

/** Who issues a letter or a certificate, and where and when. */
export const issue = {
  reference: text,
  issuedOn: isoDate,
  place: text,
};
