// `art28 users create|grant|revoke|list`: the people who act in the register and what each may do.

import type { Command } from "commander";
import { createUser } from "../app/users/create-user.js";
import { grantAccess } from "../app/users/grant-access.js";
import { listUsers } from "../app/users/list-users.js";
import { revokeAccess } from "../app/users/revoke-access.js";
import { invalidInput } from "../domain/error.js";
import { ROLES } from "../domain/principal.js";
import type { CliContext } from "./context.js";
import { instantOption } from "./instant-option.js";
import { withRegister } from "./register-session.js";

interface TargetOptions {
  org?: string;
  role?: string;
  agreement?: string;
  until?: string;
}

export function registerUsersCommand(program: Command, context: CliContext): void {
  const { say, print } = context;
  const users = program
    .command("users")
    .description(
      say(
        "les personnes qui agissent dans le registre et leurs droits",
        "the people who act in the register and their grants",
      ),
    );
  const roles = ROLES.join(" | ");

  users
    .command("create")
    .description(say("enregistre une personne avec un premier droit", "register a person with a first grant"))
    .requiredOption("--email <address>", say("son adresse électronique", "their e-mail address"))
    .requiredOption(
      "--org <name>",
      say("l'organisation pour laquelle elle agit", "the organisation they act for"),
    )
    .requiredOption("--role <role>", roles)
    .option("--name <name>", say("son nom", "their name"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { email: string; org: string; role: string; name?: string; json?: boolean }) => {
      const user = await withRegister(context, (register, principal) =>
        createUser({
          register,
          principal,
          input: {
            email: options.email,
            organisation: options.org,
            role: options.role,
            ...(options.name ? { name: options.name } : {}),
          },
          now: Date.now(),
        }),
      );
      if (options.json) print(JSON.stringify(user, null, 2));
      else
        print(say(`utilisateur ${user.email} créé (${user.id})`, `user ${user.email} created (${user.id})`));
    });

  const target = (
    options: TargetOptions,
    needsGrant: boolean,
  ): { organisation: string; role: string } | { agreement: string; until: number } => {
    const { org, agreement } = options;
    if (org !== undefined && agreement === undefined) {
      if (needsGrant && options.role === undefined) {
        throw invalidInput({ fr: "--org demande --role", en: "--org needs --role" }, { argument: "--role" });
      }
      return { organisation: org, role: options.role ?? "" };
    }
    if (agreement !== undefined && org === undefined) {
      if (needsGrant && options.until === undefined) {
        throw invalidInput(
          {
            fr: "l'accès d'un auditeur à un accord a une fin : --until",
            en: "an auditor's access ends: --until",
          },
          { argument: "--until" },
        );
      }
      return { agreement, until: instantOption(options.until, 0) };
    }
    throw invalidInput(
      { fr: "donnez --org ou --agreement, l'un des deux", en: "give --org or --agreement, one of them" },
      { argument: "--org" },
    );
  };

  users
    .command("grant")
    .description(
      say(
        "donne un rôle dans une organisation, ou un accord en lecture jusqu'à une date (auditeur)",
        "give a role in an organisation, or one agreement read-only until a date (auditor)",
      ),
    )
    .requiredOption("--user <user>", say("l'utilisateur (adresse ou id)", "the user (address or id)"))
    .option("--org <name>", say("l'organisation", "the organisation"))
    .option("--role <role>", roles)
    .option(
      "--agreement <id>",
      say("l'accord (auditeur, lecture seule)", "the agreement (auditor, read-only)"),
    )
    .option("--until <date>", say("fin de l'accès de l'auditeur", "when the auditor's access ends"))
    .action(async (options: TargetOptions & { user: string }) => {
      const grant = await withRegister(context, (register, principal) =>
        grantAccess({
          register,
          principal,
          input: { user: options.user, ...target(options, true) },
          now: Date.now(),
        }),
      );
      print(
        grant.kind === "organisation"
          ? say(
              `${options.user} : ${grant.role} de ${options.org}`,
              `${options.user}: ${grant.role} of ${options.org}`,
            )
          : say(
              `${options.user} : lecture de l'accord ${grant.agreement.slice(0, 8)} jusqu'au ${context.when(grant.until)}`,
              `${options.user}: reads agreement ${grant.agreement.slice(0, 8)} until ${context.when(grant.until)}`,
            ),
      );
    });

  users
    .command("revoke")
    .description(say("retire un droit", "take back a grant"))
    .requiredOption("--user <user>", say("l'utilisateur (adresse ou id)", "the user (address or id)"))
    .option("--org <name>", say("l'organisation", "the organisation"))
    .option("--agreement <id>", say("l'accord", "the agreement"))
    .action(async (options: TargetOptions & { user: string }) => {
      const which = target(options, false);
      await withRegister(context, (register, principal) =>
        revokeAccess({
          register,
          principal,
          input:
            "organisation" in which
              ? { user: options.user, organisation: which.organisation }
              : { user: options.user, agreement: which.agreement },
          now: Date.now(),
        }),
      );
      print(say(`droit retiré à ${options.user}`, `grant taken back from ${options.user}`));
    });

  users
    .command("list")
    .description(say("les utilisateurs et leurs droits", "the users and their grants"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { json?: boolean }) => {
      const listed = await withRegister(context, (register, principal) =>
        listUsers({ register, principal, now: Date.now() }),
      );
      if (options.json) {
        print(JSON.stringify(listed, null, 2));
        return;
      }
      if (listed.length === 0) print(say("aucun utilisateur", "no users"));
      for (const user of listed) {
        const grants = user.grants.map((g) =>
          g.kind === "organisation"
            ? `${g.role}@${g.organisation.slice(0, 8)}`
            : `${say("lecture", "read")}@${g.agreement.slice(0, 8)}<${context.when(g.until)}`,
        );
        print(
          `${user.id.slice(0, 8)}  ${user.email}${user.name ? ` (${user.name})` : ""}  ${grants.join(", ")}`,
        );
      }
    });
}
