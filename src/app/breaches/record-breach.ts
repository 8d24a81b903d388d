// Use case: a breach is recorded by the organisation that suffered it. A processor's fans out in one action to every
// affected agreement, each controller getting its own notification duty under its agreement's terms, in its own
// calendar (GDPR Art. 33(2)). A controller's own breach opens its breach register entry (Art. 33(5)); its duties
// towards the authority and the people follow from its risk assessment (`breach assess`, then `breach aware`).

import type { Agreement } from "../../domain/agreement.js";
import { type Breach, type BreachNotice, parseBreachDetails } from "../../domain/breach.js";
import { breachNotificationsToControllers } from "../../domain/breach-notification.js";
import { breachRegisterEntry } from "../../domain/breach-register.js";
import { calendarFor } from "../../domain/calendar.js";
import { Art28Error } from "../../domain/error.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import type { BreachNotificationRecord } from "../../store/breach-repository.js";
import { agreementSides } from "../agreements/load-agreement-clock.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { readInstant } from "../organisations/read-instant.js";
import type { NoticeDelivery } from "../outbox/notify-organisations.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId, newTimeOrderedId, type UnitOfWork } from "../register/unit-of-work.js";
import { sendControllerNotices } from "./add-breach-update.js";
import { routeEntBreach } from "./route-ent-breach.js";

export interface RecordBreachOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The processor that suffered the breach: name, id, SIREN/SIRET or BCE… */
    readonly processor?: string;
    /** …or the controller that suffered it itself (a school's lost laptop): exactly one of the two. */
    readonly controller?: string;
    /** The report (src/domain/breach.ts); instants as epoch ms or ISO 8601 text. */
    readonly details: Record<string, unknown>;
    /** Affected agreements (ids or first characters); all the processor's active agreements when absent. */
    readonly agreements?: readonly string[];
    /** Send the initial notice to every controller now, closing each notification duty with it (Art. 33(4)). */
    readonly notify?: boolean;
    /**
     * The schools a breach at a school ENT touches (names, UAI, ids): the notices go to every joint controller of
     * the ENT, and the convention's allocation for that perimeter says who notifies the authority (GDPR Art. 26).
     */
    readonly schools?: readonly string[];
    /** The breach reaches the whole territory of the ENT. */
    readonly territory?: boolean;
  };
  readonly now: number;
}

export interface RecordedBreach {
  readonly breach: Breach;
  /** One per controller: the duty to notify it and where its deadline comes from. */
  readonly duties: readonly Obligation[];
  /** The initial notice when sent at once. */
  readonly notice: BreachNotice | null;
  /** Outbox messages enqueued (an e-mail per controller with a contact, a call per webhook endpoint). */
  readonly enqueued: number;
  /** For a breach at a school ENT: its perimeter, who holds the authority notice and why, the duties it opened. */
  readonly joint?: {
    readonly ent: string;
    readonly perimeter: string;
    readonly holderId: string;
    readonly holder: string;
    readonly why: { readonly fr: string; readonly en: string };
    readonly duties: readonly Obligation[];
  };
  /** Whom the initial notice reaches, and the controllers nobody can be told at; null when none was sent. */
  readonly delivery: NoticeDelivery | null;
}

const INSTANT_FIELDS = ["discoveredAt", "awareAt", "occurredFrom", "occurredUntil"] as const;

export async function recordBreach({
  register,
  principal,
  input,
  now,
}: RecordBreachOptions): Promise<RecordedBreach> {
  const { result } = await inTransaction(register, principal, now, (unit) => addBreach(unit, input));
  return result;
}

/** The step of recordBreach, in the caller's transaction (the demo world records its breach through it). */
export async function addBreach(
  unit: UnitOfWork,
  input: RecordBreachOptions["input"],
): Promise<RecordedBreach> {
  const now = unit.now;
  if ((input.processor === undefined) === (input.controller === undefined)) {
    throw new Art28Error(
      "invalid_input",
      {
        fr: "dites qui a subi la violation : le sous-traitant ou le responsable de traitement, l'un des deux",
        en: "say who suffered the breach: the processor or the controller, one of the two",
      },
      { argument: "processor" },
    );
  }
  if (input.controller !== undefined && (input.notify || input.agreements?.length)) {
    throw new Art28Error(
      "invalid_input",
      {
        fr: "un responsable ne se notifie pas sa propre violation : pas d'accords ni de notification à choisir",
        en: "a controller does not notify its own breach to itself: no agreements or notice to choose",
      },
      { argument: "controller" },
    );
  }
  const side = input.controller !== undefined ? "controller" : "processor";
  const reference = (input.controller ?? input.processor) as string;
  const keeper = await findOrganisation(unit, reference, side);
  if (!keeper.roles.includes(side)) {
    throw new Art28Error(
      "conflict",
      side === "processor"
        ? { fr: `${keeper.name} n'est pas sous-traitant`, en: `${keeper.name} is not a processor` }
        : {
            fr: `${keeper.name} n'est pas responsable de traitement`,
            en: `${keeper.name} is not a controller`,
          },
      { argument: side },
    );
  }
  const calendar = calendarFor(keeper.calendar);
  const raw: Record<string, unknown> = { ...input.details };
  for (const field of INSTANT_FIELDS) {
    if (raw[field] !== undefined && raw[field] !== null)
      raw[field] = readInstant(raw[field], calendar, field);
  }
  // Discovery and awareness are one instant unless the report says otherwise.
  if ((raw.discoveredAt === undefined || raw.discoveredAt === null) && typeof raw.awareAt === "number")
    raw.discoveredAt = raw.awareAt;
  const details = parseBreachDetails(raw);
  if (details.awareAt > now) {
    throw new Art28Error(
      "invalid_input",
      { fr: "la prise de connaissance ne peut pas être future", en: "awareness cannot lie in the future" },
      { argument: "awareAt" },
    );
  }
  const breach: Breach = { ...details, id: newId(), recordedBy: keeper.id, side };
  unit.record({
    type: "breach.recorded",
    payload: {
      v: 2,
      breachId: breach.id,
      side,
      recordedBy: keeper.id,
      awareAt: breach.awareAt,
      description: breach.description,
    },
  });
  if (side === "controller") {
    await unit.breaches.insert(breach, now);
    // GDPR Art. 33(5): documented whatever the risk; the assessment then decides what is owed.
    const entry = breachRegisterEntry(breach, keeper.id, "controller", null, [
      {
        fr: "violation constatée par le responsable de traitement lui-même ; risque à évaluer (art. 33(1))",
        en: "breach found by the controller itself; risk to be assessed (Art. 33(1))",
      },
    ]);
    await unit.breaches.saveRegisterEntry(newId(), entry, null, now);
    return { breach, duties: [], notice: null, enqueued: 0, delivery: null };
  }
  const processor = keeper;
  const agreements = await affectedAgreements(unit, processor.id, input.agreements);
  const routed = input.schools?.length
    ? await routeEntBreach(unit, breach, processor, {
        schools: input.schools,
        territory: input.territory === true,
        agreements,
        notifiedNow: input.notify === true,
      })
    : null;
  const drafts = routed
    ? routed.noticeDrafts
    : breachNotificationsToControllers(
        breach,
        (await agreementSides(unit, agreements)).map((s) => s.clock),
      );
  await unit.breaches.insert(breach, now);
  const duties = await recordObligations(unit, drafts);
  const joint = routed
    ? {
        ent: routed.ent,
        perimeter: routed.perimeter,
        holderId: routed.holder,
        holder: routed.holderName,
        why: routed.why,
        duties: await recordObligations(unit, routed.jointDrafts),
      }
    : undefined;
  const records: BreachNotificationRecord[] = duties.map((duty) => ({
    id: newTimeOrderedId(),
    breachId: breach.id,
    controllerId: duty.counterpartyId as string,
    agreementId: duty.agreementId as string,
    obligationId: duty.id,
    due: duty.due,
    controllerAwareAt: null,
    mandated: false,
    createdAt: now,
  }));
  await unit.breaches.insertNotifications(records);
  // GDPR Art. 33(5) binds the controller; the processor keeps the same entry to show whom it notified.
  const entry = breachRegisterEntry(breach, processor.id, "processor", null, [
    {
      fr: `violation notifiée à ${duties.length} responsable(s) de traitement (art. 33(2))`,
      en: `breach notified to ${duties.length} controller(s) (Art. 33(2))`,
    },
  ]);
  await unit.breaches.saveRegisterEntry(newId(), entry, null, now);
  if (!input.notify)
    return { breach, duties, notice: null, enqueued: 0, delivery: null, ...(joint ? { joint } : {}) };
  const sent = await sendControllerNotices(unit, breach, processor, records, now);
  return {
    breach,
    duties,
    notice: sent.notice,
    enqueued: sent.delivery.enqueued,
    delivery: sent.delivery,
    ...(joint ? { joint } : {}),
  };
}

async function affectedAgreements(
  unit: UnitOfWork,
  processorId: string,
  references: readonly string[] | undefined,
): Promise<Agreement[]> {
  if (references === undefined || references.length === 0) {
    return unit.agreements.list({ organisationId: processorId, roles: ["processor"], statuses: ["active"] });
  }
  const found: Agreement[] = [];
  for (const reference of references) found.push(await findAgreement(unit, reference));
  return found;
}
