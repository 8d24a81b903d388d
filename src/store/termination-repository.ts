// The end of one tenant's agreements: terminations and the controller's choice, legal retention exceptions,
// and the deletion or return certificates with their acknowledgement (GDPR Art. 28(3)(g)).

import type { Kysely, Selectable } from "kysely";
import type { EndChoice, RetentionException, Termination } from "../domain/end-of-contract.js";
import type { DueBasis } from "../domain/obligation.js";
import type { CertificatesTable, Database, RetentionExceptionsTable, TerminationsTable } from "./schema.js";

export interface SubprocessorDuty {
  readonly subprocessorId: string;
  readonly name: string;
  readonly obligationId: string;
}

export interface StoredTermination extends Termination {
  readonly id: string;
  readonly agreementId: string;
  readonly choice: EndChoice | null;
  readonly chosenAt: number | null;
  readonly subprocessorDuties: readonly SubprocessorDuty[];
}

export interface StoredRetentionException extends RetentionException {
  readonly id: string;
  readonly agreementId: string;
  readonly terminationId: string;
}

export interface StoredCertificate {
  readonly id: string;
  readonly agreementId: string;
  readonly terminationId: string;
  readonly kind: EndChoice;
  /** The certificate's canonical JSON, exactly as hashed. */
  readonly content: string;
  readonly sha256: string;
  readonly issuedAt: number;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
}

function terminationFromRow(r: Selectable<TerminationsTable>): StoredTermination {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    kind: r.kind as Termination["kind"],
    by: r.by,
    noticeGivenAt: r.notice_given_at,
    endsAt: r.ends_at,
    grounds: r.grounds,
    noticeBasis: r.notice_basis ? (JSON.parse(r.notice_basis) as DueBasis) : null,
    choice: r.choice as EndChoice | null,
    chosenAt: r.chosen_at,
    subprocessorDuties: r.subprocessor_duties
      ? (JSON.parse(r.subprocessor_duties) as SubprocessorDuty[])
      : [],
  };
}

function exceptionFromRow(r: Selectable<RetentionExceptionsTable>): StoredRetentionException {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    terminationId: r.termination_id,
    dataCategories: JSON.parse(r.data_categories) as string[],
    ground: r.ground,
    until: r.until,
  };
}

function certificateFromRow(r: Selectable<CertificatesTable>): StoredCertificate {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    terminationId: r.termination_id,
    kind: r.kind as EndChoice,
    content: r.content,
    sha256: r.sha256,
    issuedAt: r.issued_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
  };
}

export class TerminationRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  async insert(termination: StoredTermination, now: number): Promise<void> {
    await this.db
      .insertInto("terminations")
      .values({
        id: termination.id,
        tenant_id: this.tenant,
        agreement_id: termination.agreementId,
        kind: termination.kind,
        by: termination.by,
        notice_given_at: termination.noticeGivenAt,
        ends_at: termination.endsAt,
        grounds: termination.grounds,
        notice_basis: termination.noticeBasis ? JSON.stringify(termination.noticeBasis) : null,
        choice: termination.choice,
        chosen_at: termination.chosenAt,
        subprocessor_duties: JSON.stringify(termination.subprocessorDuties),
        created_at: now,
      })
      .execute();
  }

  async saveChoice(termination: StoredTermination): Promise<void> {
    await this.db
      .updateTable("terminations")
      .set({
        choice: termination.choice,
        chosen_at: termination.chosenAt,
        subprocessor_duties: JSON.stringify(termination.subprocessorDuties),
      })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", termination.id)
      .execute();
  }

  /** The agreement's termination, if it has been terminated. */
  async ofAgreement(agreementId: string): Promise<StoredTermination | undefined> {
    const row = await this.db
      .selectFrom("terminations")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    return row ? terminationFromRow(row) : undefined;
  }

  async insertException(exception: StoredRetentionException, now: number): Promise<void> {
    await this.db
      .insertInto("retention_exceptions")
      .values({
        id: exception.id,
        tenant_id: this.tenant,
        agreement_id: exception.agreementId,
        termination_id: exception.terminationId,
        data_categories: JSON.stringify(exception.dataCategories),
        ground: exception.ground,
        until: exception.until,
        created_at: now,
      })
      .execute();
  }

  async exceptionsOf(terminationId: string): Promise<StoredRetentionException[]> {
    const rows = await this.db
      .selectFrom("retention_exceptions")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("termination_id", "=", terminationId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(exceptionFromRow);
  }

  async insertCertificate(certificate: StoredCertificate, now: number): Promise<void> {
    await this.db
      .insertInto("certificates")
      .values({
        id: certificate.id,
        tenant_id: this.tenant,
        agreement_id: certificate.agreementId,
        termination_id: certificate.terminationId,
        kind: certificate.kind,
        content: certificate.content,
        sha256: certificate.sha256,
        issued_at: certificate.issuedAt,
        acknowledged_at: certificate.acknowledgedAt,
        acknowledged_by: certificate.acknowledgedBy,
        created_at: now,
      })
      .execute();
  }

  async saveAcknowledgement(certificate: StoredCertificate): Promise<void> {
    await this.db
      .updateTable("certificates")
      .set({ acknowledged_at: certificate.acknowledgedAt, acknowledged_by: certificate.acknowledgedBy })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", certificate.id)
      .execute();
  }

  async certificatesOf(agreementId: string): Promise<StoredCertificate[]> {
    const rows = await this.db
      .selectFrom("certificates")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .orderBy("issued_at")
      .orderBy("id")
      .execute();
    return rows.map(certificateFromRow);
  }
}
