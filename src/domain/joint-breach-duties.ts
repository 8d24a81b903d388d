// A breach at an ENT shared by joint controllers (GDPR Art. 26, 33, 34): the controller the convention designates
// for the breach's perimeter holds the Art. 33 notice and the Art. 34 assessment; the others are alerted.

import type { Calendar } from "./calendar.js";
import type { Duration } from "./duration.js";
import type { LocalizedText } from "./error.js";
import { type Allocation, holderOf, PERIMETER_LABELS, type Perimeter } from "./joint-allocation.js";
import {
  DEFAULT_QUALIFIER_INTERPRETATION,
  dueUnderStatute,
  dueUnderStatuteQualifier,
  dueUnderTerm,
  type ObligationDraft,
} from "./obligation.js";

/** GDPR Art. 33(1): 72 hours from the controller's awareness. */
const AUTHORITY_HOURS = 72;

export interface JointBreachInput {
  readonly breachId: string;
  readonly perimeter: Exclude<Perimeter, "any">;
  /** The one school touched, for one_school. */
  readonly school: string | null;
  /** Every joint controller of the ENT, in a stable order. */
  readonly controllers: readonly string[];
  /** The convention whose allocation applies, and its allocation and alert term. */
  readonly conventionId: string;
  readonly allocation: Allocation;
  readonly alertTerm: Duration | undefined;
  /** When each controller became (or is taken to become) aware: the processor's notice reaching it. */
  readonly awareAt: (controllerId: string) => number;
  readonly calendar: (controllerId: string) => Calendar;
  /** The supervisory authority's name for a controller ("CNIL"). */
  readonly authority: (controllerId: string) => string;
}

export interface JointBreachDuties {
  readonly obligations: readonly ObligationDraft[];
  /** Who holds the authority notice and why: the allocation entry quoted. */
  readonly holder: string;
  readonly why: LocalizedText;
}

/** The duties a breach of this perimeter opens among joint controllers, under the convention's allocation. */
export function jointBreachDuties(input: JointBreachInput): JointBreachDuties {
  const event = { perimeter: input.perimeter, school: input.school, controllers: input.controllers };
  const resolved = holderOf(input.allocation, "notify_authority", event);
  // A convention silent on the notice leaves it with every joint controller (each stays answerable, Art. 26(3)).
  const holder = resolved?.holders[0] ?? (input.controllers[0] as string);
  const perimeter = PERIMETER_LABELS[input.perimeter];
  const why: LocalizedText = resolved
    ? {
        fr: `périmètre : ${perimeter.fr} ; ${resolved.entry.basis.fr}`,
        en: `perimeter: ${perimeter.en}; ${resolved.entry.basis.en}`,
      }
    : {
        fr: `périmètre : ${perimeter.fr} ; la convention ne désigne personne, le premier responsable conjoint notifie`,
        en: `perimeter: ${perimeter.en}; the convention names no one, the first joint controller notifies`,
      };
  const people = holderOf(input.allocation, "inform_people_of_breach", event);
  const peopleHolder = people?.holders[0] ?? holder;
  const awareAt = input.awareAt(holder);
  const trigger = { type: "breach_awareness", id: input.breachId, at: awareAt };
  const authority = input.authority(holder);
  const obligations: ObligationDraft[] = [
    {
      kind: "notify_breach_to_authority",
      holderId: holder,
      counterpartyId: null,
      agreementId: input.conventionId,
      trigger,
      ...dueUnderStatute(
        awareAt,
        "GDPR Art. 33(1)",
        { amount: AUTHORITY_HOURS, unit: "hours" },
        input.calendar(holder),
      ),
      what: {
        fr: `notifier la violation à la ${authority} dans les 72 heures, sauf risque improbable (RGPD art. 33(1)) — ${why.fr}`,
        en: `notify the breach to the ${authority} within 72 hours unless a risk is unlikely (GDPR Art. 33(1)) — ${why.en}`,
      },
    },
    {
      kind: "assess_breach_for_data_subjects",
      holderId: peopleHolder,
      counterpartyId: null,
      agreementId: input.conventionId,
      trigger: { ...trigger, at: input.awareAt(peopleHolder) },
      ...dueUnderStatuteQualifier(
        input.awareAt(peopleHolder),
        "GDPR Art. 34(1)",
        "without_undue_delay",
        input.calendar(peopleHolder),
        DEFAULT_QUALIFIER_INTERPRETATION,
      ),
      what: {
        fr: `évaluer si le risque est élevé et, s'il l'est, informer les personnes (RGPD art. 34) — ${people ? `${perimeter.fr} ; ${people.entry.basis.fr}` : why.fr}`,
        en: `assess whether the risk is high and, if so, tell the people (GDPR Art. 34) — ${people ? `${perimeter.en}; ${people.entry.basis.en}` : why.en}`,
      },
    },
  ];
  const alerter = holderOf(input.allocation, "alert_controllers", event);
  // Each party alerts the others of what it learns: the one that holds the notice alerts for the breach.
  const from = alerter && alerter.holders.length === 1 ? (alerter.holders[0] as string) : holder;
  for (const other of input.controllers) {
    if (other === from) continue;
    const at = input.awareAt(from);
    const due = input.alertTerm
      ? dueUnderTerm(at, "incident_alert_between_controllers", input.alertTerm, input.calendar(from))
      : dueUnderStatuteQualifier(at, "GDPR Art. 26(1)", "without_undue_delay", input.calendar(from));
    obligations.push({
      kind: "alert_joint_controller",
      holderId: from,
      counterpartyId: other,
      agreementId: input.conventionId,
      trigger: { type: "breach", id: input.breachId, at },
      ...due,
      what: {
        fr: `alerter l'autre responsable conjoint de la violation — ${alerter ? alerter.entry.basis.fr : "RGPD art. 26(1)"}`,
        en: `alert the other joint controller of the breach — ${alerter ? alerter.entry.basis.en : "GDPR Art. 26(1)"}`,
      },
    });
  }
  return { obligations, holder, why };
}
