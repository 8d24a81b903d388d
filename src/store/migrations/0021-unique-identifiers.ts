// Migration 0021: one UAI, SIREN, SIRET or BCE number per organisation of a tenant, so a lookup by number finds one
// organisation, never the first of several (null numbers stay free: both engines let unique indexes hold many).

import type { Kysely, Migration } from "kysely";

const IDENTIFIERS = ["uai", "siren", "siret", "bce"] as const;

export const uniqueIdentifiers: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex("organisations_tenant_uai").execute();
    for (const column of IDENTIFIERS) {
      await db.schema
        .createIndex(`organisations_tenant_${column}_unique`)
        .on("organisations")
        .columns(["tenant_id", column])
        .unique()
        .execute();
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const column of IDENTIFIERS)
      await db.schema.dropIndex(`organisations_tenant_${column}_unique`).execute();
    await db.schema
      .createIndex("organisations_tenant_uai")
      .on("organisations")
      .columns(["tenant_id", "uai"])
      .execute();
  },
};
