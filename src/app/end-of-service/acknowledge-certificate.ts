// Use case: the controller acknowledges the deletion or return certificate it received, naming it by its sha256.

import { acknowledgeCertificate as acknowledge, type Certificate } from "../../domain/end-of-contract.js";
import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredCertificate } from "../../store/termination-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface AcknowledgeCertificateOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    /** The sha256 the controller computed from the certificate it received (default: the last one issued). */
    readonly sha256?: string;
    /** Who acknowledges (default: the agreement's controller); only the controller may. */
    readonly by?: string;
  };
  readonly now: number;
}

export async function acknowledgeCertificate({
  register,
  principal,
  input,
  now,
}: AcknowledgeCertificateOptions): Promise<StoredCertificate> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    const sides = await agreementSidesOf(unit, agreement);
    const certificates = await unit.terminations.certificatesOf(agreement.id);
    const stored = input.sha256
      ? certificates.find((c) => c.sha256 === input.sha256?.toLowerCase())
      : certificates.at(-1);
    if (!stored) {
      throw new Art28Error(
        "not_found",
        {
          fr: "aucun certificat de cet accord ne porte cette empreinte",
          en: "no certificate of this agreement has this digest",
        },
        { argument: "sha256" },
      );
    }
    if (stored.acknowledgedAt !== null) {
      throw new Art28Error("conflict", {
        fr: "ce certificat a déjà fait l'objet d'un accusé de réception",
        en: "this certificate is already acknowledged",
      });
    }
    const by = input.by ? (await findOrganisation(unit, input.by, "by")).id : sides.controller.id;
    unit.access.actFor(by, SIDE.controller);
    const ack = acknowledge(
      JSON.parse(stored.content) as Certificate,
      stored.sha256,
      sides.controller.id,
      by,
      now,
    );
    const updated: StoredCertificate = { ...stored, acknowledgedAt: ack.at, acknowledgedBy: by };
    await unit.terminations.saveAcknowledgement(updated);
    unit.record({
      type: "certificate.acknowledged",
      payload: {
        v: 1,
        agreementId: agreement.id,
        certificateId: stored.id,
        sha256: stored.sha256,
        acknowledgedBy: by,
      },
    });
    return updated;
  });
  return result;
}
