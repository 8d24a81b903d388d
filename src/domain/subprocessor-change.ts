// A sub-processor change announced by a processor, fanned out as one objection window per agreement (GDPR Art. 28(2)).

import { z } from "zod";
import { TRANSFER_MECHANISMS } from "./agreement.js";
import type { AgreementClock } from "./agreement-clock.js";
import { dueUnderAgreement } from "./agreement-clock.js";
import { isOutsideEea } from "./eea.js";
import { Art28Error, invalidInput, type LocalizedText } from "./error.js";
import { isValidSiret } from "./identifiers.js";
import { parseInput } from "./input.js";
import type { DueBasis } from "./obligation.js";
import type { ObjectionSilence, TransferRule } from "./terms.js";

/** The Chapter V framings a sub-processor's transfer may have; the register's list, shared. */

export const CHANGE_KINDS = ["addition", "replacement", "removal"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, LocalizedText>> = {
  addition: { fr: "ajout", en: "addition" },
  replacement: { fr: "remplacement", en: "replacement" },
  removal: { fr: "retrait", en: "removal" },
};

const text = z.string().trim().min(1);

export const announcedSubprocessorSchema = z.object({
  name: text,
  siret: z
    .string()
    .transform((siret) => siret.replace(/\s/g, ""))
    .refine(isValidSiret, "not a valid SIRET (14 digits, Luhn check)")
    .nullable()
    .default(null),
  activity: text,
  /** Where the data is processed, e.g. "FR", "IE", "US". */
  location: text,
  transferMechanism: z.enum(TRANSFER_MECHANISMS).default("none"),
});
export type AnnouncedSubprocessor = z.output<typeof announcedSubprocessorSchema>;

export const subprocessorChangeSchema = z
  .object({
    kind: z.enum(CHANGE_KINDS),
    subprocessor: announcedSubprocessorSchema,
    /** For a replacement: the name of the sub-processor being replaced. */
    replaces: text.nullable().default(null),
    announcedAt: z.number().finite(),
  })
  .refine((c) => (c.kind === "replacement") === (c.replaces !== null), {
    path: ["replaces"],
    message: "a replacement names the sub-processor it replaces, and only a replacement does",
    params: { fr: "un remplacement nomme le sous-traitant qu'il remplace, et seul un remplacement le fait" },
  });
export type SubprocessorChangeInput = z.output<typeof subprocessorChangeSchema>;

export interface SubprocessorChange extends SubprocessorChangeInput {
  readonly id: string;
  readonly processorId: string;
}

export function parseSubprocessorChange(input: unknown): SubprocessorChangeInput {
  return parseInput(subprocessorChangeSchema, input, "subprocessor change");
}

/** What an objection opens under the agreement (2021/915 Cl. 7.7 and market practice). */
export const OBJECTION_REMEDIES = [
  "processor_must_not_engage", // Art. 28(2) read alone: the processor does not use it for this controller
  "processor_may_terminate",
  "controller_may_terminate",
  "negotiate",
] as const;
export type ObjectionRemedy = (typeof OBJECTION_REMEDIES)[number];

const REMEDY_TEXT: Readonly<Record<ObjectionRemedy, LocalizedText>> = {
  processor_must_not_engage: {
    fr: "le sous-traitant ne peut pas recourir à ce sous-traitant ultérieur pour ce client (art. 28(2))",
    en: "the processor may not engage this sub-processor for this customer (Art. 28(2))",
  },
  processor_may_terminate: {
    fr: "l'accord ouvre au sous-traitant le droit de résilier",
    en: "the agreement gives the processor the right to terminate",
  },
  controller_may_terminate: {
    fr: "l'accord ouvre au responsable de traitement le droit de résilier",
    en: "the agreement gives the controller the right to terminate",
  },
  negotiate: {
    fr: "l'accord prévoit une concertation entre les parties",
    en: "the agreement provides for the parties to consult each other",
  },
};

/** An agreement as a sub-processor change sees it: its clock, and what an objection opens. */
export interface SubprocessorAgreement extends AgreementClock {
  readonly onObjection?: ObjectionRemedy;
}

export interface ObjectionWindow {
  readonly changeId: string;
  readonly agreementId: string;
  readonly controllerId: string;
  readonly opensAt: number;
  /** Exclusive end: an answer given at or after this instant is too late. */
  readonly closesAt: number;
  readonly basis: DueBasis;
  /** What silence means when the window closes. */
  readonly silence: ObjectionSilence;
  /** True when only an explicit approval lets the sub-processor in (specific authorisation, transfer). */
  readonly approvalRequired: boolean;
  /** Set when this agreement forbids the change outright (a transfer it prohibits). */
  readonly blocked: LocalizedText | null;
  readonly onObjection: ObjectionRemedy;
}

const PROHIBITED_TRANSFER: LocalizedText = {
  fr: "l'accord interdit les transferts hors de l'EEE : ce sous-traitant ultérieur ne peut être retenu sans avenant",
  en: "the agreement prohibits transfers outside the EEA: this sub-processor cannot be engaged without an amendment",
};
const UNFRAMED_TRANSFER: LocalizedText = {
  fr: "transfert hors de l'EEE sans mécanisme du chapitre V alors que l'accord l'exige",
  en: "a transfer outside the EEA with no Chapter V mechanism, which the agreement requires",
};

/** A location outside the EEA announced with no Chapter V mechanism, flagged with the agreement's transfer clause. */
function unstatedTransfer(location: string, rule: TransferRule): LocalizedText {
  const clause: LocalizedText =
    rule === "with_authorization"
      ? {
          fr: "l'accord soumet les transferts hors de l'EEE à autorisation",
          en: "the agreement makes transfers outside the EEA subject to authorisation",
        }
      : {
          fr: "l'accord exige des garanties pour les transferts hors de l'EEE",
          en: "the agreement requires safeguards for transfers outside the EEA",
        };
  return {
    fr: `traitement en ${location.trim().toUpperCase()}, hors de l'EEE, annoncé sans mécanisme du chapitre V (--transfer) : ${clause.fr} (transfersOutsideEEA: ${rule})`,
    en: `processing in ${location.trim().toUpperCase()}, outside the EEA, announced with no Chapter V mechanism (--transfer): ${clause.en} (transfersOutsideEEA: ${rule})`,
  };
}

function windowRules(
  change: SubprocessorChange,
  agreement: SubprocessorAgreement,
): Pick<ObjectionWindow, "silence" | "approvalRequired" | "blocked"> {
  const stated = change.subprocessor.transferMechanism;
  // GDPR Chapter V: a location outside the EEA is a transfer whatever mechanism was (not) stated.
  const outside = isOutsideEea(change.subprocessor.location);
  const mechanism = stated === "none" && outside ? "unknown" : stated;
  const transfers = mechanism !== "none";
  const transferRule = agreement.terms.transfersOutsideEEA ?? "with_authorization";
  let blocked: LocalizedText | null = null;
  if (transfers && transferRule === "prohibited") blocked = PROHIBITED_TRANSFER;
  else if (transfers && transferRule === "allowed_with_safeguards" && mechanism === "unknown")
    blocked = UNFRAMED_TRANSFER;
  else if (outside && stated === "none")
    blocked = unstatedTransfer(change.subprocessor.location, transferRule);
  // Art. 28(2): under a specific authorisation, or for a transfer needing prior written authorisation,
  // only an explicit yes lets the sub-processor in; silence never does.
  const approvalRequired =
    agreement.terms.subprocessorAuthorization === "specific" ||
    (transfers && transferRule === "with_authorization");
  const silence: ObjectionSilence =
    approvalRequired || blocked ? "refused" : (agreement.terms.objectionSilence ?? "accepted");
  return { silence, approvalRequired, blocked };
}

/**
 * One objection window per agreement, each closing at its own `subprocessor_objection_period` counted from the
 * announcement in that controller's calendar ("a reasonable time" read through its interpretation when the
 * agreement sets none). A removal needs no authorisation and opens none. Deadlines are computed once per
 * distinct (calendar, period, interpretation), so fanning out to thousands of agreements costs little.
 */
export function openObjectionWindows(
  change: SubprocessorChange,
  agreements: readonly SubprocessorAgreement[],
): ObjectionWindow[] {
  if (change.kind === "removal") return [];
  const memo = new Map<string, { due: number; basis: DueBasis }>();
  const interpretationIds = new Map<object, number>();
  const windows: ObjectionWindow[] = [];
  for (let i = 0; i < agreements.length; i++) {
    const agreement = agreements[i] as SubprocessorAgreement;
    if (agreement.processorId !== change.processorId) {
      throw invalidInput(
        {
          fr: `l'accord ${agreement.agreementId} ne lie pas le sous-traitant qui annonce le changement`,
          en: `agreement ${agreement.agreementId} does not bind the processor announcing the change`,
        },
        { argument: "agreements" },
      );
    }
    const period = agreement.terms.durations.subprocessor_objection_period;
    let interpretationId = 0;
    if (agreement.interpretation) {
      interpretationId = interpretationIds.get(agreement.interpretation) ?? interpretationIds.size + 1;
      interpretationIds.set(agreement.interpretation, interpretationId);
    }
    const periodKey =
      period === undefined
        ? "-"
        : "qualifier" in period
          ? period.qualifier
          : `${period.amount}${period.unit}`;
    const key = `${agreement.calendar.id}|${periodKey}|${interpretationId}`;
    let deadline = memo.get(key);
    if (deadline === undefined) {
      deadline = dueUnderAgreement(agreement, "subprocessor_objection_period", change.announcedAt, {
        rule: "GDPR Art. 28(2)",
        qualifier: "reasonable",
      });
      memo.set(key, deadline);
    }
    const rules = windowRules(change, agreement);
    windows.push({
      changeId: change.id,
      agreementId: agreement.agreementId,
      controllerId: agreement.controllerId,
      opensAt: change.announcedAt,
      closesAt: deadline.due,
      basis: deadline.basis,
      silence: rules.silence,
      approvalRequired: rules.approvalRequired,
      blocked: rules.blocked,
      onObjection: agreement.onObjection ?? "processor_must_not_engage",
    });
  }
  return windows;
}

export interface ObjectionResponse {
  readonly agreementId: string;
  readonly kind: "approve" | "object";
  readonly at: number;
  readonly reasons: string | null;
}

/** A controller's answer, checked against its window: in time, an objection with reasons, nothing blocked. */
export function answerObjectionWindow(
  window: ObjectionWindow,
  answer: { readonly kind: "approve" | "object"; readonly at: number; readonly reasons?: string | null },
): ObjectionResponse {
  if (answer.at < window.opensAt || answer.at >= window.closesAt) {
    throw new Art28Error("conflict", {
      fr: "la réponse tombe hors de la fenêtre d'opposition",
      en: "the answer falls outside the objection window",
    });
  }
  const reasons = answer.reasons?.trim() || null;
  if (answer.kind === "object" && reasons === null) {
    throw invalidInput(
      { fr: "une opposition doit être motivée", en: "an objection needs its reasons" },
      { argument: "reasons" },
    );
  }
  if (answer.kind === "approve" && window.blocked) {
    throw new Art28Error("conflict", window.blocked);
  }
  return { agreementId: window.agreementId, kind: answer.kind, at: answer.at, reasons };
}

const SILENT_REFUSAL: LocalizedText = {
  fr: "silence valant refus : le sous-traitant ultérieur n'est pas autorisé pour ce client",
  en: "silence means refusal: the sub-processor is not authorised for this customer",
};

export const SETTLEMENT_STATUSES = [
  "open",
  "approved",
  "objected",
  "deemed_accepted",
  "deemed_refused",
  "blocked",
] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

export const SETTLEMENT_STATUS_LABELS: Readonly<Record<SettlementStatus, LocalizedText>> = {
  open: { fr: "ouverte", en: "open" },
  approved: { fr: "acceptée", en: "approved" },
  objected: { fr: "opposition", en: "objected" },
  deemed_accepted: { fr: "silence valant acceptation", en: "silence: accepted" },
  deemed_refused: { fr: "silence valant refus", en: "silence: refused" },
  blocked: { fr: "bloquée par l'accord", en: "blocked by the agreement" },
};

export interface Settlement {
  readonly agreementId: string;
  readonly status: SettlementStatus;
  /** When the outcome became final, or null while the window is open. */
  readonly settledAt: number | null;
  /** The invariant of Art. 28(2): true only after an approval, or a window closed without objection. */
  readonly mayUse: boolean;
  readonly consequence: LocalizedText | null;
}

/**
 * Where one agreement stands at `now`. An approval is final and settles at once (the processor may rely on
 * it); an objection stands unless a later approval withdraws it within the window; silence is read only once
 * the window has closed, by what the agreement says it means.
 */
export function settleObjectionWindow(
  window: ObjectionWindow,
  responses: readonly ObjectionResponse[],
  now: number,
): Settlement {
  const agreementId = window.agreementId;
  if (window.blocked) {
    return {
      agreementId,
      status: "blocked",
      settledAt: window.opensAt,
      mayUse: false,
      consequence: window.blocked,
    };
  }
  let approval: ObjectionResponse | undefined;
  let objection: ObjectionResponse | undefined;
  for (const r of responses) {
    if (
      r.agreementId !== window.agreementId ||
      r.at < window.opensAt ||
      r.at >= window.closesAt ||
      r.at > now
    )
      continue;
    if (r.kind === "approve") {
      if (approval === undefined || r.at < approval.at) approval = r;
    } else if (objection === undefined || r.at > objection.at) objection = r;
  }
  const closed = now >= window.closesAt;
  if (approval) {
    return { agreementId, status: "approved", settledAt: approval.at, mayUse: true, consequence: null };
  }
  if (objection) {
    return {
      agreementId,
      status: "objected",
      settledAt: closed ? window.closesAt : null,
      mayUse: false,
      consequence: REMEDY_TEXT[window.onObjection],
    };
  }
  if (!closed) return { agreementId, status: "open", settledAt: null, mayUse: false, consequence: null };
  if (window.silence === "accepted") {
    return {
      agreementId,
      status: "deemed_accepted",
      settledAt: window.closesAt,
      mayUse: true,
      consequence: null,
    };
  }
  return {
    agreementId,
    status: "deemed_refused",
    settledAt: window.closesAt,
    mayUse: false,
    consequence: SILENT_REFUSAL,
  };
}
