// Use case: a controller records when it became aware of a breach (one its processor notified, or its own), and
// art28 opens its duties from its risk assessment: the authority within 72 hours (GDPR Art. 33(1)), the people
// when the risk is high (Art. 34(1)) unless an Art. 34(3) exception applies; optionally, for a processor's breach,
// it mandates the processor to notify the authority for it.

import {
  type Art34Exceptions,
  consolidatedAuthorityNotices,
  controllerBreachDuties,
} from "../../domain/breach-notification.js";
import { breachRegisterEntry } from "../../domain/breach-register.js";
import { calendarFor } from "../../domain/calendar.js";
import { Art28Error } from "../../domain/error.js";
import type { Obligation } from "../../domain/obligation-record.js";
import type { Principal } from "../../domain/principal.js";
import { recordObligations } from "../obligations/record-obligations.js";
import { readInstant } from "../organisations/read-instant.js";
import { findBreach, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId } from "../register/unit-of-work.js";

export interface RecordBreachAwarenessOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly breach: string;
    readonly controller: string;
    /** When it became aware; by default when the processor's first notice reached it (EDPB 9/2022 para 41). */
    readonly awareAt?: string | number;
    readonly exceptions?: Art34Exceptions;
    /** The processor notifies the authority on this controller's behalf (the controller stays answerable). */
    readonly mandateProcessor?: boolean;
  };
  readonly now: number;
}

export interface ControllerAwareness {
  readonly awareAt: number;
  readonly authority: string;
  readonly duties: readonly Obligation[];
  readonly decisions: readonly { readonly fr: string; readonly en: string }[];
}

export async function recordBreachAwareness({
  register,
  principal,
  input,
  now,
}: RecordBreachAwarenessOptions): Promise<ControllerAwareness> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const breach = await findBreach(unit, input.breach);
    const controller = await findOrganisation(unit, input.controller, "controller");
    const calendar = calendarFor(controller.calendar);
    const own = breach.side === "controller" && breach.recordedBy === controller.id;
    const notification = own
      ? null
      : (await unit.breaches.notifications(breach.id)).find((n) => n.controllerId === controller.id);
    if (own && input.mandateProcessor) {
      throw new Art28Error(
        "invalid_input",
        {
          fr: "aucun sous-traitant à mandater : cette violation est celle du responsable lui-même",
          en: "no processor to mandate: this is the controller's own breach",
        },
        { argument: "mandateProcessor" },
      );
    }
    if (!own && !notification) {
      throw new Art28Error(
        "conflict",
        {
          fr: "cette violation n'a pas été notifiée à ce responsable de traitement",
          en: "this breach was not notified to this controller",
        },
        { argument: "controller" },
      );
    }
    const stored = await unit.breaches.registerEntry(breach.id, controller.id);
    if (
      stored?.entry.controllerAwareAt !== undefined ||
      (notification && notification.controllerAwareAt !== null)
    ) {
      throw new Art28Error("conflict", {
        fr: "la prise de connaissance de ce responsable est déjà enregistrée",
        en: "this controller's awareness is already recorded",
      });
    }
    if (!stored?.assessment) {
      throw new Art28Error(
        "conflict",
        {
          fr: "évaluez d'abord le risque (art28 breach assess) : les obligations du responsable en dépendent",
          en: "assess the risk first (art28 breach assess): the controller's duties depend on it",
        },
        { argument: "controller" },
      );
    }
    let awareAt: number;
    if (input.awareAt !== undefined) awareAt = readInstant(input.awareAt, calendar, "at");
    else if (own) awareAt = breach.awareAt;
    else {
      const first = (await unit.breaches.notices(breach.id, breach.recordedBy)).find(
        (n) => n.recipient === controller.id,
      );
      awareAt = first?.sentAt ?? now;
    }
    if (awareAt > now || awareAt < breach.awareAt) {
      throw new Art28Error(
        "invalid_input",
        own
          ? {
              fr: "la prise de connaissance se situe entre celle enregistrée avec la violation et maintenant",
              en: "awareness lies between the one recorded with the breach and now",
            }
          : {
              fr: "la prise de connaissance du responsable se situe entre celle du sous-traitant et maintenant",
              en: "the controller's awareness lies between the processor's and now",
            },
        { argument: "awareAt" },
      );
    }
    const duties = controllerBreachDuties({
      breach,
      controllerId: controller.id,
      awareAt,
      assessment: stored.assessment,
      calendar,
      ...(controller.qualifierInterpretation ? { interpretation: controller.qualifierInterpretation } : {}),
      ...(input.exceptions ? { exceptions: input.exceptions } : {}),
    });
    const mandated = Boolean(input.mandateProcessor) && stored.assessment.level !== "none";
    const drafts = [...duties.obligations];
    // The processor's own duty to file for this controller, due when the controller's 72 hours end.
    if (mandated && notification) {
      for (const notice of consolidatedAuthorityNotices(breach, [
        { controllerId: controller.id, awareAt, calendar },
      ]))
        drafts.push({
          ...notice.obligation,
          counterpartyId: controller.id,
          agreementId: notification.agreementId,
        });
    }
    const obligations = await recordObligations(unit, drafts);
    if (notification)
      await unit.breaches.saveControllerAwareness(breach.id, controller.id, awareAt, mandated);
    const entry = breachRegisterEntry(
      breach,
      controller.id,
      "controller",
      stored.assessment.level,
      [...stored.entry.decisions, ...duties.decisions],
      awareAt,
    );
    await unit.breaches.saveRegisterEntry(newId(), entry, stored.assessment, now);
    const exceptions = Object.entries(input.exceptions ?? {})
      .filter(([, on]) => on)
      .map(([name]) => name);
    unit.record({
      type: "breach.controller_aware",
      payload: {
        v: 1,
        breachId: breach.id,
        controllerId: controller.id,
        awareAt,
        level: stored.assessment.level,
        exceptions,
        mandated,
      },
    });
    return { awareAt, authority: duties.authority, duties: obligations, decisions: duties.decisions };
  });
  return result;
}
