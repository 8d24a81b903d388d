// The users of one tenant and their grants, through the tenant's scope.

import type { Selectable } from "kysely";
import { type Grant, ROLES, type Role } from "../domain/principal.js";
import type { UserGrantsTable, UsersTable } from "./schema.js";
import type { TenantScope } from "./tenant-scope.js";

export interface StoredUser {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly createdAt: number;
}

/** A grant as stored: an organisation with a role, or one agreement read-only until an instant. */
export type StoredGrant = Exclude<Grant, { kind: "tenant" }>;

function userFromRow(r: Selectable<UsersTable>): StoredUser {
  return { id: r.id, email: r.email, name: r.name, createdAt: r.created_at };
}

function grantFromRow(r: Selectable<UserGrantsTable>): StoredGrant | undefined {
  if (r.organisation_id !== null && ROLES.includes(r.role as Role)) {
    return { kind: "organisation", organisation: r.organisation_id, role: r.role as Role };
  }
  if (r.agreement_id !== null && r.until !== null) {
    return { kind: "agreement", agreement: r.agreement_id, until: r.until };
  }
  return undefined;
}

export class UserRepository {
  constructor(private readonly scope: TenantScope) {}

  async insert(user: StoredUser): Promise<void> {
    await this.scope
      .insertInto("users", { id: user.id, email: user.email, name: user.name, created_at: user.createdAt })
      .execute();
  }

  /** A user by id, or by e-mail address (whatever its case). */
  async find(reference: string): Promise<StoredUser | undefined> {
    const text = reference.trim();
    const row = await this.scope
      .selectFrom("users")
      .selectAll()
      .where((eb) => eb.or([eb("id", "=", text), eb("email", "=", text.toLowerCase())]))
      .executeTakeFirst();
    return row ? userFromRow(row) : undefined;
  }

  async list(): Promise<StoredUser[]> {
    const rows = await this.scope.selectFrom("users").selectAll().orderBy("email").execute();
    return rows.map(userFromRow);
  }

  async grantsOf(userId: string): Promise<StoredGrant[]> {
    const rows = await this.scope
      .selectFrom("user_grants")
      .selectAll()
      .where("user_id", "=", userId)
      .orderBy("granted_at")
      .orderBy("id")
      .execute();
    return rows.map(grantFromRow).filter((g): g is StoredGrant => g !== undefined);
  }

  /** Gives a grant, replacing the user's grant on the same organisation or agreement. */
  async grant(id: string, userId: string, grant: StoredGrant, at: number): Promise<void> {
    await this.revoke(userId, grant.kind === "organisation" ? { organisation: grant.organisation } : grant);
    await this.scope
      .insertInto("user_grants", {
        id,
        user_id: userId,
        organisation_id: grant.kind === "organisation" ? grant.organisation : null,
        role: grant.kind === "organisation" ? grant.role : null,
        agreement_id: grant.kind === "agreement" ? grant.agreement : null,
        until: grant.kind === "agreement" ? grant.until : null,
        granted_at: at,
      })
      .execute();
  }

  /** Takes back the user's grant on an organisation or an agreement; answers whether there was one. */
  async revoke(userId: string, target: { organisation: string } | { agreement: string }): Promise<boolean> {
    let query = this.scope.deleteFrom("user_grants").where("user_id", "=", userId);
    query =
      "organisation" in target
        ? query.where("organisation_id", "=", target.organisation)
        : query.where("agreement_id", "=", target.agreement);
    const [result] = await query.execute();
    return (result?.numDeletedRows ?? 0n) > 0n;
  }
}
