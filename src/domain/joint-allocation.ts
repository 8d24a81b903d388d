// Who owes what among joint controllers (GDPR Art. 26): each duty held by a party, or by the rule that picks the
// holder from a breach's or request's perimeter, as the Ministry's ENT kit (models 1–3) allocates them.

import { invalidInput, type LocalizedText } from "./error.js";
import type { OrganisationType } from "./organisation.js";

export const JOINT_DUTIES = [
  "contact_point",
  "inform_people",
  "answer_requests",
  "notify_authority",
  "inform_people_of_breach",
  "publish_essence",
  "alert_controllers",
] as const;
export type JointDuty = (typeof JOINT_DUTIES)[number];

export const JOINT_DUTY_LABELS: Readonly<Record<JointDuty, LocalizedText>> = {
  contact_point: {
    fr: "point de contact des personnes concernées (art. 26(1))",
    en: "contact point for data subjects (Art. 26(1))",
  },
  inform_people: {
    fr: "information des personnes (art. 13 et 14)",
    en: "informing people (Arts 13 and 14)",
  },
  answer_requests: {
    fr: "réponse aux demandes d'exercice des droits (art. 12 à 22)",
    en: "answering requests to exercise rights (Arts 12–22)",
  },
  notify_authority: {
    fr: "notification de la violation à l'autorité (art. 33)",
    en: "notifying the breach to the authority (Art. 33)",
  },
  inform_people_of_breach: {
    fr: "communication de la violation aux personnes (art. 34)",
    en: "telling people of the breach (Art. 34)",
  },
  publish_essence: {
    fr: "mise à disposition des grandes lignes de l'accord (art. 26(2))",
    en: "publishing the essence of the arrangement (Art. 26(2))",
  },
  alert_controllers: {
    fr: "alerte des autres responsables conjoints en cas d'incident",
    en: "alerting the other joint controllers of an incident",
  },
};

/**
 * How far an event reaches: the pupils and staff of one school, several schools, or the whole territory of the
 * ENT; `any` is an entry that holds whatever the perimeter.
 */
export const PERIMETERS = ["any", "one_school", "several_schools", "territory"] as const;
export type Perimeter = (typeof PERIMETERS)[number];

export const PERIMETER_LABELS: Readonly<Record<Perimeter, LocalizedText>> = {
  any: { fr: "quel que soit le périmètre", en: "whatever the perimeter" },
  one_school: {
    fr: "les élèves et personnels d'un seul établissement",
    en: "the pupils and staff of one school",
  },
  several_schools: { fr: "plusieurs établissements", en: "several schools" },
  territory: { fr: "tout le territoire de l'ENT", en: "the whole territory of the ENT" },
};

/**
 * Who holds a duty: a named party; the school the event touches when it is itself a party, another party
 * otherwise (the kit's écoles have no legal personality, the académie answers for them); or each party for its
 * own share (each alerts the others of what it learns).
 */
export type JointHolder =
  | { readonly kind: "party"; readonly organisationId: string }
  | { readonly kind: "school_touched"; readonly otherwise: string }
  | { readonly kind: "each_party" };

export interface AllocationEntry {
  readonly duty: JointDuty;
  readonly perimeter: Perimeter;
  readonly holder: JointHolder;
  /** Where the allocation comes from: the kit's article, the convention's sentence, or a person's edit. */
  readonly basis: LocalizedText;
}

export type Allocation = readonly AllocationEntry[];

/** The kit's three conventions: 1 écoles (académie and collectivité), 2 one EPLE, 3 a whole territory. */
export const KIT_MODELS = [1, 2, 3] as const;
export type KitModel = (typeof KIT_MODELS)[number];

/** The parties of a convention as the presets need them: each organisation with its type. */
export interface ConventionParty {
  readonly organisationId: string;
  readonly type: OrganisationType;
}

const SCHOOL_TYPES: readonly OrganisationType[] = ["ecole", "college", "lycee"];

export function isSchool(type: OrganisationType): boolean {
  return SCHOOL_TYPES.includes(type);
}

function firstOf(
  parties: readonly ConventionParty[],
  model: KitModel,
  type: "academie" | "collectivite",
): string {
  const found = parties.find((p) => p.type === type);
  if (!found) {
    const name =
      type === "academie"
        ? { fr: "une académie", en: "an académie" }
        : { fr: "une collectivité", en: "a collectivité" };
    throw invalidInput(
      {
        fr: `le modèle ${model} du kit ENT demande ${name.fr} parmi les parties`,
        en: `model ${model} of the ENT kit needs ${name.en} among the parties`,
      },
      { argument: "parties" },
    );
  }
  return found.organisationId;
}

function kitBasis(model: KitModel, article: string, fr: string, en: string): LocalizedText {
  return {
    fr: `modèle ${model} du kit ENT, ${article} : ${fr}`,
    en: `ENT kit model ${model}, ${article}: ${en}`,
  };
}

/**
 * The allocation a convention written on the kit's model sets, for these parties (the académie and the
 * collectivité found by type; in model 2 and 3 the schools that are parties hold what touches them alone).
 */
export function presetAllocation(model: KitModel, parties: readonly ConventionParty[]): AllocationEntry[] {
  const academie = firstOf(parties, model, "academie");
  const collectivite = firstOf(parties, model, "collectivite");
  const party = (organisationId: string): JointHolder => ({ kind: "party", organisationId });
  const school: JointHolder = { kind: "school_touched", otherwise: academie };
  const each: JointHolder = { kind: "each_party" };
  const b = (article: string, fr: string, en: string) => kitBasis(model, article, fr, en);
  if (model === 1) {
    return [
      {
        duty: "contact_point",
        perimeter: "any",
        holder: party(academie),
        basis: b(
          "art. 6",
          "le DPD de l'académie est le point de contact",
          "the académie's DPO is the contact point",
        ),
      },
      {
        duty: "inform_people",
        perimeter: "any",
        holder: party(academie),
        basis: b(
          "art. 5",
          "l'académie valide les mentions d'information, la collectivité les fait afficher",
          "the académie approves the notices, the collectivité has them displayed",
        ),
      },
      {
        duty: "answer_requests",
        perimeter: "any",
        holder: party(academie),
        basis: b(
          "art. 5",
          "l'académie traite les demandes de façon centralisée, la collectivité celles de ses propres modules",
          "the académie handles requests centrally, the collectivité those on its own modules",
        ),
      },
      {
        duty: "notify_authority",
        perimeter: "any",
        holder: party(academie),
        basis: b(
          "art. 4.2",
          "l'académie signale les violations à la CNIL",
          "the académie reports breaches to the CNIL",
        ),
      },
      {
        duty: "inform_people_of_breach",
        perimeter: "any",
        holder: party(academie),
        basis: b(
          "art. 4.2",
          "l'académie informe les personnes le cas échéant",
          "the académie tells the people where needed",
        ),
      },
      {
        duty: "publish_essence",
        perimeter: "any",
        holder: party(academie),
        basis: b(
          "art. 5",
          "les grandes lignes sont affichées et publiées dans chaque école",
          "the essence is displayed and published in each école",
        ),
      },
      {
        duty: "alert_controllers",
        perimeter: "any",
        holder: party(collectivite),
        basis: b(
          "art. 4.1",
          "la collectivité alerte l'académie des incidents sous 48 heures au plus",
          "the collectivité alerts the académie of incidents within 48 hours at most",
        ),
      },
    ];
  }
  if (model === 2) {
    // One convention per établissement: the school party is its own contact point.
    const own = parties.find((p) => isSchool(p.type))?.organisationId;
    if (own === undefined) {
      throw invalidInput(
        {
          fr: "le modèle 2 du kit ENT demande l'établissement parmi les parties",
          en: "model 2 of the ENT kit needs the school among the parties",
        },
        { argument: "parties" },
      );
    }
    return [
      {
        duty: "contact_point",
        perimeter: "any",
        holder: party(own),
        basis: b(
          "art. 6",
          "le DPD de l'établissement est le point de contact",
          "the school's DPO is the contact point",
        ),
      },
      {
        duty: "inform_people",
        perimeter: "any",
        holder: party(own),
        basis: b(
          "art. 5",
          "l'établissement valide et diffuse les mentions proposées par l'académie",
          "the school approves and hands out the notices the académie proposes",
        ),
      },
      {
        duty: "answer_requests",
        perimeter: "one_school",
        holder: school,
        basis: b(
          "art. 5",
          "le chef d'établissement traite les demandes de ses élèves et personnels",
          "the head of school handles requests from its pupils and staff",
        ),
      },
      {
        duty: "answer_requests",
        perimeter: "several_schools",
        holder: party(academie),
        basis: b(
          "art. 5",
          "l'académie traite les demandes qui excèdent un seul établissement",
          "the académie handles requests beyond one school",
        ),
      },
      {
        duty: "notify_authority",
        perimeter: "one_school",
        holder: school,
        basis: b(
          "art. 4.3",
          "l'établissement notifie les violations qui ne touchent que ses élèves et personnels",
          "the school notifies breaches touching only its own pupils and staff",
        ),
      },
      {
        duty: "notify_authority",
        perimeter: "several_schools",
        holder: party(academie),
        basis: b(
          "art. 4.2",
          "l'académie notifie les violations qui concernent plusieurs établissements",
          "the académie notifies breaches concerning several schools",
        ),
      },
      {
        duty: "inform_people_of_breach",
        perimeter: "one_school",
        holder: school,
        basis: b(
          "art. 4.3",
          "l'établissement informe ses élèves et personnels le cas échéant",
          "the school tells its pupils and staff where needed",
        ),
      },
      {
        duty: "inform_people_of_breach",
        perimeter: "several_schools",
        holder: party(academie),
        basis: b(
          "art. 4.2",
          "l'académie informe les personnes quand plusieurs établissements sont touchés",
          "the académie tells the people when several schools are touched",
        ),
      },
      {
        duty: "publish_essence",
        perimeter: "any",
        holder: party(own),
        basis: b(
          "art. 5",
          "les grandes lignes sont affichées et publiées par l'établissement",
          "the essence is displayed and published by the school",
        ),
      },
      {
        duty: "alert_controllers",
        perimeter: "any",
        holder: each,
        basis: b(
          "art. 4",
          "chaque partie alerte les autres des incidents qui lui sont notifiés, sous 48 heures pour la collectivité",
          "each party alerts the others of incidents notified to it, within 48 hours for the collectivité",
        ),
      },
    ];
  }
  return [
    {
      duty: "contact_point",
      perimeter: "any",
      holder: party(academie),
      basis: b(
        "art. 6",
        "le DPD de l'académie est le point de contact",
        "the académie's DPO is the contact point",
      ),
    },
    {
      duty: "inform_people",
      perimeter: "any",
      holder: each,
      basis: b(
        "art. 5",
        "les parties valident ensemble l'information et la diffusent avec les identifiants",
        "the parties approve the information together and hand it out with the credentials",
      ),
    },
    {
      duty: "answer_requests",
      perimeter: "one_school",
      holder: school,
      basis: b(
        "art. 5",
        "le chef d'établissement traite les demandes de ses élèves et personnels, l'académie celles d'une école",
        "the head of school handles requests from its pupils and staff, the académie those of an école",
      ),
    },
    {
      duty: "answer_requests",
      perimeter: "several_schools",
      holder: party(academie),
      basis: b(
        "art. 5",
        "l'académie traite les demandes qui excèdent un seul établissement",
        "the académie handles requests beyond one school",
      ),
    },
    {
      duty: "notify_authority",
      perimeter: "one_school",
      holder: school,
      basis: b(
        "art. 4.4",
        "l'établissement notifie les violations de son périmètre, l'académie celles d'une école",
        "the school notifies breaches within its perimeter, the académie those of an école",
      ),
    },
    {
      duty: "notify_authority",
      perimeter: "several_schools",
      holder: party(academie),
      basis: b(
        "art. 4.2",
        "l'académie notifie les violations qui concernent plusieurs établissements",
        "the académie notifies breaches concerning several schools",
      ),
    },
    {
      duty: "inform_people_of_breach",
      perimeter: "one_school",
      holder: school,
      basis: b(
        "art. 4.4",
        "l'établissement informe les personnes de son périmètre le cas échéant",
        "the school tells the people within its perimeter where needed",
      ),
    },
    {
      duty: "inform_people_of_breach",
      perimeter: "several_schools",
      holder: party(academie),
      basis: b(
        "art. 4.2",
        "l'académie informe les personnes quand plusieurs établissements sont touchés",
        "the académie tells the people when several schools are touched",
      ),
    },
    {
      duty: "publish_essence",
      perimeter: "any",
      holder: each,
      basis: b(
        "art. 5",
        "les grandes lignes sont publiées par les établissements et les collectivités",
        "the essence is published by the schools and the collectivités",
      ),
    },
    {
      duty: "alert_controllers",
      perimeter: "any",
      holder: each,
      basis: b(
        "art. 4",
        "chaque partie alerte les autres des incidents qui lui sont notifiés",
        "each party alerts the others of incidents notified to it",
      ),
    },
  ];
}

/** The perimeter of an event from the schools it touches; `territory` only when said so. */
export function perimeterOf(schoolsTouched: number, wholeTerritory = false): Exclude<Perimeter, "any"> {
  if (wholeTerritory) return "territory";
  if (schoolsTouched < 1) {
    throw invalidInput(
      { fr: "nommez au moins un établissement touché", en: "name at least one school touched" },
      { argument: "schools" },
    );
  }
  return schoolsTouched === 1 ? "one_school" : "several_schools";
}

/** Where to look when no entry names the perimeter itself: the whole territory reads as several schools. */
const FALLBACKS: Readonly<Record<Perimeter, readonly Perimeter[]>> = {
  any: ["any"],
  one_school: ["one_school", "any"],
  several_schools: ["several_schools", "any"],
  territory: ["territory", "several_schools", "any"],
};

/** Who holds a duty for one event, and the entry that says so. */
export interface ResolvedHolder {
  /** Every party that holds the duty (several for `each_party`). */
  readonly holders: readonly string[];
  readonly entry: AllocationEntry;
}

/**
 * The holder of `duty` for an event of this perimeter: the entry for the perimeter (or the nearest wider one),
 * a touched school that is itself a joint controller holding what the rule gives to the school touched.
 * Null when the allocation says nothing of the duty.
 */
export function holderOf(
  allocation: Allocation,
  duty: JointDuty,
  event: {
    readonly perimeter: Exclude<Perimeter, "any">;
    /** The school touched, for one_school. */
    readonly school?: string | null;
    /** Every joint controller of the ENT. */
    readonly controllers: readonly string[];
  },
): ResolvedHolder | null {
  for (const perimeter of FALLBACKS[event.perimeter]) {
    const entry = allocation.find((e) => e.duty === duty && e.perimeter === perimeter);
    if (!entry) continue;
    const holder = entry.holder;
    if (holder.kind === "party") return { holders: [holder.organisationId], entry };
    if (holder.kind === "each_party") return { holders: [...event.controllers], entry };
    const school = event.school ?? null;
    const own = school !== null && event.controllers.includes(school) && event.perimeter === "one_school";
    return { holders: [own ? school : holder.otherwise], entry };
  }
  return null;
}

/** Sets one entry (per duty and perimeter), as a person edits a preset: the entry it replaces goes. */
export function withEntry(allocation: Allocation, entry: AllocationEntry): AllocationEntry[] {
  const kept = allocation.filter((e) => !(e.duty === entry.duty && e.perimeter === entry.perimeter));
  const next = [...kept, entry];
  return next.sort(
    (a, b) =>
      JOINT_DUTIES.indexOf(a.duty) - JOINT_DUTIES.indexOf(b.duty) ||
      PERIMETERS.indexOf(a.perimeter) - PERIMETERS.indexOf(b.perimeter),
  );
}

/** Every party an allocation names must be a party of the convention. */
export function checkAllocation(allocation: Allocation, parties: readonly string[]): void {
  for (const entry of allocation) {
    const named =
      entry.holder.kind === "party"
        ? entry.holder.organisationId
        : entry.holder.kind === "school_touched"
          ? entry.holder.otherwise
          : null;
    if (named !== null && !parties.includes(named)) {
      throw invalidInput(
        {
          fr: `${JOINT_DUTY_LABELS[entry.duty].fr} : le titulaire ${named} n'est pas partie à la convention`,
          en: `${JOINT_DUTY_LABELS[entry.duty].en}: holder ${named} is not a party to the convention`,
        },
        { argument: "holder" },
      );
    }
  }
}

export function parseJointDuty(text: string): JointDuty {
  if ((JOINT_DUTIES as readonly string[]).includes(text)) return text as JointDuty;
  const accepted = JOINT_DUTIES.join(", ");
  throw invalidInput(
    { fr: `devoir inconnu « ${text} »`, en: `unknown duty "${text}"` },
    { argument: "duty", accepted: { fr: accepted, en: accepted } },
  );
}

export function parsePerimeter(text: string): Perimeter {
  if ((PERIMETERS as readonly string[]).includes(text)) return text as Perimeter;
  const accepted = PERIMETERS.join(", ");
  throw invalidInput(
    { fr: `périmètre inconnu « ${text} »`, en: `unknown perimeter "${text}"` },
    { argument: "perimeter", accepted: { fr: accepted, en: accepted } },
  );
}

export function parseKitModel(text: string | number): KitModel {
  const n = Number(text);
  if ((KIT_MODELS as readonly number[]).includes(n)) return n as KitModel;
  throw invalidInput(
    { fr: `modèle du kit ENT inconnu « ${text} »`, en: `unknown ENT kit model "${text}"` },
    { argument: "model", accepted: { fr: "1, 2, 3", en: "1, 2, 3" } },
  );
}

/**
 * What ties an agreement to an ENT: a convention's allocation and the schools it covers (model 1's écoles are
 * covered without being parties), or a processor agreement's ENT and the party that signed it for all.
 */
export interface JointArrangement {
  readonly agreementId: string;
  /** The ENT's name as people say it; conventions and processor agreements of one ENT share it. */
  readonly ent: string;
  readonly model: KitModel | null;
  readonly allocation: Allocation;
  /** The schools the convention covers (organisation ids). */
  readonly schools: readonly string[];
  /** The party that signed a processor agreement on behalf of every joint controller. */
  readonly signedForAllBy: string | null;
}

/** The key under which ENT names match: case, accents and spacing aside. */
export function entKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}
