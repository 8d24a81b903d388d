// Which sub-processors an agreement has in use at an instant: those it lists, and those a settled change let in
// (GDPR Art. 28(2): never before that customer's window closed without objection, or it approved).

import type { Subprocessor, TransferMechanism } from "./agreement.js";
import { Art28Error } from "./error.js";
import type { Settlement } from "./subprocessor-change.js";

/** A sub-processor in use under one agreement; `from` null: listed in the agreement itself. */
export interface SubprocessorUse {
  readonly id: string;
  readonly agreementId: string;
  readonly processorId: string;
  readonly changeId: string | null;
  readonly name: string;
  readonly siret: string | null;
  readonly activity: string | null;
  readonly location: string | null;
  readonly transferMechanism: TransferMechanism;
  readonly from: number | null;
  readonly until: number | null;
}

/** Names compared as the register compares organisation names: case, accents and spacing ignored. */
export function subprocessorNameKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export interface InUse {
  readonly name: string;
  readonly siret: string | null;
  readonly activity: string | null;
  readonly location: string | null;
  readonly transferMechanism: TransferMechanism;
  /** Null: since the agreement listed it. */
  readonly since: number | null;
  readonly changeId: string | null;
}

/**
 * The sub-processors in use under one agreement at `at`: its listed ones unless a row ended them, then every row
 * from a change whose use began at or before `at` and has not ended.
 */
export function subprocessorsInUse(
  listed: readonly Pick<Subprocessor, "name" | "siret" | "activity" | "location" | "transferMechanism">[],
  uses: readonly SubprocessorUse[],
  at: number,
): InUse[] {
  const current = new Map<string, InUse>();
  for (const s of listed) {
    current.set(subprocessorNameKey(s.name), { ...s, since: null, changeId: null });
  }
  for (const u of uses) {
    const key = subprocessorNameKey(u.name);
    const ended = u.until !== null && u.until <= at;
    if (u.from === null) {
      if (ended) current.delete(key);
      continue;
    }
    if (u.from > at) continue;
    if (ended) {
      if (current.get(key)?.changeId === u.changeId) current.delete(key);
      continue;
    }
    current.set(key, {
      name: u.name,
      siret: u.siret,
      activity: u.activity,
      location: u.location,
      transferMechanism: u.transferMechanism,
      since: u.from,
      changeId: u.changeId,
    });
  }
  return [...current.values()];
}

/** The start of a use a change lets in: refused unless the settlement allows it, and never before it settled. */
export function useStartFromSettlement(settlement: Settlement): number {
  if (!settlement.mayUse || settlement.settledAt === null) {
    throw new Art28Error("conflict", {
      fr: "ce sous-traitant ultérieur n'est pas autorisé pour ce client",
      en: "this sub-processor is not authorised for this customer",
    });
  }
  return settlement.settledAt;
}
