// Use case: a person edits one duty of a convention's allocation (GDPR Art. 26(1)): which party holds it, for a
// perimeter or whatever the perimeter, in place of what the kit's model or the analyzer set.

import { Art28Error } from "../../domain/error.js";
import {
  type AllocationEntry,
  checkAllocation,
  type JointArrangement,
  type JointDuty,
  type JointHolder,
  type Perimeter,
  withEntry,
} from "../../domain/joint-allocation.js";
import type { Principal } from "../../domain/principal.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";
import { journalEntryOf } from "./tie-agreement-to-ent.js";

export interface SetJointAllocationOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    readonly duty: JointDuty;
    readonly perimeter: Perimeter;
    /** A party (name, UAI, id), or "school_touched" / "each_party" for the kit's rules. */
    readonly holder: string;
    /** The party that answers for a school touched that is not itself a party (with holder "school_touched"). */
    readonly otherwise?: string;
  };
  readonly now: number;
}

export async function setJointAllocation({
  register,
  principal,
  input,
  now,
}: SetJointAllocationOptions): Promise<JointArrangement> {
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    const arrangement = await unit.jointArrangements.byAgreement(agreement.id);
    if (agreement.kind !== "joint_controller" || !arrangement) {
      throw new Art28Error(
        "conflict",
        {
          fr: "cet accord n'est pas une convention de responsabilité conjointe rattachée à un ENT (agreements add --ent)",
          en: "this agreement is not a joint-controller convention tied to an ENT (agreements add --ent)",
        },
        { argument: "agreement" },
      );
    }
    let holder: JointHolder;
    if (input.holder === "each_party") holder = { kind: "each_party" };
    else if (input.holder === "school_touched") {
      const otherwise = await findOrganisation(unit, input.otherwise ?? "", "otherwise", "name");
      holder = { kind: "school_touched", otherwise: otherwise.id };
    } else
      holder = {
        kind: "party",
        organisationId: (await findOrganisation(unit, input.holder, "holder", "name")).id,
      };
    const entry: AllocationEntry = {
      duty: input.duty,
      perimeter: input.perimeter,
      holder,
      basis: {
        fr: `réparti par ${unit.principal.id} le ${new Date(now).toISOString().slice(0, 10)}`,
        en: `allocated by ${unit.principal.id} on ${new Date(now).toISOString().slice(0, 10)}`,
      },
    };
    const allocation = withEntry(arrangement.allocation, entry);
    checkAllocation(
      allocation,
      agreement.parties.filter((p) => p.role === "joint_controller").map((p) => p.organisationId),
    );
    const next: JointArrangement = { ...arrangement, allocation };
    await unit.jointArrangements.save(next, now);
    unit.record({
      type: "joint_arrangement.set",
      payload: {
        v: 1,
        agreementId: agreement.id,
        ent: next.ent,
        model: next.model,
        entries: [journalEntryOf(entry)],
        schools: next.schools,
        signedForAllBy: next.signedForAllBy,
      },
    });
    return next;
  });
  return result;
}
