// The event a term's period runs from: « 24 heures suivant la découverte » counts from discovery, not awareness.

import type { LocalizedText } from "./error.js";

export const TERM_TRIGGERS = ["discovery", "awareness", "receipt", "notice", "end_of_service"] as const;
export type TermTrigger = (typeof TERM_TRIGGERS)[number];

export const TERM_TRIGGER_LABELS: Readonly<Record<TermTrigger, LocalizedText>> = {
  discovery: { fr: "à compter de la découverte", en: "from discovery" },
  awareness: { fr: "à compter de la prise de connaissance", en: "from awareness" },
  receipt: { fr: "à compter de la réception", en: "from receipt" },
  notice: { fr: "à compter de la notification", en: "from notice" },
  end_of_service: { fr: "à compter de la fin du service", en: "from the end of the service" },
};

export function isTermTrigger(value: unknown): value is TermTrigger {
  return typeof value === "string" && (TERM_TRIGGERS as readonly string[]).includes(value);
}

// Each event in the words a clause or a person uses for it, with the connector before it ("suivant la", "after").
const CONNECTOR =
  "(?:(?:suivant|apr[èe]s|à\\s+compter\\s+de|a\\s+compter\\s+de|dès|des|à\\s+partir\\s+de|from|after|following|of|upon|since)\\s+)?(?:(?:la|le|l['’]|du|de\\s+la|de|the|its)\\s*)?";
const EVENT_WORDS: ReadonlyArray<readonly [TermTrigger, string]> = [
  ["discovery", "d[ée]couverte|discovery|discovering|discovered"],
  ["awareness", "prise\\s+de\\s+connaissance|connaissance|awareness|becoming\\s+aware|aware"],
  ["receipt", "r[ée]ception|receipt|receiving|received"],
  [
    "end_of_service",
    "fin\\s+(?:du\\s+(?:contrat|service|march[ée])|des\\s+services|de\\s+la\\s+prestation)|r[ée]siliation|end\\s+of\\s+the\\s+(?:contract|service|agreement)|termination",
  ],
  ["notice", "notification|pr[ée]avis|notice"],
];

/**
 * The event a period's words name, and the words with that phrase taken out so the period alone remains:
 * « 24 heures suivant la découverte » → discovery, « 24 heures ». Also reads the ids themselves ("discovery").
 */
export function readTrigger(text: string): { trigger: TermTrigger | undefined; rest: string } {
  for (const [trigger, words] of EVENT_WORDS) {
    const pattern = new RegExp(`${CONNECTOR}(?:${words}|${trigger})(?![\\p{L}])`, "iu");
    const match = pattern.exec(text);
    if (match) {
      const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`
        .replace(/[\s,;@]+$/u, "")
        .replace(/\s+/gu, " ")
        .trim();
      return { trigger, rest };
    }
  }
  return { trigger: undefined, rest: text };
}
