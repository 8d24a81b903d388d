// The one answer to "may this principal read or change what concerns these organisations and agreements?", from the
// principal's grants and the store's allowed sets; what lies outside is not found, so its existence does not leak.

import { Art28Error } from "../../domain/error.js";
import { CHANGING_ROLES, isOperator, type Principal } from "../../domain/principal.js";
import type { Repositories } from "../../store/repositories.js";

/** Reading, or changing (which also needs a role that changes: admin, dpo, editor). */
export type AccessMode = "read" | "change";

/** What a record concerns: the organisations and the agreements it belongs to. */
export interface Concerns {
  readonly organisations?: readonly (string | null | undefined)[];
  readonly agreements?: readonly (string | null | undefined)[];
}

/** Everything, or the ids in the set. */
export type Allowed = "all" | ReadonlySet<string>;

export function allows(allowed: Allowed, id: string | null | undefined): boolean {
  return id !== null && id !== undefined && (allowed === "all" || allowed.has(id));
}

/** The two sides of an agreement, as refusals name them. */
export const SIDE = {
  controller: { fr: "le responsable de traitement", en: "the controller" },
  processor: { fr: "le sous-traitant", en: "the processor" },
} as const;

export class Access {
  private readonly agreementSets = new Map<AccessMode, Promise<Allowed>>();

  constructor(
    readonly principal: Principal,
    private readonly repositories: Pick<Repositories, "agreements">,
    private readonly now: number,
    /** What a lookup checks when the use case does not say: change inside a transaction, read outside. */
    readonly defaultMode: AccessMode,
  ) {}

  /** The local operator (or the worker): every organisation of its tenant, every role. */
  get operator(): boolean {
    return isOperator(this.principal);
  }

  /** The organisations the principal may read, or change, as a member. */
  organisations(mode: AccessMode): Allowed {
    if (this.operator) return "all";
    const ids = new Set<string>();
    for (const grant of this.principal.grants) {
      if (grant.kind !== "organisation") continue;
      if (mode === "read" || CHANGING_ROLES.has(grant.role)) ids.add(grant.organisation);
    }
    return ids;
  }

  /** The agreements the principal may read (as a party's member or an auditor whose grant runs), or change. */
  agreements(mode: AccessMode): Promise<Allowed> {
    let allowed = this.agreementSets.get(mode);
    if (!allowed) {
      allowed = this.loadAgreements(mode);
      this.agreementSets.set(mode, allowed);
    }
    return allowed;
  }

  private async loadAgreements(mode: AccessMode): Promise<Allowed> {
    const organisations = this.organisations(mode);
    if (organisations === "all") return "all";
    const ids = await this.repositories.agreements.idsOfParties([...organisations]);
    if (mode === "read") {
      for (const grant of this.principal.grants) {
        if (grant.kind === "agreement" && this.now < grant.until) ids.add(grant.agreement);
      }
    }
    return ids;
  }

  /** Whether anything the record concerns is within the principal's reach. */
  async reaches(concerns: Concerns, mode: AccessMode): Promise<boolean> {
    if (this.operator) return true;
    const organisations = this.organisations(mode);
    if ((concerns.organisations ?? []).some((id) => allows(organisations, id))) return true;
    const wanted = (concerns.agreements ?? []).filter((id): id is string => typeof id === "string");
    if (wanted.length === 0) return false;
    const agreements = await this.agreements(mode);
    return wanted.some((id) => allows(agreements, id));
  }

  /**
   * Goes on only when the record is within reach; otherwise the record's own "not found" for an outsider, and
   * `forbidden` for one who may read it but asked to change it (it knows the record exists already).
   */
  async require(concerns: Concerns, mode: AccessMode, notFound: () => Art28Error): Promise<void> {
    if (await this.reaches(concerns, mode)) return;
    if (mode === "change" && (await this.reaches(concerns, "read"))) {
      throw new Art28Error("forbidden", {
        fr: "vos droits sur cet enregistrement permettent de le lire, non de le modifier",
        en: "your grants on this record let you read it, not change it",
      });
    }
    throw notFound();
  }

  /**
   * The side a step is taken for (the controller answers, the processor forwards…) must be one the principal acts for.
   * Called once the record is known to be within reach, so the refusal is `forbidden`, naming the side.
   */
  actFor(organisationId: string, side: { fr: string; en: string }): void {
    if (allows(this.organisations("change"), organisationId)) return;
    throw new Art28Error("forbidden", {
      fr: `seul ${side.fr} peut faire ceci, et vous n'agissez pas pour lui`,
      en: `only ${side.en} may do this, and you do not act for it`,
    });
  }

  /** Whether the principal manages the organisation's members: the operator, or an admin of it. */
  administers(organisationId: string): boolean {
    if (this.operator) return true;
    return this.principal.grants.some(
      (g) => g.kind === "organisation" && g.organisation === organisationId && g.role === "admin",
    );
  }

  /** Tenant-wide operations (bundles, the whole journal, backups, the outbox) are the operator's alone. */
  requireOperator(what: { fr: string; en: string }): void {
    if (this.operator) return;
    throw new Art28Error("not_found", { fr: `${what.fr} introuvable`, en: `${what.en} not found` });
  }

  /** Keeps the records within reach, in their order. */
  async filter<T>(
    records: readonly T[],
    concerns: (record: T) => Concerns | Promise<Concerns>,
    mode: AccessMode = "read",
  ): Promise<T[]> {
    if (this.operator) return [...records];
    const kept: T[] = [];
    for (const record of records) if (await this.reaches(await concerns(record), mode)) kept.push(record);
    return kept;
  }
}
