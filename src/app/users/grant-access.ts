// Use case: give a registered user a grant — a role in an organisation, or one agreement read-only until a date (an
// auditor's) — replacing the grant the user held on the same organisation or agreement. An organisation's admins (and
// the operator) grant; an auditor's access is granted by an admin of one of the agreement's parties.

import { Art28Error, invalidInput } from "../../domain/error.js";
import { type Principal, ROLES, type Role } from "../../domain/principal.js";
import type { StoredGrant, StoredUser } from "../../store/user-repository.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId, type UnitOfWork } from "../register/unit-of-work.js";

export type GrantInput =
  | { readonly organisation: string; readonly role: string }
  | { readonly agreement: string; readonly until: number };

export interface GrantAccessOptions {
  readonly register: Register;
  readonly principal: Principal;
  /** The user (e-mail address or id) and what to grant. */
  readonly input: { readonly user: string } & GrantInput;
  readonly now: number;
}

export async function grantAccess({
  register,
  principal,
  input,
  now,
}: GrantAccessOptions): Promise<StoredGrant> {
  const { result } = await inTransaction(register, principal, now, async (unit) =>
    giveGrant(unit, await findUser(unit, input.user), input),
  );
  return result;
}

/** The step inside a unit of work (`createUser` gives its first grant through it). */
export async function giveGrant(unit: UnitOfWork, user: StoredUser, input: GrantInput): Promise<StoredGrant> {
  let grant: StoredGrant;
  if ("organisation" in input) {
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw invalidInput(
        { fr: `rôle inconnu « ${input.role} »`, en: `unknown role "${input.role}"` },
        { argument: "role", accepted: { fr: ROLES.join(", "), en: ROLES.join(", ") } },
      );
    }
    const organisation = await findOrganisation(unit, input.organisation, "org", "read");
    requireAdmin(unit, [organisation.id]);
    grant = { kind: "organisation", organisation: organisation.id, role: input.role as Role };
  } else {
    if (!Number.isFinite(input.until) || input.until <= unit.now) {
      throw invalidInput(
        { fr: "un accès d'auditeur expire après maintenant", en: "an auditor's access ends after now" },
        { argument: "until" },
      );
    }
    const agreement = await findAgreement(unit, input.agreement, "agreement", "read");
    requireAdmin(
      unit,
      agreement.parties.map((p) => p.organisationId),
    );
    grant = { kind: "agreement", agreement: agreement.id, until: input.until };
  }
  await unit.users.grant(newId(), user.id, grant, unit.now);
  unit.record({
    type: "access.granted",
    payload:
      grant.kind === "organisation"
        ? { v: 1, userId: user.id, organisationId: grant.organisation, role: grant.role }
        : { v: 1, userId: user.id, agreementId: grant.agreement, until: grant.until },
  });
  return grant;
}

export function requireAdmin(unit: UnitOfWork, organisationIds: readonly string[]): void {
  if (organisationIds.some((id) => unit.access.administers(id))) return;
  throw new Art28Error("forbidden", {
    fr: "seuls les administrateurs de l'organisation donnent ou retirent des droits",
    en: "only the organisation's admins give or take back grants",
  });
}

export async function findUser(unit: Pick<UnitOfWork, "users">, reference: string): Promise<StoredUser> {
  const user = await unit.users.find(reference);
  if (!user) {
    throw new Art28Error(
      "not_found",
      { fr: `utilisateur « ${reference} » introuvable`, en: `user "${reference}" not found` },
      { argument: "user" },
    );
  }
  return user;
}
