// An organisation of the register: a school, an authority or a vendor, the roles it plays and how to reach its DPO.

import { CALENDAR_NAMES, type CalendarId } from "./calendar.js";
import { checkEmailAddress } from "./email-address.js";
import { invalidInput, type LocalizedText } from "./error.js";
import { checkIdentifier } from "./identifiers.js";
import type { QualifierInterpretation } from "./obligation.js";

export const ORGANISATION_ROLES = ["controller", "processor"] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const ORGANISATION_TYPES = [
  "ecole",
  "college",
  "lycee",
  "pouvoir_organisateur",
  "academie",
  "collectivite",
  "editeur",
  "other",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, LocalizedText> = {
  ecole: { fr: "école", en: "primary school" },
  college: { fr: "collège", en: "lower secondary school" },
  lycee: { fr: "lycée", en: "upper secondary school" },
  pouvoir_organisateur: { fr: "pouvoir organisateur", en: "school organising body" },
  academie: { fr: "académie", en: "education authority (académie)" },
  collectivite: { fr: "collectivité", en: "local authority" },
  editeur: { fr: "éditeur", en: "software vendor" },
  other: { fr: "autre", en: "other" },
};

export interface OrganisationIdentifiers {
  /** French school identifier. */
  readonly uai?: string;
  readonly siren?: string;
  readonly siret?: string;
  /** Belgian enterprise number (Banque-Carrefour des Entreprises). */
  readonly bce?: string;
}

export interface DpoContact {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

export interface Organisation {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly type: OrganisationType;
  readonly roles: readonly OrganisationRole[];
  readonly identifiers: OrganisationIdentifiers;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly calendar: CalendarId;
  readonly dpo: DpoContact | null;
  /** How this organisation reads qualifiers ("without undue delay"…) when a deadline must be set; null: the default. */
  readonly qualifierInterpretation: QualifierInterpretation | null;
  readonly createdAt: number;
}

export interface OrganisationInput {
  readonly name: string;
  readonly type?: OrganisationType;
  readonly roles?: readonly OrganisationRole[];
  readonly identifiers?: OrganisationIdentifiers;
  readonly country?: string;
  readonly calendar?: string;
  readonly dpo?: DpoContact | null;
  readonly qualifierInterpretation?: QualifierInterpretation | null;
}

/** The key under which names are unique in a tenant: case, accents and spacing do not make a new organisation. */
export function organisationNameKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

function defaultCalendar(country: string): CalendarId {
  return country === "BE" ? "BE" : "FR";
}

/** Validates an input and returns the organisation it describes. */
export function buildOrganisation(
  input: OrganisationInput,
  ids: { readonly id: string; readonly tenant: string; readonly now: number },
): Organisation {
  const name = input.name.replace(/\s+/g, " ").trim();
  if (name.length === 0 || name.length > 300) {
    throw invalidInput(
      {
        fr: "le nom de l'organisation doit compter de 1 à 300 caractères",
        en: "an organisation name needs 1 to 300 characters",
      },
      { argument: "name" },
    );
  }
  const type = input.type ?? "other";
  if (!(ORGANISATION_TYPES as readonly string[]).includes(type)) {
    const accepted = ORGANISATION_TYPES.join(", ");
    throw invalidInput(
      { fr: `type inconnu « ${type} »`, en: `unknown type "${type}"` },
      {
        argument: "type",
        accepted: { fr: accepted, en: accepted },
      },
    );
  }
  const country = (input.country ?? "FR").toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw invalidInput(
      { fr: `« ${input.country} » n'est pas un code pays`, en: `"${input.country}" is not a country code` },
      {
        argument: "country",
        accepted: { fr: "ISO 3166-1 alpha-2 (FR, BE…)", en: "ISO 3166-1 alpha-2 (FR, BE…)" },
      },
    );
  }
  const calendarName = (input.calendar ?? defaultCalendar(country)).toUpperCase();
  const calendar = CALENDAR_NAMES[calendarName];
  if (!calendar || !Object.hasOwn(CALENDAR_NAMES, calendarName)) {
    const accepted = Object.keys(CALENDAR_NAMES).join(", ");
    throw invalidInput(
      { fr: `calendrier inconnu « ${input.calendar} »`, en: `unknown calendar "${input.calendar}"` },
      {
        argument: "calendar",
        accepted: { fr: accepted, en: accepted },
      },
    );
  }
  const given = input.identifiers ?? {};
  const identifiers: { uai?: string; siren?: string; siret?: string; bce?: string } = {};
  if (given.uai) identifiers.uai = checkIdentifier("uai", given.uai);
  if (given.siren) identifiers.siren = checkIdentifier("siren", given.siren);
  if (given.siret) identifiers.siret = checkIdentifier("siret", given.siret);
  if (given.bce) identifiers.bce = checkIdentifier("bce", given.bce);
  if (identifiers.siren && identifiers.siret && !identifiers.siret.startsWith(identifiers.siren)) {
    throw invalidInput(
      { fr: "le SIRET ne commence pas par le SIREN", en: "the SIRET does not start with the SIREN" },
      { argument: "siret" },
    );
  }
  const roles = [...new Set(input.roles ?? [])].sort();
  for (const role of roles) {
    if (!(ORGANISATION_ROLES as readonly string[]).includes(role)) {
      throw invalidInput(
        { fr: `rôle inconnu « ${role} »`, en: `unknown role "${role}"` },
        {
          argument: "roles",
          accepted: { fr: "controller, processor", en: "controller, processor" },
        },
      );
    }
  }
  return {
    id: ids.id,
    tenant: ids.tenant,
    name,
    type,
    roles,
    identifiers,
    country,
    calendar,
    dpo:
      input.dpo?.email !== undefined
        ? { ...input.dpo, email: checkEmailAddress(input.dpo.email, "dpo-email") }
        : (input.dpo ?? null),
    qualifierInterpretation: input.qualifierInterpretation ?? null,
    createdAt: ids.now,
  };
}

/** The organisation with one more role, or itself when it already plays it. */
export function withRole(organisation: Organisation, role: OrganisationRole): Organisation {
  if (organisation.roles.includes(role)) return organisation;
  return { ...organisation, roles: [...organisation.roles, role].sort() };
}
