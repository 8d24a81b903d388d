// `art28 organisations add|list`: the schools, authorities and vendors of the register.

import type { Command } from "commander";
import { createOrganisation } from "../app/organisations/create-organisation.js";
import { listOrganisations } from "../app/organisations/list-organisations.js";
import { PARTY_ROLE_LABELS } from "../domain/agreement.js";
import type { Organisation, OrganisationInput, OrganisationRole } from "../domain/organisation.js";
import { ORGANISATION_ROLES, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from "../domain/organisation.js";
import type { CliContext } from "./context.js";
import { listOption } from "./instant-option.js";
import { withRegister } from "./register-session.js";

interface AddOptions {
  name: string;
  type?: string;
  role?: string;
  uai?: string;
  siren?: string;
  siret?: string;
  bce?: string;
  country?: string;
  calendar?: string;
  dpoName?: string;
  dpoEmail?: string;
  json?: boolean;
}

export function registerOrganisationsCommand(program: Command, context: CliContext): void {
  const { say, lang, print } = context;
  const group = program
    .command("organisations")
    .description(
      say(
        "les écoles, autorités et éditeurs du registre",
        "the schools, authorities and vendors of the register",
      ),
    );

  const describe = (o: Organisation): string => {
    const ids = Object.entries(o.identifiers)
      .filter(([, value]) => value)
      .map(([key, value]) => `${key.toUpperCase()} ${value}`);
    const roles = o.roles.length ? ` — ${o.roles.map((r) => PARTY_ROLE_LABELS[r][lang]).join(", ")}` : "";
    return `${o.id.slice(0, 8)}  ${o.name} (${ORGANISATION_TYPE_LABELS[o.type][lang]}, ${o.country}, ${say("calendrier", "calendar")} ${o.calendar})${roles}${ids.length ? `  ${ids.join(", ")}` : ""}`;
  };

  group
    .command("add")
    .description(say("ajoute une organisation", "add an organisation"))
    .requiredOption("--name <name>", say("son nom", "its name"))
    .option("--type <type>", ORGANISATION_TYPES.join(" | "))
    .option(
      "--role <roles>",
      `${ORGANISATION_ROLES.join(", ")} ${say("(séparés par des virgules)", "(comma-separated)")}`,
    )
    .option("--uai <code>", say("code UAI d'un établissement français", "French school UAI code"))
    .option("--siren <number>", "SIREN")
    .option("--siret <number>", "SIRET")
    .option("--bce <number>", say("numéro BCE (Belgique)", "Belgian BCE number"))
    .option("--country <code>", say("pays (FR par défaut, BE…)", "country (FR by default, BE…)"))
    .option(
      "--calendar <name>",
      say(
        "calendrier des jours fériés : FR, FR-ALSACE-MOSELLE, BE…",
        "holiday calendar: FR, FR-ALSACE-MOSELLE, BE…",
      ),
    )
    .option(
      "--dpo-name <name>",
      say("nom du délégué à la protection des données", "data protection officer's name"),
    )
    .option("--dpo-email <address>", say("courriel du délégué", "the DPO's e-mail"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: AddOptions) => {
      const identifiers = Object.fromEntries(
        (["uai", "siren", "siret", "bce"] as const).filter((k) => options[k]).map((k) => [k, options[k]]),
      );
      const dpo =
        options.dpoName || options.dpoEmail
          ? {
              ...(options.dpoName ? { name: options.dpoName } : {}),
              ...(options.dpoEmail ? { email: options.dpoEmail } : {}),
            }
          : null;
      const input: OrganisationInput = {
        name: options.name,
        ...(options.type ? { type: options.type as OrganisationInput["type"] } : {}),
        ...(options.role ? { roles: listOption(options.role) as OrganisationRole[] } : {}),
        identifiers,
        ...(options.country ? { country: options.country } : {}),
        ...(options.calendar ? { calendar: options.calendar } : {}),
        dpo,
      };
      const organisation = await withRegister(context, (register, principal) =>
        createOrganisation({ register, principal, input, now: Date.now() }),
      );
      if (options.json) print(JSON.stringify(organisation, null, 2));
      else print(describe(organisation));
    });

  group
    .command("list")
    .description(say("liste les organisations", "list the organisations"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { json?: boolean }) => {
      const organisations = await withRegister(context, (register, principal) =>
        listOrganisations({ register, principal }),
      );
      if (options.json) print(JSON.stringify(organisations, null, 2));
      else if (organisations.length === 0) print(say("aucune organisation", "no organisation"));
      else for (const o of organisations) print(describe(o));
    });
}
