// Data-subject requests of one tenant: who received them, where they stand, and what was handed over.

import type { Kysely, Selectable } from "kysely";
import type {
  DataSubjectRequest,
  Outcome,
  Receiver,
  RequestState,
  Right,
} from "../domain/data-subject-request.js";
import type { Obligation } from "../domain/obligation-record.js";
import { rowById, rowsByIdPrefix } from "./key-lookup.js";
import { obligationFromRow } from "./obligation-repository.js";
import type { Database, DataSubjectRequestsTable } from "./schema.js";

/** One identity check: asked, then confirmed or not (GDPR Art. 12(6)). */
export interface IdentityCheck {
  readonly askedAt: number;
  readonly what: string | null;
  readonly checkedAt: number | null;
  readonly confirmed: boolean | null;
}

/** A document handed to the person or kept as proof: its name, format and content hash. */
export interface RequestAttachment {
  readonly name: string;
  readonly format: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** A request as the register keeps it: the domain's request and the parties it binds. */
export interface StoredRequest extends DataSubjectRequest {
  readonly controllerId: string;
  readonly processorId: string | null;
  readonly agreementId: string | null;
  /** A short description, never the person's identity documents. */
  readonly summary: string | null;
  readonly identity: IdentityCheck | null;
  readonly attachments: readonly RequestAttachment[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

function toRow(tenant: string, r: StoredRequest): DataSubjectRequestsTable {
  return {
    id: r.id,
    tenant_id: tenant,
    subject_right: r.right,
    received_by: r.receivedBy,
    controller_id: r.controllerId,
    processor_id: r.processorId,
    agreement_id: r.agreementId,
    received_at: r.receivedAt,
    controller_received_at: r.controllerReceivedAt,
    state: r.state,
    summary: r.summary,
    identity: r.identity ? JSON.stringify(r.identity) : null,
    extension: r.extension ? JSON.stringify(r.extension) : null,
    outcome: r.outcome ? JSON.stringify(r.outcome) : null,
    attachments: JSON.stringify(r.attachments),
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

function fromRow(r: Selectable<DataSubjectRequestsTable>): StoredRequest {
  return {
    id: r.id,
    right: r.subject_right as Right,
    receivedBy: r.received_by as Receiver,
    receivedAt: Number(r.received_at),
    state: r.state as RequestState,
    controllerReceivedAt: r.controller_received_at === null ? null : Number(r.controller_received_at),
    extension: r.extension ? (JSON.parse(r.extension) as StoredRequest["extension"]) : null,
    outcome: r.outcome
      ? (JSON.parse(r.outcome) as { kind: Outcome; at: number; reasons: string | null })
      : null,
    controllerId: r.controller_id,
    processorId: r.processor_id,
    agreementId: r.agreement_id,
    summary: r.summary,
    identity: r.identity ? (JSON.parse(r.identity) as IdentityCheck) : null,
    attachments: JSON.parse(r.attachments) as RequestAttachment[],
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export class RequestRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  async insert(request: StoredRequest): Promise<void> {
    await this.db.insertInto("data_subject_requests").values(toRow(this.tenant, request)).execute();
  }

  async save(request: StoredRequest): Promise<void> {
    const { id: _id, tenant_id: _tenant, created_at: _created, ...changes } = toRow(this.tenant, request);
    await this.db
      .updateTable("data_subject_requests")
      .set(changes)
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", request.id)
      .execute();
  }

  async byId(id: string): Promise<StoredRequest | undefined> {
    const row = await rowById(this.db, "data_subject_requests", this.tenant, id);
    return row ? fromRow(row) : undefined;
  }

  /** Requests whose id starts with `prefix` (people type the first characters of an id). */
  async byIdPrefix(prefix: string, limit = 2): Promise<StoredRequest[]> {
    return (await rowsByIdPrefix(this.db, "data_subject_requests", this.tenant, prefix, limit)).map(fromRow);
  }

  /** Requests an organisation holds as controller or processor, most recent first. */
  async list(organisationId?: string): Promise<StoredRequest[]> {
    let query = this.db.selectFrom("data_subject_requests").selectAll().where("tenant_id", "=", this.tenant);
    if (organisationId !== undefined) {
      query = query.where((eb) =>
        eb.or([eb("controller_id", "=", organisationId), eb("processor_id", "=", organisationId)]),
      );
    }
    const rows = await query.orderBy("received_at", "desc").orderBy("id").execute();
    return rows.map(fromRow);
  }

  /** Pending duties this request opened, of the given kinds. */
  async pendingDuties(requestId: string, kinds: readonly string[]): Promise<Obligation[]> {
    if (kinds.length === 0) return [];
    const rows = await this.db
      .selectFrom("obligations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("trigger_id", "=", requestId)
      .where("status", "in", ["open", "late"])
      .where("kind", "in", kinds)
      .orderBy("due")
      .orderBy("id")
      .execute();
    return rows.map(obligationFromRow);
  }
}
