// A step of recordBreach for a breach at a school ENT's processor (GDPR Art. 26, 33): the processor's notice is
// owed to every joint controller of the ENT under its agreement's delay, the controller the convention designates
// for the breach's perimeter holds the authority notice and the Art. 34 assessment, and the others are alerted.

import type { Agreement } from "../../domain/agreement.js";
import type { Breach } from "../../domain/breach.js";
import { authorityFor, breachNotificationsToControllers } from "../../domain/breach-notification.js";
import { calendarFor } from "../../domain/calendar.js";
import { Art28Error } from "../../domain/error.js";
import { type JointArrangement, type Perimeter, perimeterOf } from "../../domain/joint-allocation.js";
import { jointBreachDuties } from "../../domain/joint-breach-duties.js";
import type { ObligationDraft } from "../../domain/obligation.js";
import type { Organisation } from "../../domain/organisation.js";
import { agreementSides } from "../agreements/load-agreement-clock.js";
import { findOrganisation } from "../register/find-record.js";
import type { UnitOfWork } from "../register/unit-of-work.js";

export interface EntBreachRouting {
  /** The ENT processor agreement the notices run under. */
  readonly processorAgreement: Agreement;
  readonly ent: string;
  readonly perimeter: Exclude<Perimeter, "any">;
  readonly schools: readonly Organisation[];
  readonly controllers: readonly string[];
  /** The processor's notices (one per joint controller) first, then the joint controllers' duties. */
  readonly noticeDrafts: readonly ObligationDraft[];
  readonly jointDrafts: readonly ObligationDraft[];
  /** Who holds the authority notice, and why (the allocation quoted). */
  readonly holder: string;
  readonly holderName: string;
  readonly why: { readonly fr: string; readonly en: string };
}

/** Finds the ENT whose conventions cover the schools touched and derives every duty the breach opens in it. */
export async function routeEntBreach(
  unit: UnitOfWork,
  breach: Breach,
  processor: Organisation,
  input: {
    readonly schools: readonly string[];
    readonly territory?: boolean;
    readonly agreements: readonly Agreement[];
    /** The processor notifies every joint controller now: their awareness is now. */
    readonly notifiedNow: boolean;
  },
): Promise<EntBreachRouting> {
  const schools: Organisation[] = [];
  for (const reference of input.schools) {
    const school = await findOrganisation(unit, reference, "schools");
    if (!schools.some((s) => s.id === school.id)) schools.push(school);
  }
  const arrangements = await unit.jointArrangements.byAgreements(input.agreements.map((a) => a.id));
  for (const agreement of input.agreements) {
    const tie = arrangements.get(agreement.id);
    if (!tie || agreement.kind !== "dpa") continue;
    const conventions: { agreement: Agreement; arrangement: JointArrangement }[] = [];
    for (const arrangement of await unit.jointArrangements.byEnt(tie.ent)) {
      if (arrangement.model === null && arrangement.allocation.length === 0) continue;
      const convention = await unit.agreements.byId(arrangement.agreementId);
      if (!convention || convention.kind !== "joint_controller" || convention.status === "closed") continue;
      conventions.push({ agreement: convention, arrangement });
    }
    const covering = (schoolId: string) => conventions.find((c) => c.arrangement.schools.includes(schoolId));
    if (conventions.length === 0 || schools.some((s) => covering(s.id) === undefined)) continue;
    const controllers: string[] = [];
    for (const c of conventions) {
      for (const p of c.agreement.parties)
        if (p.role === "joint_controller" && !controllers.includes(p.organisationId))
          controllers.push(p.organisationId);
    }
    const perimeter = perimeterOf(schools.length, input.territory === true);
    const first = schools[0] as Organisation;
    const convention = covering(first.id) as (typeof conventions)[number];
    const sides = await agreementSides(
      unit,
      controllers.map((controllerId) => ({
        agreementId: agreement.id,
        controllerId,
        processorId: processor.id,
        terms: agreement.terms,
      })),
    );
    const noticeDrafts = breachNotificationsToControllers(
      breach,
      sides.map((s) => s.clock),
    );
    const organisations = new Map(sides.map((s) => [s.controller.id, s.controller]));
    const calendarOf = (id: string) => calendarFor(organisations.get(id)?.calendar ?? "FR");
    // A controller is aware when the processor's notice reaches it (EDPB 9/2022 para 41); until it is sent, the
    // processor's own awareness is the earliest it can be, so the deadline is never later than the law's.
    const awareAt = () => (input.notifiedNow ? unit.now : breach.awareAt);
    const joint = jointBreachDuties({
      breachId: breach.id,
      perimeter,
      school: perimeter === "one_school" ? first.id : null,
      controllers,
      conventionId: convention.agreement.id,
      allocation: convention.arrangement.allocation,
      alertTerm: convention.agreement.terms.durations.incident_alert_between_controllers,
      awareAt,
      calendar: calendarOf,
      authority: (id) => authorityFor(calendarOf(id).id),
    });
    return {
      processorAgreement: agreement,
      ent: tie.ent,
      perimeter,
      schools,
      controllers,
      noticeDrafts,
      jointDrafts: joint.obligations,
      holder: joint.holder,
      holderName: organisations.get(joint.holder)?.name ?? joint.holder,
      why: joint.why,
    };
  }
  throw new Art28Error(
    "not_found",
    {
      fr: `aucun accord ENT de ${processor.name} n'a de convention couvrant ${schools.map((s) => s.name).join(", ")} (agreements add --ent)`,
      en: `no ENT agreement of ${processor.name} has a convention covering ${schools.map((s) => s.name).join(", ")} (agreements add --ent)`,
    },
    { argument: "schools" },
  );
}
