// Organisations of one tenant: every query is scoped by the tenant it was built for.

import type { Kysely, Selectable } from "kysely";
import type { CalendarId } from "../domain/calendar.js";
import type { QualifierInterpretation } from "../domain/obligation.js";
import {
  type Organisation,
  type OrganisationIdentifiers,
  type OrganisationRole,
  type OrganisationType,
  organisationNameKey,
} from "../domain/organisation.js";
import { tenantOfKeyedRow } from "./key-lookup.js";
import type { Database, OrganisationsTable } from "./schema.js";

export function organisationToRow(o: Organisation): OrganisationsTable {
  return {
    id: o.id,
    tenant_id: o.tenant,
    name: o.name,
    name_key: organisationNameKey(o.name),
    type: o.type,
    roles: JSON.stringify(o.roles),
    uai: o.identifiers.uai ?? null,
    siren: o.identifiers.siren ?? null,
    siret: o.identifiers.siret ?? null,
    bce: o.identifiers.bce ?? null,
    country: o.country,
    calendar: o.calendar,
    dpo: o.dpo ? JSON.stringify(o.dpo) : null,
    qualifier_interpretation: o.qualifierInterpretation ? JSON.stringify(o.qualifierInterpretation) : null,
    created_at: o.createdAt,
  };
}

export function organisationFromRow(r: Selectable<OrganisationsTable>): Organisation {
  const identifiers: { uai?: string; siren?: string; siret?: string; bce?: string } = {};
  if (r.uai) identifiers.uai = r.uai;
  if (r.siren) identifiers.siren = r.siren;
  if (r.siret) identifiers.siret = r.siret;
  if (r.bce) identifiers.bce = r.bce;
  return {
    id: r.id,
    tenant: r.tenant_id,
    name: r.name,
    type: r.type as OrganisationType,
    roles: JSON.parse(r.roles) as OrganisationRole[],
    identifiers,
    country: r.country,
    calendar: r.calendar as CalendarId,
    dpo: r.dpo ? JSON.parse(r.dpo) : null,
    qualifierInterpretation: r.qualifier_interpretation
      ? (JSON.parse(r.qualifier_interpretation) as QualifierInterpretation)
      : null,
    createdAt: r.created_at,
  };
}

export class OrganisationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  async insert(organisation: Organisation): Promise<void> {
    await this.db.insertInto("organisations").values(organisationToRow(organisation)).execute();
  }

  async updateRoles(id: string, roles: readonly OrganisationRole[]): Promise<void> {
    await this.db
      .updateTable("organisations")
      .set({ roles: JSON.stringify(roles) })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .execute();
  }

  async byId(id: string): Promise<Organisation | undefined> {
    const row = await this.db
      .selectFrom("organisations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? organisationFromRow(row) : undefined;
  }

  /** By name (case, accents and spacing ignored), UAI, SIREN, SIRET or BCE number. */
  async find(reference: string): Promise<Organisation | undefined> {
    const key = organisationNameKey(reference);
    const compact = reference.replace(/[\s.]/g, "").toUpperCase();
    const row = await this.db
      .selectFrom("organisations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where((eb) =>
        eb.or([
          eb("name_key", "=", key),
          eb("id", "=", reference),
          eb("uai", "=", compact),
          eb("siren", "=", compact),
          eb("siret", "=", compact),
          eb("bce", "=", compact.replace(/^BE/, "")),
        ]),
      )
      .orderBy("created_at")
      .executeTakeFirst();
    return row ? organisationFromRow(row) : undefined;
  }

  /** The organisations that already hold one of these identifiers (UAI, SIREN, SIRET, BCE), with the one they share. */
  async holdingIdentifiers(
    identifiers: OrganisationIdentifiers,
  ): Promise<{ organisation: Organisation; identifier: keyof OrganisationIdentifiers }[]> {
    const kinds = (["uai", "siren", "siret", "bce"] as const).filter((k) => identifiers[k] !== undefined);
    if (kinds.length === 0) return [];
    const rows = await this.db
      .selectFrom("organisations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where((eb) => eb.or(kinds.map((k) => eb(k, "=", identifiers[k] as string))))
      .orderBy("created_at")
      .execute();
    return rows.flatMap((row) => {
      const organisation = organisationFromRow(row);
      const identifier = kinds.find((k) => organisation.identifiers[k] === identifiers[k]);
      return identifier ? [{ organisation, identifier }] : [];
    });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, Organisation>> {
    const found = new Map<string, Organisation>();
    if (ids.length === 0) return found;
    const rows = await this.db
      .selectFrom("organisations")
      .selectAll()
      .where("id", "in", [...new Set(ids)])
      .where(tenantOfKeyedRow(), "=", this.tenant)
      .execute();
    for (const row of rows) found.set(row.id, organisationFromRow(row));
    return found;
  }

  async list(): Promise<Organisation[]> {
    const rows = await this.db
      .selectFrom("organisations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .orderBy("name_key")
      .execute();
    return rows.map(organisationFromRow);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("tenant_id", "=", this.tenant)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
