// Audits of one tenant's agreements (GDPR Art. 28(3)(h)) and their findings; corrective actions are obligations.

import type { Kysely, Selectable } from "kysely";
import type { AuditKind, FindingSeverity } from "../domain/audit.js";
import type { LocalizedText } from "../domain/error.js";
import type { DueBasis } from "../domain/obligation.js";
import { rowById, rowsByIdPrefix } from "./key-lookup.js";
import type { AuditFindingsTable, AuditsTable, Database } from "./schema.js";

export interface StoredAudit {
  readonly id: string;
  readonly agreementId: string;
  readonly controllerId: string;
  readonly processorId: string;
  readonly kind: AuditKind;
  readonly scope: readonly string[];
  readonly breachId: string | null;
  readonly requestedAt: number;
  readonly earliestStart: number;
  readonly noticeExpires: number;
  readonly basis: DueBasis;
  readonly warnings: readonly LocalizedText[];
}

export interface StoredFinding {
  readonly id: string;
  readonly auditId: string;
  readonly agreementId: string;
  readonly severity: FindingSeverity;
  readonly description: string;
  readonly reportDeliveredAt: number;
  /** The corrective action it opened; null for an observation. */
  readonly obligationId: string | null;
}

function auditFromRow(r: Selectable<AuditsTable>): StoredAudit {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    controllerId: r.controller_id,
    processorId: r.processor_id,
    kind: r.kind as AuditKind,
    scope: JSON.parse(r.scope) as string[],
    breachId: r.breach_id,
    requestedAt: r.requested_at,
    earliestStart: r.earliest_start,
    noticeExpires: r.notice_expires,
    basis: JSON.parse(r.basis) as DueBasis,
    warnings: JSON.parse(r.warnings) as LocalizedText[],
  };
}

function findingFromRow(r: Selectable<AuditFindingsTable>): StoredFinding {
  return {
    id: r.id,
    auditId: r.audit_id,
    agreementId: r.agreement_id,
    severity: r.severity as FindingSeverity,
    description: r.description,
    reportDeliveredAt: r.report_delivered_at,
    obligationId: r.obligation_id,
  };
}

export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  async insert(audit: StoredAudit, now: number): Promise<void> {
    await this.db
      .insertInto("audits")
      .values({
        id: audit.id,
        tenant_id: this.tenant,
        agreement_id: audit.agreementId,
        controller_id: audit.controllerId,
        processor_id: audit.processorId,
        kind: audit.kind,
        scope: JSON.stringify(audit.scope),
        breach_id: audit.breachId,
        requested_at: audit.requestedAt,
        earliest_start: audit.earliestStart,
        notice_expires: audit.noticeExpires,
        basis: JSON.stringify(audit.basis),
        warnings: JSON.stringify(audit.warnings),
        created_at: now,
      })
      .execute();
  }

  async byId(id: string): Promise<StoredAudit | undefined> {
    const row = await rowById(this.db, "audits", this.tenant, id);
    return row ? auditFromRow(row) : undefined;
  }

  async byIdPrefix(prefix: string, limit = 2): Promise<StoredAudit[]> {
    return (await rowsByIdPrefix(this.db, "audits", this.tenant, prefix, limit)).map(auditFromRow);
  }

  async ofAgreement(agreementId: string): Promise<StoredAudit[]> {
    const rows = await this.db
      .selectFrom("audits")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .orderBy("earliest_start")
      .orderBy("id")
      .execute();
    return rows.map(auditFromRow);
  }

  async insertFindings(findings: readonly StoredFinding[], now: number): Promise<void> {
    if (findings.length === 0) return;
    await this.db
      .insertInto("audit_findings")
      .values(
        findings.map((f) => ({
          id: f.id,
          tenant_id: this.tenant,
          audit_id: f.auditId,
          agreement_id: f.agreementId,
          severity: f.severity,
          description: f.description,
          report_delivered_at: f.reportDeliveredAt,
          obligation_id: f.obligationId,
          created_at: now,
        })),
      )
      .execute();
  }

  async findingsOf(auditId: string): Promise<StoredFinding[]> {
    const rows = await this.db
      .selectFrom("audit_findings")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("audit_id", "=", auditId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(findingFromRow);
  }
}
