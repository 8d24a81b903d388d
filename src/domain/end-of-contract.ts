// The end of the service: termination, return or deletion of the data by the controller's choice, proof (GDPR Art. 28(3)(g)).

import type { AgreementClock } from "./agreement-clock.js";
import { dueUnderAgreement } from "./agreement-clock.js";
import { Art28Error, invalidInput } from "./error.js";
import type { DueBasis, ObligationDraft } from "./obligation.js";

export type TerminationKind = "ordinary" | "for_cause";

export interface Termination {
  readonly kind: TerminationKind;
  /** The party that ends the agreement. */
  readonly by: string;
  readonly noticeGivenAt: number;
  /** When the service ends: at or after the notice period for an ordinary termination. */
  readonly endsAt: number;
  readonly grounds: string | null;
  /** How the earliest end was found, for an ordinary termination. */
  readonly noticeBasis: DueBasis | null;
}

/**
 * Ends an agreement. Ordinary: not before `termination_notice` has run from the notice (a reasonable time,
 * C. civ. art. 1211, where the agreement sets none). For cause: on the stated date, with its grounds
 * (e.g. 2021/915 Cl. 10).
 */
export function terminate(
  agreement: AgreementClock,
  options: {
    readonly kind: TerminationKind;
    readonly by: string;
    readonly noticeGivenAt: number;
    readonly requestedEnd?: number;
    readonly grounds?: string;
  },
): Termination {
  if (options.by !== agreement.controllerId && options.by !== agreement.processorId) {
    throw invalidInput(
      { fr: "seule une partie à l'accord peut le résilier", en: "only a party to the agreement can end it" },
      { argument: "by" },
    );
  }
  const grounds = options.grounds?.trim() || null;
  if (options.kind === "for_cause") {
    if (grounds === null) {
      throw invalidInput(
        { fr: "une résiliation pour faute dit ses motifs", en: "a termination for cause states its grounds" },
        { argument: "grounds" },
      );
    }
    const endsAt = options.requestedEnd ?? options.noticeGivenAt;
    if (endsAt < options.noticeGivenAt) throw endBeforeNotice();
    return {
      kind: "for_cause",
      by: options.by,
      noticeGivenAt: options.noticeGivenAt,
      endsAt,
      grounds,
      noticeBasis: null,
    };
  }
  const { due, basis } = dueUnderAgreement(agreement, "termination_notice", options.noticeGivenAt, {
    rule: "C. civ. art. 1211",
    qualifier: "reasonable",
  });
  const endsAt = options.requestedEnd ?? due;
  if (endsAt < due) {
    throw new Art28Error(
      "conflict",
      {
        fr: "la fin demandée précède l'expiration du préavis",
        en: "the requested end comes before the notice period has run",
      },
      { argument: "end", earliest: due },
    );
  }
  return {
    kind: "ordinary",
    by: options.by,
    noticeGivenAt: options.noticeGivenAt,
    endsAt,
    grounds,
    noticeBasis: basis,
  };
}

function endBeforeNotice(): Art28Error {
  return invalidInput(
    { fr: "la fin précède la notification", en: "the end precedes the notice" },
    { argument: "end" },
  );
}

/** Art. 28(3)(g): at the controller's choice, the data is deleted, or returned and then the copies deleted. */
export type EndChoice = "deletion" | "return";

export interface SubprocessorAtEnd {
  readonly id: string;
  readonly name: string;
}

export interface EndOfServiceDuties {
  readonly obligations: readonly ObligationDraft[];
  /** The duty for each sub-processor, so its own confirmation can close it (Art. 28(4)). */
  readonly bySubprocessor: ReadonlyMap<string, ObligationDraft>;
}

/**
 * What the processor owes once the service ends: the data deleted or returned under
 * `deletion_after_termination`, backups deleted under `backup_deletion`, and the same done by every
 * sub-processor by the first deadline (the processor stays liable for them, Art. 28(4)).
 */
export function endOfServiceDuties(
  agreement: AgreementClock,
  termination: Termination,
  choice: EndChoice,
  subprocessors: readonly SubprocessorAtEnd[],
): EndOfServiceDuties {
  const trigger = { type: "end_of_service", id: agreement.agreementId, at: termination.endsAt };
  const active = dueUnderAgreement(agreement, "deletion_after_termination", termination.endsAt, {
    rule: "GDPR Art. 28(3)(g)",
    qualifier: "reasonable",
  });
  const backups = dueUnderAgreement(agreement, "backup_deletion", termination.endsAt, {
    rule: "GDPR Art. 28(3)(g)",
    qualifier: "reasonable",
  });
  const common = {
    holderId: agreement.processorId,
    counterpartyId: agreement.controllerId,
    agreementId: agreement.agreementId,
    trigger,
  };
  const obligations: ObligationDraft[] = [
    {
      kind: choice === "return" ? "return_data" : "delete_data",
      ...common,
      ...active,
      what:
        choice === "return"
          ? {
              fr: "restituer toutes les données au responsable de traitement puis en détruire les copies (RGPD art. 28(3)(g))",
              en: "return all the data to the controller, then delete the copies (GDPR Art. 28(3)(g))",
            }
          : {
              fr: "supprimer toutes les données du responsable de traitement (RGPD art. 28(3)(g))",
              en: "delete all of the controller's data (GDPR Art. 28(3)(g))",
            },
    },
    {
      kind: "delete_backups",
      ...common,
      ...backups,
      what: {
        fr: "supprimer les sauvegardes contenant ces données",
        en: "delete the backups holding this data",
      },
    },
  ];
  const bySubprocessor = new Map<string, ObligationDraft>();
  for (const s of subprocessors) {
    const duty: ObligationDraft = {
      kind: "have_subprocessor_delete_data",
      ...common,
      ...active,
      what: {
        fr: `obtenir de ${s.name} la suppression ou la restitution des données (RGPD art. 28(4))`,
        en: `have ${s.name} delete or return the data (GDPR Art. 28(4))`,
      },
    };
    bySubprocessor.set(s.id, duty);
    obligations.push(duty);
  }
  return { obligations, bySubprocessor };
}

/** Data kept after the end because a law requires it (Art. 28(3)(g): "unless Union or Member State law requires storage"). */
export interface RetentionException {
  readonly dataCategories: readonly string[];
  /** The law that requires storage, e.g. "Code du patrimoine, art. L212-2". */
  readonly ground: string;
  readonly until: number;
}

export interface CertificateInput {
  readonly kind: EndChoice;
  readonly agreementId: string;
  readonly processor: string;
  readonly controller: string;
  readonly endsAt: number;
  readonly performedAt: number;
  readonly method: string;
  readonly dataCategories: readonly string[];
  readonly backupsDeletedAt: number | null;
  readonly subprocessors: readonly { readonly name: string; readonly confirmedAt: number | null }[];
  readonly retentionExceptions: readonly RetentionException[];
  readonly issuedAt: number;
  readonly issuedBy: string;
}

/** The certificate's content, in a fixed shape: the application stores the sha256 of its canonical JSON in the journal. */
export interface Certificate extends CertificateInput {
  readonly schema: "art28.certificate/1";
}

/**
 * A deletion or return certificate, refused while anything it attests is unfinished: a sub-processor that has
 * not confirmed, backups not yet deleted, or a retention exception without its legal ground.
 */
export function issueCertificate(input: CertificateInput): Certificate {
  if (input.performedAt < input.endsAt) {
    throw invalidInput({
      fr: "les données ne peuvent être traitées en fin de contrat avant la fin du service",
      en: "the end-of-service deletion or return cannot precede the end of the service",
    });
  }
  if (input.issuedAt < input.performedAt) {
    throw invalidInput({
      fr: "le certificat précède l'opération",
      en: "the certificate precedes the operation",
    });
  }
  if (input.method.trim() === "") {
    throw invalidInput(
      { fr: "le certificat décrit la méthode", en: "the certificate states the method" },
      { argument: "method" },
    );
  }
  const unconfirmed = input.subprocessors.filter((s) => s.confirmedAt === null).map((s) => s.name);
  if (unconfirmed.length > 0) {
    throw new Art28Error("conflict", {
      fr: `sous-traitants ultérieurs sans confirmation : ${unconfirmed.join(", ")}`,
      en: `sub-processors that have not confirmed: ${unconfirmed.join(", ")}`,
    });
  }
  if (input.backupsDeletedAt === null) {
    throw new Art28Error("conflict", {
      fr: "les sauvegardes ne sont pas encore supprimées",
      en: "the backups are not deleted yet",
    });
  }
  for (const exception of input.retentionExceptions) {
    if (exception.ground.trim() === "" || exception.dataCategories.length === 0) {
      throw invalidInput(
        {
          fr: "une conservation légale nomme ses données et le texte qui l'impose",
          en: "a legal retention names its data and the law that requires it",
        },
        { argument: "retention" },
      );
    }
    if (exception.until <= input.issuedAt) {
      throw invalidInput(
        {
          fr: "une conservation légale dure au-delà du certificat",
          en: "a legal retention lasts beyond the certificate",
        },
        { argument: "retention" },
      );
    }
  }
  return { schema: "art28.certificate/1", ...input };
}

export interface CertificateAcknowledgement {
  readonly agreementId: string;
  readonly certificateSha256: string;
  readonly acknowledgedBy: string;
  readonly at: number;
}

/** The controller acknowledges the certificate it received, naming it by its sha256. */
export function acknowledgeCertificate(
  certificate: Certificate,
  certificateSha256: string,
  controllerId: string,
  by: string,
  at: number,
): CertificateAcknowledgement {
  if (by !== controllerId) {
    throw new Art28Error("forbidden", {
      fr: "seul le responsable de traitement accuse réception du certificat",
      en: "only the controller acknowledges the certificate",
    });
  }
  if (!/^[0-9a-f]{64}$/.test(certificateSha256)) {
    throw invalidInput(
      { fr: "empreinte sha256 invalide", en: "invalid sha256 digest" },
      { argument: "sha256" },
    );
  }
  if (at < certificate.issuedAt) {
    throw invalidInput({
      fr: "l'accusé de réception précède le certificat",
      en: "the acknowledgement precedes the certificate",
    });
  }
  return { agreementId: certificate.agreementId, certificateSha256, acknowledgedBy: by, at };
}
