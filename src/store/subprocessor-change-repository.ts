// Sub-processor changes of one tenant: the announcement, one objection window per agreement, the controllers'
// answers, and the sub-processors each agreement has in use.
//
// Tenancy: an agreement and all its parties live in one tenant (the register's rule), so a change is stored in
// the tenant that holds the processor's agreements, and every window row carries the tenant of its agreement;
// each controller reads its windows there. A controller in another tenant learns of the change from the outbox
// notice and the public list, never by reading across tenants.

import type { Kysely, Selectable } from "kysely";
import type { TransferMechanism } from "../domain/agreement.js";
import type { LocalizedText } from "../domain/error.js";
import type { DueBasis } from "../domain/obligation.js";
import type {
  ObjectionRemedy,
  ObjectionResponse,
  ObjectionWindow,
  SettlementStatus,
  SubprocessorChange,
} from "../domain/subprocessor-change.js";
import { type SubprocessorUse, subprocessorNameKey } from "../domain/subprocessor-use.js";
import type { AgreementTerms, ObjectionSilence } from "../domain/terms.js";
import { insertMany } from "./bulk-insert.js";
import type { Engine } from "./engine.js";
import { rowById, rowsByIdPrefix } from "./key-lookup.js";
import type {
  Database,
  SubprocessorChangesTable,
  SubprocessorResponsesTable,
  SubprocessorUsesTable,
  SubprocessorWindowsTable,
} from "./schema.js";

/** A window as stored: the domain's window, with its id, where it stands and the duty it opened. */
export interface StoredWindow extends ObjectionWindow {
  readonly id: string;
  readonly processorId: string;
  readonly status: SettlementStatus;
  readonly settledAt: number | null;
  readonly consequence: LocalizedText | null;
  readonly obligationId: string | null;
}

export interface WindowTally {
  readonly byStatus: Readonly<Partial<Record<SettlementStatus, number>>>;
  /** When the first window still open closes; null when none is open. */
  readonly nextClose: number | null;
}

export interface StoredResponse extends ObjectionResponse {
  readonly id: string;
  readonly windowId: string;
  readonly by: string;
}

const IN_CHUNK = 500;

function changeFromRow(r: Selectable<SubprocessorChangesTable>): SubprocessorChange {
  return {
    id: r.id,
    processorId: r.processor_id,
    kind: r.kind as SubprocessorChange["kind"],
    subprocessor: {
      name: r.name,
      siret: r.siret,
      activity: r.activity,
      location: r.location,
      transferMechanism: r.transfer_mechanism as TransferMechanism,
    },
    replaces: r.replaces,
    announcedAt: r.announced_at,
  };
}

function windowToRow(tenant: string, w: StoredWindow, now: number): SubprocessorWindowsTable {
  return {
    id: w.id,
    tenant_id: tenant,
    change_id: w.changeId,
    agreement_id: w.agreementId,
    controller_id: w.controllerId,
    processor_id: w.processorId,
    opens_at: w.opensAt,
    closes_at: w.closesAt,
    basis: JSON.stringify(w.basis),
    silence: w.silence,
    approval_required: w.approvalRequired ? 1 : 0,
    blocked: w.blocked ? JSON.stringify(w.blocked) : null,
    on_objection: w.onObjection,
    status: w.status,
    settled_at: w.settledAt,
    consequence: w.consequence ? JSON.stringify(w.consequence) : null,
    obligation_id: w.obligationId,
    created_at: now,
  };
}

function windowFromRow(r: Selectable<SubprocessorWindowsTable>): StoredWindow {
  return {
    id: r.id,
    changeId: r.change_id,
    agreementId: r.agreement_id,
    controllerId: r.controller_id,
    processorId: r.processor_id,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    basis: JSON.parse(r.basis) as DueBasis,
    silence: r.silence as ObjectionSilence,
    approvalRequired: Number(r.approval_required) === 1,
    blocked: r.blocked ? (JSON.parse(r.blocked) as LocalizedText) : null,
    onObjection: r.on_objection as ObjectionRemedy,
    status: r.status as SettlementStatus,
    settledAt: r.settled_at,
    consequence: r.consequence ? (JSON.parse(r.consequence) as LocalizedText) : null,
    obligationId: r.obligation_id,
  };
}

function responseFromRow(r: Selectable<SubprocessorResponsesTable>): StoredResponse {
  return {
    id: r.id,
    windowId: r.window_id,
    agreementId: r.agreement_id,
    kind: r.kind as "approve" | "object",
    at: r.at,
    reasons: r.reasons,
    by: r.by,
  };
}

function useFromRow(r: Selectable<SubprocessorUsesTable>): SubprocessorUse {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    processorId: r.processor_id,
    changeId: r.change_id,
    name: r.name,
    siret: r.siret,
    activity: r.activity,
    location: r.location,
    transferMechanism: r.transfer_mechanism as TransferMechanism,
    from: r.in_use_from,
    until: r.in_use_until,
  };
}

export class SubprocessorChangeRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly tenant: string,
  ) {}

  /**
   * The processor's active agreements as a fan-out needs them — id, controller and terms — in one query rather
   * than whole agreements, so announcing to thousands of customers reads little.
   */
  async activeAgreementsOf(
    processorId: string,
  ): Promise<{ agreementId: string; controllerId: string; terms: AgreementTerms }[]> {
    const rows = await this.db
      .selectFrom("agreements as a")
      .innerJoin("agreement_parties as c", (join) =>
        join.onRef("c.agreement_id", "=", "a.id").on("c.role", "=", "controller"),
      )
      .innerJoin("agreement_parties as p", (join) =>
        join.onRef("p.agreement_id", "=", "a.id").on("p.role", "=", "processor"),
      )
      .select(["a.id", "a.terms", "c.organisation_id as controller_id"])
      .where("a.tenant_id", "=", this.tenant)
      .where("c.tenant_id", "=", this.tenant)
      .where("p.tenant_id", "=", this.tenant)
      .where("p.organisation_id", "=", processorId)
      .where("a.status", "=", "active")
      .orderBy("a.created_at")
      .orderBy("a.id")
      .execute();
    return rows.map((r) => ({
      agreementId: r.id,
      controllerId: r.controller_id,
      terms: JSON.parse(r.terms) as AgreementTerms,
    }));
  }

  async insertChange(change: SubprocessorChange, now: number): Promise<void> {
    const s = change.subprocessor;
    await this.db
      .insertInto("subprocessor_changes")
      .values({
        id: change.id,
        tenant_id: this.tenant,
        processor_id: change.processorId,
        kind: change.kind,
        name: s.name,
        siret: s.siret,
        activity: s.activity,
        location: s.location,
        transfer_mechanism: s.transferMechanism,
        replaces: change.replaces,
        announced_at: change.announcedAt,
        created_at: now,
      })
      .execute();
  }

  async changeById(id: string): Promise<SubprocessorChange | undefined> {
    const row = await rowById(this.db, "subprocessor_changes", this.tenant, id);
    return row ? changeFromRow(row) : undefined;
  }

  /** Changes whose id starts with `prefix` (people type the first characters of an id). */
  async changesByIdPrefix(prefix: string, limit = 2): Promise<SubprocessorChange[]> {
    return (await rowsByIdPrefix(this.db, "subprocessor_changes", this.tenant, prefix, limit)).map(
      changeFromRow,
    );
  }

  /** A processor's changes (every processor's when none is given), most recent first. */
  async changesOf(processorId?: string): Promise<SubprocessorChange[]> {
    let query = this.db.selectFrom("subprocessor_changes").selectAll().where("tenant_id", "=", this.tenant);
    if (processorId !== undefined) query = query.where("processor_id", "=", processorId);
    const rows = await query.orderBy("announced_at", "desc").orderBy("id", "desc").execute();
    return rows.map(changeFromRow);
  }

  /** How many windows of each change stand in each status, and when the first still open closes. */
  /** Windows counted by status per change; only those on `agreementIds` when given (what a member may see). */
  async windowTallies(
    changeIds: readonly string[],
    agreementIds?: readonly string[],
  ): Promise<Map<string, WindowTally>> {
    const tallies = new Map<string, WindowTally>();
    if (agreementIds !== undefined && agreementIds.length === 0) return tallies;
    for (let i = 0; i < changeIds.length; i += IN_CHUNK) {
      let query = this.db
        .selectFrom("subprocessor_windows")
        .select(["change_id", "status"])
        .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.min("closes_at").as("first_close")])
        .where("tenant_id", "=", this.tenant)
        .where("change_id", "in", changeIds.slice(i, i + IN_CHUNK));
      if (agreementIds !== undefined) query = query.where("agreement_id", "in", agreementIds);
      const rows = await query.groupBy(["change_id", "status"]).execute();
      for (const row of rows) {
        const tally = tallies.get(row.change_id) ?? { byStatus: {}, nextClose: null };
        const status = row.status as SettlementStatus;
        const byStatus = { ...tally.byStatus, [status]: Number(row.count) };
        const nextClose = status === "open" ? Number(row.first_close) : tally.nextClose;
        tallies.set(row.change_id, { byStatus, nextClose });
      }
    }
    return tallies;
  }

  async insertWindows(windows: readonly StoredWindow[], now: number): Promise<void> {
    await insertMany(
      this.db,
      this.engine,
      "subprocessor_windows",
      windows.map((w) => windowToRow(this.tenant, w, now)),
    );
  }

  async windowsOfChange(changeId: string): Promise<StoredWindow[]> {
    const rows = await this.db
      .selectFrom("subprocessor_windows")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("change_id", "=", changeId)
      .orderBy("closes_at")
      .orderBy("id")
      .execute();
    return rows.map(windowFromRow);
  }

  async windowsOfAgreement(agreementId: string): Promise<StoredWindow[]> {
    const rows = await this.db
      .selectFrom("subprocessor_windows")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .orderBy("opens_at")
      .orderBy("id")
      .execute();
    return rows.map(windowFromRow);
  }

  /** Windows still open whose end has come (the sweep's work), oldest first. */
  async windowsToSettle(now: number, limit: number): Promise<StoredWindow[]> {
    const rows = await this.db
      .selectFrom("subprocessor_windows")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("status", "=", "open")
      .where("closes_at", "<=", now)
      .orderBy("closes_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(windowFromRow);
  }

  /**
   * Settles a window that is still open; false when it no longer was. Two workers sweeping at once (or a sweep and
   * an answer) cannot both settle it: on PostgreSQL the second update waits for the first and then finds it settled.
   */
  async saveSettlement(window: StoredWindow): Promise<boolean> {
    const result = await this.db
      .updateTable("subprocessor_windows")
      .set({
        status: window.status,
        settled_at: window.settledAt,
        consequence: window.consequence ? JSON.stringify(window.consequence) : null,
      })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", window.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async insertResponse(response: StoredResponse, now: number): Promise<void> {
    await this.db
      .insertInto("subprocessor_responses")
      .values({
        id: response.id,
        tenant_id: this.tenant,
        window_id: response.windowId,
        agreement_id: response.agreementId,
        kind: response.kind,
        at: response.at,
        reasons: response.reasons,
        by: response.by,
        created_at: now,
      })
      .execute();
  }

  /** Answers to the given windows, in the order they were given. */
  async responsesTo(windowIds: readonly string[]): Promise<StoredResponse[]> {
    const found: StoredResponse[] = [];
    for (let i = 0; i < windowIds.length; i += IN_CHUNK) {
      const rows = await this.db
        .selectFrom("subprocessor_responses")
        .selectAll()
        .where("tenant_id", "=", this.tenant)
        .where("window_id", "in", windowIds.slice(i, i + IN_CHUNK))
        .orderBy("at")
        .orderBy("id")
        .execute();
      found.push(...rows.map(responseFromRow));
    }
    return found;
  }

  async insertUses(uses: readonly SubprocessorUse[], now: number): Promise<void> {
    const rows: SubprocessorUsesTable[] = uses.map((u) => ({
      id: u.id,
      tenant_id: this.tenant,
      agreement_id: u.agreementId,
      processor_id: u.processorId,
      change_id: u.changeId,
      name: u.name,
      name_key: subprocessorNameKey(u.name),
      siret: u.siret,
      activity: u.activity,
      location: u.location,
      transfer_mechanism: u.transferMechanism,
      in_use_from: u.from,
      in_use_until: u.until,
      created_at: now,
    }));
    await insertMany(this.db, this.engine, "subprocessor_uses", rows);
  }

  /** Ends the use of a sub-processor under one agreement. */
  async endUse(id: string, until: number): Promise<void> {
    await this.db
      .updateTable("subprocessor_uses")
      .set({ in_use_until: until })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", id)
      .execute();
  }

  async usesOfAgreements(agreementIds: readonly string[]): Promise<SubprocessorUse[]> {
    const found: SubprocessorUse[] = [];
    for (let i = 0; i < agreementIds.length; i += IN_CHUNK) {
      const rows = await this.db
        .selectFrom("subprocessor_uses")
        .selectAll()
        .where("tenant_id", "=", this.tenant)
        .where("agreement_id", "in", agreementIds.slice(i, i + IN_CHUNK))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      found.push(...rows.map(useFromRow));
    }
    return found;
  }

  async usesOfProcessor(processorId: string): Promise<SubprocessorUse[]> {
    const rows = await this.db
      .selectFrom("subprocessor_uses")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("processor_id", "=", processorId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(useFromRow);
  }
}
