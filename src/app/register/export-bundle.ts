// Use case: export the register (or one organisation's share of it) as a self-contained JSON bundle,
// rows as stored and the journal with its hashes, so an import elsewhere loses nothing and still verifies.

import type { Principal } from "../../domain/principal.js";
import type { BundleRows } from "../../store/exchange-repository.js";
import type { ChainLink } from "../../store/journal.js";
import { repositoriesFor } from "../../store/repositories.js";
import { Access } from "../access/access.js";
import { findOrganisation } from "./find-record.js";
import type { Register } from "./open-register.js";

export const BUNDLE_SCHEMA = "art28.bundle/1";

export interface BundleJournalEvent {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly type: string;
  /** The payload's canonical JSON text, exactly as hashed. */
  readonly payload: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface Bundle {
  readonly schema: typeof BUNDLE_SCHEMA;
  readonly exportedAt: number;
  readonly tenant: string;
  /** "tenant": everything, the journal whole; "organisation": one organisation's share, with a journal extract. */
  readonly scope: "tenant" | "organisation";
  readonly organisationId: string | null;
  readonly tables: BundleRows;
  readonly journal: {
    readonly head: { readonly seq: number; readonly hash: string } | null;
    readonly events: readonly BundleJournalEvent[];
  };
}

export interface ExportBundleOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input?: { readonly organisation?: string };
  readonly now: number;
}

function toEvent(link: ChainLink): BundleJournalEvent {
  return {
    seq: link.seq,
    at: link.at,
    actor: link.actor,
    type: link.type,
    payload: link.payload,
    prevHash: link.prevHash,
    hash: link.hash,
  };
}

export async function exportBundle({
  register,
  principal,
  input = {},
  now,
}: ExportBundleOptions): Promise<Bundle> {
  // One transaction, so rows and journal are read from the same snapshot.
  return register.store.transaction(async (db) => {
    const repositories = repositoriesFor(db, register.store.engine, principal.tenant);
    const access = new Access(principal, repositories, now, "read");
    const head = await repositories.journal.head(principal.tenant);
    if (!input.organisation) {
      access.requireOperator({ fr: "registre", en: "register" });
      const tables = await repositories.exchange.tenantRows();
      const links = await repositories.exchange.journal();
      return {
        schema: BUNDLE_SCHEMA,
        exportedAt: now,
        tenant: principal.tenant,
        scope: "tenant",
        organisationId: null,
        tables,
        journal: { head: head && head.seq > 0 ? head : null, events: links.map(toEvent) },
      };
    }
    const organisation = await findOrganisation({ ...repositories, access }, input.organisation, "--org");
    const tables = await repositories.exchange.organisationRows(organisation.id);
    const ids = new Set<string>([
      ...tables.organisations.map((r) => String(r.id)),
      ...tables.agreements.map((r) => String(r.id)),
      ...tables.obligations.map((r) => String(r.id)),
    ]);
    // The extract: events naming anything in the bundle. Each keeps its links, so each can be checked on its own.
    const links = (await repositories.exchange.journal()).filter((link) => {
      for (const id of ids) if (link.payload.includes(id)) return true;
      return false;
    });
    return {
      schema: BUNDLE_SCHEMA,
      exportedAt: now,
      tenant: principal.tenant,
      scope: "organisation",
      organisationId: organisation.id,
      tables,
      journal: { head: head && head.seq > 0 ? head : null, events: links.map(toEvent) },
    };
  });
}
