// Use case: tie an agreement to a school ENT (GDPR Art. 26): a joint-controller convention with the allocation of
// the kit's model and the schools it covers, or a processor agreement with the ENT it serves and the party that
// signed it on behalf of every joint controller.

import type { Agreement } from "../../domain/agreement.js";
import { Art28Error, invalidInput } from "../../domain/error.js";
import {
  type AllocationEntry,
  checkAllocation,
  isSchool,
  type JointArrangement,
  type KitModel,
  presetAllocation,
} from "../../domain/joint-allocation.js";
import type { Principal } from "../../domain/principal.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, type UnitOfWork } from "../register/unit-of-work.js";

export interface EntTie {
  /** The ENT's name; conventions and processor agreements that give the same name are grouped under it. */
  readonly ent: string;
  /** For a convention: the kit's model whose allocation it takes (1, 2 or 3). */
  readonly model?: KitModel | null;
  /** For a convention: its own allocation (read from its text), in place of a model's. */
  readonly allocation?: readonly AllocationEntry[];
  /** Schools the convention covers beyond its school parties (model 1's écoles): names, UAI or ids. */
  readonly schools?: readonly string[];
  /** For a processor agreement: the controller party that signed it for all (its controller by default). */
  readonly signedForAllBy?: string | null;
}

export interface TieAgreementToEntOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: EntTie & { readonly agreement: string };
  readonly now: number;
}

export async function tieAgreementToEnt({
  register,
  principal,
  input,
  now,
}: TieAgreementToEntOptions): Promise<JointArrangement> {
  const { result } = await inTransaction(register, principal, now, async (unit) =>
    addJointArrangement(unit, await findAgreement(unit, input.agreement), input),
  );
  return result;
}

/** The step inside a unit of work (addAgreement ties an agreement it creates through it). */
export async function addJointArrangement(
  unit: UnitOfWork,
  agreement: Agreement,
  tie: EntTie,
): Promise<JointArrangement> {
  const ent = tie.ent.trim();
  if (ent.length === 0) {
    throw invalidInput({ fr: "nommez l'ENT", en: "name the ENT" }, { argument: "ent" });
  }
  const schools: string[] = [];
  for (const reference of tie.schools ?? []) {
    const school = await findOrganisation(unit, reference, "schools", "name");
    if (!isSchool(school.type)) {
      throw invalidInput(
        { fr: `${school.name} n'est pas un établissement scolaire`, en: `${school.name} is not a school` },
        { argument: "schools" },
      );
    }
    if (!schools.includes(school.id)) schools.push(school.id);
  }
  let arrangement: JointArrangement;
  if (agreement.kind === "joint_controller") {
    const controllers = agreement.parties.filter((p) => p.role === "joint_controller");
    const organisations = await unit.organisations.byIds(controllers.map((p) => p.organisationId));
    const typed = controllers.map((p) => ({
      organisationId: p.organisationId,
      type: organisations.get(p.organisationId)?.type ?? "other",
    }));
    for (const party of typed) {
      if (isSchool(party.type) && !schools.includes(party.organisationId)) schools.push(party.organisationId);
    }
    const model = tie.model ?? null;
    const allocation = tie.allocation ?? (model === null ? [] : presetAllocation(model, typed));
    checkAllocation(
      allocation,
      typed.map((p) => p.organisationId),
    );
    arrangement = { agreementId: agreement.id, ent, model, allocation, schools, signedForAllBy: null };
  } else if (agreement.kind === "dpa") {
    if (tie.model !== undefined && tie.model !== null) {
      throw invalidInput(
        {
          fr: "un modèle de convention (1 à 3) ne s'applique qu'à un accord de responsabilité conjointe",
          en: "a convention model (1 to 3) applies only to a joint-controller agreement",
        },
        { argument: "model" },
      );
    }
    const controllers = agreement.parties.filter((p) => p.role === "controller").map((p) => p.organisationId);
    let signer = controllers[0] ?? null;
    if (tie.signedForAllBy) {
      signer = (await findOrganisation(unit, tie.signedForAllBy, "signed-for-all-by", "name")).id;
      if (!controllers.includes(signer)) {
        throw invalidInput(
          {
            fr: "le signataire pour tous doit être le responsable de traitement de cet accord",
            en: "the party signing for all must be this agreement's controller",
          },
          { argument: "signed-for-all-by" },
        );
      }
    }
    arrangement = {
      agreementId: agreement.id,
      ent,
      model: null,
      allocation: [],
      schools,
      signedForAllBy: signer,
    };
  } else {
    throw new Art28Error(
      "conflict",
      {
        fr: "seuls une convention de responsabilité conjointe ou un accord de sous-traitance se rattachent à un ENT",
        en: "only a joint-controller convention or a processor agreement is tied to an ENT",
      },
      { argument: "agreement" },
    );
  }
  await unit.jointArrangements.save(arrangement, unit.now);
  unit.record({
    type: "joint_arrangement.set",
    payload: {
      v: 1,
      agreementId: agreement.id,
      ent: arrangement.ent,
      model: arrangement.model,
      entries: arrangement.allocation.map(journalEntryOf),
      schools: arrangement.schools,
      signedForAllBy: arrangement.signedForAllBy,
    },
  });
  return arrangement;
}

/** An entry as the journal keeps it: the holder as an organisation id or the rule's name. */
export function journalEntryOf(entry: AllocationEntry): { duty: string; perimeter: string; holder: string } {
  const holder =
    entry.holder.kind === "party"
      ? entry.holder.organisationId
      : entry.holder.kind === "school_touched"
        ? `school_touched|${entry.holder.otherwise}`
        : "each_party";
  return { duty: entry.duty, perimeter: entry.perimeter, holder };
}
