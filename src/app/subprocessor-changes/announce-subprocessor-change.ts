// Use case: a processor announces a sub-processor change; it fans out to every active agreement of the processor,
// one objection window each, with the controller's duty to decide and its notice (GDPR Art. 28(2)).

import { renderSubprocessorChangeEmail } from "../../documents/email/subprocessor-change-email.js";
import { Art28Error } from "../../domain/error.js";
import type { ObligationDraft } from "../../domain/obligation.js";
import type { Principal } from "../../domain/principal.js";
import {
  type ObjectionWindow,
  openObjectionWindows,
  parseSubprocessorChange,
  type SubprocessorChange,
} from "../../domain/subprocessor-change.js";
import type { StoredWindow } from "../../store/subprocessor-change-repository.js";
import { agreementSides } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { type Notice, type NoticeDelivery, notifyOrganisations } from "../outbox/notify-organisations.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import {
  contentHash,
  inTransaction,
  newId,
  newTimeOrderedId,
  type UnitOfWork,
} from "../register/unit-of-work.js";
import { endSubprocessorUse } from "./settle-subprocessor-windows.js";

export interface AnnounceSubprocessorChangeOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The processor announcing: name, id, SIRET… */
    readonly processor: string;
    readonly kind: string;
    readonly subprocessor: {
      readonly name: string;
      readonly siret?: string | null;
      readonly activity: string;
      readonly location: string;
      readonly transferMechanism?: string;
    };
    readonly replaces?: string | null;
    /** When the controllers were told (default: now). */
    readonly announcedAt?: number;
  };
  readonly now: number;
}

export interface AnnouncedChange {
  readonly change: SubprocessorChange;
  /** Each window with the time zone of its controller's calendar, in which its end is told. */
  readonly windows: readonly (StoredWindow & { readonly timeZone: string })[];
  /** Agreements the change reached (a removal opens no window but reaches them all). */
  readonly agreements: number;
  readonly notices: number;
  /** Whom the announcement reaches, and the controllers nobody can be told at. */
  readonly delivery: NoticeDelivery;
}

export async function announceSubprocessorChange({
  register,
  principal,
  input,
  now,
}: AnnounceSubprocessorChangeOptions): Promise<AnnouncedChange> {
  const { result } = await inTransaction(register, principal, now, (unit) =>
    addSubprocessorChange(unit, input),
  );
  return result;
}

/** The step of announceSubprocessorChange, in the caller's transaction (the demo world announces through it). */
export async function addSubprocessorChange(
  unit: UnitOfWork,
  input: AnnounceSubprocessorChangeOptions["input"],
): Promise<AnnouncedChange> {
  const now = unit.now;
  const parsed = parseSubprocessorChange({
    kind: input.kind,
    subprocessor: input.subprocessor,
    replaces: input.replaces ?? null,
    announcedAt: input.announcedAt ?? now,
  });
  const processor = await findOrganisation(unit, input.processor, "processor");
  if (!processor.roles.includes("processor")) {
    throw new Art28Error(
      "conflict",
      {
        fr: `${processor.name} n'est sous-traitant d'aucun accord`,
        en: `${processor.name} is not a processor under any agreement`,
      },
      { argument: "processor" },
    );
  }
  const change: SubprocessorChange = { ...parsed, id: newId(), processorId: processor.id };
  const agreements = (await unit.subprocessorChanges.activeAgreementsOf(processor.id)).map((a) => ({
    ...a,
    processorId: processor.id,
  }));
  const sides = await agreementSides(unit, agreements);
  const opened = openObjectionWindows(
    change,
    sides.map((s) => s.clock),
  );
  await unit.subprocessorChanges.insertChange(change, now);

  // A window the agreement blocks outright settles at once; every other one opens the controller's decision.
  const drafts: ObligationDraft[] = [];
  const needsDecision: ObjectionWindow[] = [];
  for (const w of opened) {
    if (w.blocked) continue;
    needsDecision.push(w);
    drafts.push({
      kind: "decide_on_subprocessor_change",
      holderId: w.controllerId,
      counterpartyId: change.processorId,
      agreementId: w.agreementId,
      trigger: { type: "subprocessor_change.announced", id: change.id, at: change.announcedAt },
      due: w.closesAt,
      basis: w.basis,
      what: {
        fr: `accepter ou refuser, avec motifs, le sous-traitant ultérieur ${change.subprocessor.name} de ${processor.name}`,
        en: `approve, or object with reasons to, ${processor.name}'s sub-processor ${change.subprocessor.name}`,
      },
    });
  }
  const obligations = await recordObligations(unit, drafts);
  const obligationOf = new Map(needsDecision.map((w, i) => [w, obligations[i]?.id ?? null]));
  const windows: StoredWindow[] = opened.map((w) => ({
    ...w,
    id: newTimeOrderedId(),
    processorId: change.processorId,
    status: w.blocked ? "blocked" : "open",
    settledAt: w.blocked ? w.opensAt : null,
    consequence: w.blocked,
    obligationId: obligationOf.get(w) ?? null,
  }));
  await unit.subprocessorChanges.insertWindows(windows, now);

  // A removal needs no authorisation: the sub-processor leaves every agreement as announced.
  if (change.kind === "removal") {
    const whole = await unit.agreements.list({
      organisationId: processor.id,
      roles: ["processor"],
      statuses: ["active"],
    });
    const uses = await unit.subprocessorChanges.usesOfAgreements(whole.map((a) => a.id));
    for (const agreement of whole) {
      await endSubprocessorUse(
        unit,
        agreement,
        uses.filter((u) => u.agreementId === agreement.id),
        change.subprocessor.name,
        change.announcedAt,
      );
    }
  }

  unit.record({
    type: "subprocessor_change.announced",
    payload: {
      v: 1,
      changeId: change.id,
      processorId: change.processorId,
      change: change.kind,
      subprocessor: change.subprocessor.name,
      announcedAt: change.announcedAt,
    },
  });
  unit.record({
    type: "subprocessor_change.fanned_out",
    payload: {
      v: 1,
      changeId: change.id,
      windows: windows.length,
      windowsSha256: contentHash(
        windows.map((w) => ({
          agreementId: w.agreementId,
          closesAt: w.closesAt,
          silence: w.silence,
          approvalRequired: w.approvalRequired,
          status: w.status,
        })),
      ),
    },
  });

  const windowOf = new Map(windows.map((w) => [w.agreementId, w]));
  const notices: Notice[] = sides.map((s) => {
    const window = windowOf.get(s.clock.agreementId) ?? null;
    return {
      organisationId: s.controller.id,
      key: `subprocessor-change.${change.id}.${s.clock.agreementId}`,
      kind: "subprocessor_change.announced",
      render: (lang) =>
        renderSubprocessorChangeEmail(
          {
            change,
            window,
            processor: processor.name,
            controller: s.controller.name,
            timeZone: s.clock.calendar.timeZone,
          },
          lang,
        ),
      webhook: {
        event: "subprocessor_change.announced",
        payload: {
          changeId: change.id,
          agreementId: s.clock.agreementId,
          kind: change.kind,
          subprocessor: change.subprocessor,
          replaces: change.replaces,
          announcedAt: change.announcedAt,
          closesAt: window?.closesAt ?? null,
          silence: window?.silence ?? null,
          approvalRequired: window?.approvalRequired ?? false,
        },
      },
      from: processor.id,
      about: {
        fr: `l'annonce du sous-traitant ultérieur ${change.subprocessor.name}`,
        en: `the announcement of sub-processor ${change.subprocessor.name}`,
      },
      agreementId: s.clock.agreementId,
      rule: "GDPR Art. 28(2)",
    };
  });
  const delivery = await notifyOrganisations(unit, notices);
  const zoneOf = new Map(sides.map((s) => [s.clock.agreementId, s.clock.calendar.timeZone]));
  return {
    change,
    windows: windows.map((w) => ({ ...w, timeZone: zoneOf.get(w.agreementId) ?? "Europe/Paris" })),
    agreements: agreements.length,
    notices: delivery.enqueued,
    delivery,
  };
}
