// Use case: the processor certifies the deletion or return of the data (GDPR Art. 28(3)(g)); refused while a
// sub-processor has not confirmed or backups remain. The sha256 of its canonical JSON goes into the journal.

import { type Certificate, issueCertificate } from "../../domain/end-of-contract.js";
import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { canonicalJson } from "../../store/journal.js";
import type { StoredCertificate } from "../../store/termination-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { contentHash, inTransaction, newId } from "../register/unit-of-work.js";
import { terminationOf } from "./choose-return-or-deletion.js";

export interface IssueDeletionCertificateOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    /** How the data was deleted or returned (e.g. "effacement cryptographique des volumes"). */
    readonly method: string;
    /** When it was done (default: now). */
    readonly performedAt?: number;
    /** Default: the categories the agreement's processing description names. */
    readonly dataCategories?: readonly string[];
  };
  readonly now: number;
}

export interface IssuedCertificate {
  readonly certificate: Certificate;
  readonly stored: StoredCertificate;
}

export async function issueDeletionCertificate({
  register,
  principal,
  input,
  now,
}: IssueDeletionCertificateOptions): Promise<IssuedCertificate> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    const termination = await terminationOf(unit, agreement.id);
    if (termination.choice === null) {
      throw new Art28Error("conflict", {
        fr: "le responsable de traitement n'a pas encore choisi entre restitution et suppression",
        en: "the controller has not chosen between return and deletion yet",
      });
    }
    const sides = await agreementSidesOf(unit, agreement);
    unit.access.actFor(sides.processor.id, SIDE.processor);
    const duties = await unit.obligations.forAgreement(agreement.id);
    const endDuties = duties.filter((o) => o.trigger.type === "end_of_service");
    const backups = endDuties.find((o) => o.kind === "delete_backups");
    const certificate = issueCertificate({
      kind: termination.choice,
      agreementId: agreement.id,
      processor: sides.processor.name,
      controller: sides.controller.name,
      endsAt: termination.endsAt,
      performedAt: input.performedAt ?? now,
      method: input.method,
      dataCategories: input.dataCategories ?? agreement.processing.dataCategories.map((c) => c.name),
      backupsDeletedAt: backups?.status === "done" ? backups.closedAt : null,
      subprocessors: termination.subprocessorDuties.map((d) => {
        const duty = duties.find((o) => o.id === d.obligationId);
        return { name: d.name, confirmedAt: duty?.status === "done" ? duty.closedAt : null };
      }),
      retentionExceptions: (await unit.terminations.exceptionsOf(termination.id)).map((e) => ({
        dataCategories: e.dataCategories,
        ground: e.ground,
        until: e.until,
      })),
      issuedAt: now,
      issuedBy: principal.id,
    });
    const content = canonicalJson(certificate);
    const sha256 = contentHash(certificate);
    const stored: StoredCertificate = {
      id: newId(),
      agreementId: agreement.id,
      terminationId: termination.id,
      kind: termination.choice,
      content,
      sha256,
      issuedAt: now,
      acknowledgedAt: null,
      acknowledgedBy: null,
    };
    await unit.terminations.insertCertificate(stored, now);
    // The certificate is the evidence that closes the duty to delete or return the data.
    const main = endDuties.find((o) => o.kind === "delete_data" || o.kind === "return_data");
    if (main && (main.status === "open" || main.status === "late")) {
      const note = `certificate ${stored.id}`;
      await settleObligation(unit, main, "done", { note, sha256, at: now, by: principal.id });
    }
    unit.record({
      type: "certificate.issued",
      payload: {
        v: 1,
        agreementId: agreement.id,
        certificateId: stored.id,
        kind: termination.choice,
        sha256,
      },
    });
    return { certificate, stored };
  });
  return result;
}
