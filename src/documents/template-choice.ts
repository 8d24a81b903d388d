// The decision tree of the Ministry's ENT kit: who the ENT serves decides which joint-controller convention the
// authorities sign; every scenario adds the processor clause of the procurement and the vendor's agreement.

import type { LocalizedText } from "../domain/error.js";

export const ENT_USERS = ["first_degree", "second_degree", "both"] as const;
export type EntUsers = (typeof ENT_USERS)[number];

export interface TemplateChoice {
  readonly template: string;
  /** Who signs it, or what it is for, in this scenario. */
  readonly why: LocalizedText;
}

const CONVENTION: Record<EntUsers, TemplateChoice> = {
  first_degree: {
    template: "joint-controller-1",
    why: {
      fr: "ENT du premier degré : convention de responsabilité conjointe entre autorité(s) académique(s) et collectivité(s) ; les écoles ne la signent pas",
      en: "primary-school ENT: joint-controller arrangement between academic authority(ies) and local authority(ies); primary schools do not sign it",
    },
  },
  second_degree: {
    template: "joint-controller-2",
    why: {
      fr: "ENT du second degré : convention entre autorité(s) académique(s), collectivité(s) et chaque établissement (EPLE), une par établissement ou par adhésion",
      en: "secondary-school ENT: arrangement between academic authority(ies), local authority(ies) and each secondary school, one per school or by accession",
    },
  },
  both: {
    template: "joint-controller-3",
    why: {
      fr: "ENT commun au premier et au second degré : convention entre les autorités académiques, les collectivités et tous les établissements du territoire",
      en: "ENT shared by primary and secondary schools: arrangement between the academic authorities, the local authorities and every school of the territory",
    },
  },
};

const ALWAYS: readonly TemplateChoice[] = [
  {
    template: "public-summary",
    why: {
      fr: "l'essentiel de la convention, à publier pour les familles (article 26, paragraphe 2)",
      en: "the essence of the arrangement, to publish for families (Article 26(2))",
    },
  },
  {
    template: "procurement-clause",
    why: {
      fr: "l'article « données personnelles » du CCAP du marché passé avec l'éditeur de l'ENT",
      en: "the personal data article of the CCAP of the contract with the ENT vendor",
    },
  },
  {
    template: "dpa",
    why: {
      fr: "l'accord de sous-traitance signé avec l'éditeur retenu, par la partie qui finance la solution",
      en: "the processing agreement signed with the chosen vendor, by the party that funds the solution",
    },
  },
  {
    template: "security-questionnaire",
    why: {
      fr: "à envoyer aux éditeurs candidats pour vérifier leurs garanties",
      en: "to send the candidate vendors to check their guarantees",
    },
  },
];

/** The templates the kit names for an ENT serving `users`, in the order they are signed. */
export function templatesFor(users: EntUsers): TemplateChoice[] {
  return [CONVENTION[users], ...ALWAYS];
}
