// A personal-data breach as either side records it, and its notices in phases (GDPR Art. 4(12), 33(3), 33(4)).

import { z } from "zod";
import { type Art28Error, invalidInput, type LocalizedText } from "./error.js";
import { parseInput } from "./input.js";

/** The three security properties a breach can break (EDPB Guidelines 9/2022, para 18). */
export const BREACH_NATURES = ["confidentiality", "integrity", "availability"] as const;
export type BreachNature = (typeof BREACH_NATURES)[number];

export const BREACH_NATURE_LABELS: Readonly<Record<BreachNature, LocalizedText>> = {
  confidentiality: { fr: "atteinte à la confidentialité", en: "confidentiality breach" },
  integrity: { fr: "atteinte à l'intégrité", en: "integrity breach" },
  availability: { fr: "atteinte à la disponibilité", en: "availability breach" },
};

const text = z.string().trim().min(1);
const instant = z.number().finite();

export const breachContactSchema = z.object({
  name: text,
  role: text.optional(),
  email: z.email().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/)
    .optional(),
});
export type BreachContact = z.output<typeof breachContactSchema>;

/** What a breach report holds; every instant is epoch milliseconds. */
export const breachDetailsSchema = z
  .object({
    natures: z.array(z.enum(BREACH_NATURES)).min(1),
    /** When someone first noticed something was wrong. */
    discoveredAt: instant,
    /** When the recorder became reasonably certain a breach happened: the Art. 33 clocks start here. */
    awareAt: instant,
    occurredFrom: instant.nullable().default(null),
    occurredUntil: instant.nullable().default(null),
    description: text,
    dataCategories: z.array(text).default([]),
    approximatePeople: z.number().int().nonnegative().nullable().default(null),
    approximateRecords: z.number().int().nonnegative().nullable().default(null),
    likelyConsequences: text.nullable().default(null),
    measuresTaken: text.nullable().default(null),
    measuresProposed: text.nullable().default(null),
    contact: breachContactSchema.nullable().default(null),
  })
  .refine((b) => b.awareAt >= b.discoveredAt, {
    path: ["awareAt"],
    message: "awareness cannot precede discovery",
    params: { fr: "la prise de connaissance ne peut précéder la découverte" },
  })
  .refine((b) => b.occurredFrom === null || b.occurredFrom <= b.discoveredAt, {
    path: ["occurredFrom"],
    message: "a breach cannot start after it was discovered",
    params: { fr: "une violation ne peut commencer après sa découverte" },
  })
  .refine((b) => b.occurredFrom === null || b.occurredUntil === null || b.occurredFrom <= b.occurredUntil, {
    path: ["occurredUntil"],
    message: "the end precedes the start",
    params: { fr: "la fin précède le début" },
  });
export type BreachDetails = z.output<typeof breachDetailsSchema>;

/** Who recorded the breach: the processor that suffered it, or a controller. */
export type BreachSide = "processor" | "controller";

export interface Breach extends BreachDetails {
  readonly id: string;
  /** The organisation that recorded it. */
  readonly recordedBy: string;
  readonly side: BreachSide;
}

/** Reads a breach report from untrusted input (the CLI's or the API's), refusing what cannot be true. */
export function parseBreachDetails(input: unknown): BreachDetails {
  return parseInput(breachDetailsSchema, input, "breach");
}

/** The four items of content GDPR Art. 33(3) requires in a notification. */
export const NOTICE_ITEMS = ["nature_and_numbers", "contact", "consequences", "measures"] as const;
export type NoticeItem = (typeof NOTICE_ITEMS)[number];

export const NOTICE_ITEM_LABELS: Readonly<Record<NoticeItem, LocalizedText>> = {
  nature_and_numbers: {
    fr: "nature de la violation, catégories et nombre approximatif de personnes et d'enregistrements (art. 33(3)(a))",
    en: "nature of the breach, categories and approximate numbers of people and records (Art. 33(3)(a))",
  },
  contact: { fr: "point de contact (art. 33(3)(b))", en: "contact point (Art. 33(3)(b))" },
  consequences: { fr: "conséquences probables (art. 33(3)(c))", en: "likely consequences (Art. 33(3)(c))" },
  measures: {
    fr: "mesures prises ou proposées (art. 33(3)(d))",
    en: "measures taken or proposed (Art. 33(3)(d))",
  },
};

/** The Art. 33(3) items a notice of this breach could not yet give. */
export function missingNoticeItems(details: BreachDetails): NoticeItem[] {
  const missing: NoticeItem[] = [];
  if (
    details.dataCategories.length === 0 ||
    details.approximatePeople === null ||
    details.approximateRecords === null
  )
    missing.push("nature_and_numbers");
  if (details.contact === null) missing.push("contact");
  if (details.likelyConsequences === null) missing.push("consequences");
  if (details.measuresTaken === null && details.measuresProposed === null) missing.push("measures");
  return missing;
}

/** GDPR Art. 33(4): information may be given in phases, an initial notice and then updates. */
export type NoticePhase = "initial" | "update";

/** One notice of a breach as sent: what it said, and what it still could not say. */
export interface BreachNotice {
  readonly breachId: string;
  readonly phase: NoticePhase;
  /** 1 for the initial notice, then 2, 3… */
  readonly sequence: number;
  readonly sentAt: number;
  readonly content: BreachDetails;
  readonly missing: readonly NoticeItem[];
  /** Fields that differ from the previous notice; every field for the initial one. */
  readonly changed: readonly (keyof BreachDetails)[];
  /** True when nothing required by Art. 33(3) is missing any more. */
  readonly complete: boolean;
}

const DETAIL_KEYS = Object.keys(breachDetailsSchema.shape) as (keyof BreachDetails)[];

/**
 * The next notice of `breach` given the ones already sent: the initial notice first, then updates that carry
 * what changed (GDPR Art. 33(4)). An update that says nothing new, or one sent before the previous, is refused.
 */
export function nextBreachNotice(
  breach: Breach,
  previous: readonly BreachNotice[],
  sentAt: number,
): BreachNotice {
  const last = previous.reduce<BreachNotice | undefined>(
    (latest, n) => (latest === undefined || n.sequence > latest.sequence ? n : latest),
    undefined,
  );
  const content: BreachDetails = pickDetails(breach);
  const missing = missingNoticeItems(content);
  if (last === undefined) {
    return {
      breachId: breach.id,
      phase: "initial",
      sequence: 1,
      sentAt,
      content,
      missing,
      changed: DETAIL_KEYS,
      complete: missing.length === 0,
    };
  }
  if (sentAt < last.sentAt) throw noticeOrderError();
  const changed = DETAIL_KEYS.filter(
    (key) => JSON.stringify(content[key]) !== JSON.stringify(last.content[key]),
  );
  if (changed.length === 0) {
    throw invalidInput({
      fr: "cette mise à jour n'apporte aucune information nouvelle sur la violation",
      en: "this update carries no new information about the breach",
    });
  }
  return {
    breachId: breach.id,
    phase: "update",
    sequence: last.sequence + 1,
    sentAt,
    content,
    missing,
    changed,
    complete: missing.length === 0,
  };
}

function pickDetails(breach: Breach): BreachDetails {
  const details: Record<string, unknown> = {};
  for (const key of DETAIL_KEYS) details[key] = breach[key];
  return details as BreachDetails;
}

function noticeOrderError(): Art28Error {
  return invalidInput({
    fr: "une mise à jour ne peut pas être datée d'avant la notification précédente",
    en: "an update cannot be dated before the previous notice",
  });
}
