// Who acts, in which tenant, and with which grants: every use case receives one, and the access rules read its grants.

/** The tenant a single-user installation (CLI on one file) works in when none is configured. */
export const DEFAULT_TENANT = "default";

/** What a member may do for an organisation: admin manages members, dpo and editor change, viewer reads. */
export const ROLES = ["admin", "dpo", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** The roles that may change records on an organisation's behalf (a viewer only reads). */
export const CHANGING_ROLES: ReadonlySet<Role> = new Set(["admin", "dpo", "editor"]);

export type Grant =
  /** A member of an organisation, with a role. */
  | { readonly kind: "organisation"; readonly organisation: string; readonly role: Role }
  /** An auditor: one agreement, read only, until an instant (exclusive, epoch ms). */
  | { readonly kind: "agreement"; readonly agreement: string; readonly until: number }
  /** The local operator: every organisation of the tenant, with every role. */
  | { readonly kind: "tenant" };

export interface Principal {
  /**
   * Stable id, recorded in the journal as the actor of what this principal does: `cli:<system user>` for the local
   * operator of the command line, `user:<id>` for a registered user, `system:<process>` for the worker.
   */
  readonly id: string;
  /** The tenant whose data the principal reads and writes; nothing outside it exists for the principal. */
  readonly tenant: string;
  readonly grants: readonly Grant[];
}

/** The operator of a local installation (the command line on its own database): full grants in its tenant. */
export function localOperator(id: string, tenant: string): Principal {
  return { id, tenant, grants: [{ kind: "tenant" }] };
}

/** Whether the principal holds full grants over its tenant (the local operator, the worker). */
export function isOperator(principal: Principal): boolean {
  return principal.grants.some((grant) => grant.kind === "tenant");
}
