// Breaches of one tenant: the report, its notices in phases, its notification per controller, and each side's
// register entry (GDPR Art. 33(5)). Fan-out rows are inserted in batches: one breach may touch a thousand schools.

import type { Kysely, Selectable } from "kysely";
import type { Breach, BreachDetails, BreachNotice, BreachSide } from "../domain/breach.js";
import type { BreachRegisterEntry } from "../domain/breach-register.js";
import type { BreachRiskAssessment } from "../domain/breach-risk.js";
import type { Obligation } from "../domain/obligation-record.js";
import { insertMany } from "./bulk-insert.js";
import type { Engine } from "./engine.js";
import { rowById, rowsByIdPrefix } from "./key-lookup.js";
import { obligationFromRow } from "./obligation-repository.js";
import type {
  BreachesTable,
  BreachNoticesTable,
  BreachNotificationsTable,
  BreachRegisterEntriesTable,
  Database,
} from "./schema.js";

/** A breach notified to one controller under one agreement, and what that controller did with it. */
export interface BreachNotificationRecord {
  readonly id: string;
  readonly breachId: string;
  readonly controllerId: string;
  readonly agreementId: string;
  /** The processor's duty to notify this controller (GDPR Art. 33(2)). */
  readonly obligationId: string;
  readonly due: number;
  readonly controllerAwareAt: number | null;
  /** The controller asked the processor to notify the authority on its behalf. */
  readonly mandated: boolean;
  readonly createdAt: number;
}

export interface StoredBreachNotice extends BreachNotice {
  readonly id: string;
  readonly senderId: string;
  /** A controller's id, or an authority ("CNIL", "APD"). */
  readonly recipient: string;
}

export interface StoredRegisterEntry {
  readonly id: string;
  readonly entry: BreachRegisterEntry;
  readonly assessment: BreachRiskAssessment | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const DETAIL_KEYS: readonly (keyof BreachDetails)[] = [
  "natures",
  "discoveredAt",
  "awareAt",
  "occurredFrom",
  "occurredUntil",
  "description",
  "dataCategories",
  "approximatePeople",
  "approximateRecords",
  "likelyConsequences",
  "measuresTaken",
  "measuresProposed",
  "contact",
];

function detailsOf(breach: Breach): BreachDetails {
  const details: Record<string, unknown> = {};
  for (const key of DETAIL_KEYS) details[key] = breach[key];
  return details as BreachDetails;
}

function breachToRow(tenant: string, breach: Breach, at: number): BreachesTable {
  return {
    id: breach.id,
    tenant_id: tenant,
    recorded_by: breach.recordedBy,
    side: breach.side,
    details: JSON.stringify(detailsOf(breach)),
    aware_at: breach.awareAt,
    created_at: at,
    updated_at: at,
  };
}

function breachFromRow(r: Selectable<BreachesTable>): Breach {
  return {
    ...(JSON.parse(r.details) as BreachDetails),
    id: r.id,
    recordedBy: r.recorded_by,
    side: r.side as BreachSide,
  };
}

function notificationFromRow(r: Selectable<BreachNotificationsTable>): BreachNotificationRecord {
  return {
    id: r.id,
    breachId: r.breach_id,
    controllerId: r.controller_id,
    agreementId: r.agreement_id,
    obligationId: r.obligation_id,
    due: Number(r.due),
    controllerAwareAt: r.controller_aware_at === null ? null : Number(r.controller_aware_at),
    mandated: Number(r.mandated) === 1,
    createdAt: Number(r.created_at),
  };
}

function noticeFromRow(r: Selectable<BreachNoticesTable>): StoredBreachNotice {
  return {
    ...(JSON.parse(r.notice) as BreachNotice),
    id: r.id,
    senderId: r.sender_id,
    recipient: r.recipient,
  };
}

function entryFromRow(r: Selectable<BreachRegisterEntriesTable>): StoredRegisterEntry {
  return {
    id: r.id,
    entry: JSON.parse(r.entry) as BreachRegisterEntry,
    assessment: r.assessment ? (JSON.parse(r.assessment) as BreachRiskAssessment) : null,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export class BreachRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly tenant: string,
  ) {}

  async insert(breach: Breach, at: number): Promise<void> {
    await this.db
      .insertInto("breaches")
      .values(breachToRow(this.tenant, breach, at))
      .execute();
  }

  /** Saves the report as updated (Art. 33(4)); its identity and recorder never change. */
  async saveDetails(breach: Breach, at: number): Promise<void> {
    await this.db
      .updateTable("breaches")
      .set({ details: JSON.stringify(detailsOf(breach)), aware_at: breach.awareAt, updated_at: at })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", breach.id)
      .execute();
  }

  async byId(id: string): Promise<Breach | undefined> {
    const row = await rowById(this.db, "breaches", this.tenant, id);
    return row ? breachFromRow(row) : undefined;
  }

  /** Breaches whose id starts with `prefix` (people type the first characters of an id). */
  async byIdPrefix(prefix: string, limit = 2): Promise<Breach[]> {
    return (await rowsByIdPrefix(this.db, "breaches", this.tenant, prefix, limit)).map(breachFromRow);
  }

  /** Breaches an organisation recorded or was notified of, most recent awareness first. */
  async list(organisationId?: string): Promise<Breach[]> {
    let query = this.db.selectFrom("breaches").selectAll().where("tenant_id", "=", this.tenant);
    if (organisationId !== undefined) {
      query = query.where((eb) =>
        eb.or([
          eb("recorded_by", "=", organisationId),
          eb(
            "id",
            "in",
            eb
              .selectFrom("breach_notifications")
              .select("breach_id")
              .where("tenant_id", "=", this.tenant)
              .where("controller_id", "=", organisationId),
          ),
        ]),
      );
    }
    const rows = await query.orderBy("aware_at", "desc").orderBy("id").execute();
    return rows.map(breachFromRow);
  }

  async insertNotifications(records: readonly BreachNotificationRecord[]): Promise<void> {
    const rows: BreachNotificationsTable[] = records.map((n) => ({
      id: n.id,
      tenant_id: this.tenant,
      breach_id: n.breachId,
      controller_id: n.controllerId,
      agreement_id: n.agreementId,
      obligation_id: n.obligationId,
      due: n.due,
      controller_aware_at: n.controllerAwareAt,
      mandated: n.mandated ? 1 : 0,
      created_at: n.createdAt,
    }));
    await insertMany(this.db, this.engine, "breach_notifications", rows);
  }

  async notifications(breachId: string): Promise<BreachNotificationRecord[]> {
    const rows = await this.db
      .selectFrom("breach_notifications")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("breach_id", "=", breachId)
      .orderBy("due")
      .orderBy("controller_id")
      .execute();
    return rows.map(notificationFromRow);
  }

  async saveControllerAwareness(
    breachId: string,
    controllerId: string,
    awareAt: number,
    mandated: boolean,
  ): Promise<void> {
    await this.db
      .updateTable("breach_notifications")
      .set({ controller_aware_at: awareAt, mandated: mandated ? 1 : 0 })
      .where("tenant_id", "=", this.tenant)
      .where("breach_id", "=", breachId)
      .where("controller_id", "=", controllerId)
      .execute();
  }

  async insertNotices(notices: readonly StoredBreachNotice[], at: number): Promise<void> {
    const rows: BreachNoticesTable[] = notices.map((n) => {
      const { id, senderId, recipient, ...notice } = n;
      return {
        id,
        tenant_id: this.tenant,
        breach_id: n.breachId,
        sender_id: senderId,
        recipient,
        phase: n.phase,
        sequence: n.sequence,
        sent_at: n.sentAt,
        notice: JSON.stringify(notice),
        created_at: at,
      };
    });
    await insertMany(this.db, this.engine, "breach_notices", rows);
  }

  /** Notices of a breach, optionally only those sent by one organisation, in the order they were sent. */
  async notices(breachId: string, senderId?: string): Promise<StoredBreachNotice[]> {
    let query = this.db
      .selectFrom("breach_notices")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("breach_id", "=", breachId);
    if (senderId !== undefined) query = query.where("sender_id", "=", senderId);
    const rows = await query.orderBy("sequence").orderBy("recipient").execute();
    return rows.map(noticeFromRow);
  }

  /** Writes a side's register entry, replacing the previous state of that keeper's entry (Art. 33(5)). */
  async saveRegisterEntry(
    id: string,
    entry: BreachRegisterEntry,
    assessment: BreachRiskAssessment | null,
    at: number,
  ): Promise<void> {
    const existing = await this.db
      .selectFrom("breach_register_entries")
      .select("id")
      .where("tenant_id", "=", this.tenant)
      .where("breach_id", "=", entry.breachId)
      .where("keeper_id", "=", entry.keeperId)
      .executeTakeFirst();
    const values = {
      side: entry.side,
      risk_level: entry.riskLevel,
      assessment: assessment ? JSON.stringify(assessment) : null,
      entry: JSON.stringify(entry),
      updated_at: at,
    };
    if (existing) {
      await this.db
        .updateTable("breach_register_entries")
        .set(values)
        .where("tenant_id", "=", this.tenant)
        .where("id", "=", existing.id)
        .execute();
      return;
    }
    await this.db
      .insertInto("breach_register_entries")
      .values({
        id,
        tenant_id: this.tenant,
        breach_id: entry.breachId,
        keeper_id: entry.keeperId,
        created_at: at,
        ...values,
      })
      .execute();
  }

  async registerEntry(breachId: string, keeperId: string): Promise<StoredRegisterEntry | undefined> {
    const row = await this.db
      .selectFrom("breach_register_entries")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("breach_id", "=", breachId)
      .where("keeper_id", "=", keeperId)
      .executeTakeFirst();
    return row ? entryFromRow(row) : undefined;
  }

  async registerEntries(breachId: string): Promise<StoredRegisterEntry[]> {
    const rows = await this.db
      .selectFrom("breach_register_entries")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("breach_id", "=", breachId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(entryFromRow);
  }

  /** Pending duties a breach (or a controller's awareness of it) opened, of the given kinds. */
  async pendingDuties(breachId: string, kinds: readonly string[]): Promise<Obligation[]> {
    if (kinds.length === 0) return [];
    const rows = await this.db
      .selectFrom("obligations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("trigger_id", "=", breachId)
      .where("status", "in", ["open", "late"])
      .where("kind", "in", kinds)
      .orderBy("due")
      .orderBy("id")
      .execute();
    return rows.map(obligationFromRow);
  }
}
