// Use case: the sub-processor changes announced (by one processor, or by all), each with where its windows stand.

import type { Principal } from "../../domain/principal.js";
import type { ChangeKind, SettlementStatus } from "../../domain/subprocessor-change.js";
import { changeConcerns, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export interface ChangeSummary {
  readonly id: string;
  readonly processor: { readonly id: string; readonly name: string };
  readonly kind: ChangeKind;
  readonly subprocessor: string;
  readonly replaces: string | null;
  readonly announcedAt: number;
  /** Windows (one per agreement reached) in each status. */
  readonly windows: Readonly<Partial<Record<SettlementStatus, number>>>;
  /** When the first window still open closes; null once all are settled. */
  readonly nextClose: number | null;
}

export interface ListSubprocessorChangesOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly processor?: string };
}

export async function listSubprocessorChanges({
  register,
  principal,
  input,
}: ListSubprocessorChangesOptions): Promise<ChangeSummary[]> {
  const repositories = reader(register, principal);
  const processor = input.processor
    ? await findOrganisation(repositories, input.processor, "processor")
    : undefined;
  const changes = await repositories.access.filter(
    await repositories.subprocessorChanges.changesOf(processor?.id),
    (c) => changeConcerns(repositories, c),
  );
  const visible = await repositories.access.agreements("read");
  const tallies = await repositories.subprocessorChanges.windowTallies(
    changes.map((c) => c.id),
    visible === "all" ? undefined : [...visible],
  );
  const processors = await repositories.organisations.byIds([...new Set(changes.map((c) => c.processorId))]);
  return changes.map((change) => {
    const tally = tallies.get(change.id);
    return {
      id: change.id,
      processor: { id: change.processorId, name: processors.get(change.processorId)?.name ?? "?" },
      kind: change.kind,
      subprocessor: change.subprocessor.name,
      replaces: change.replaces,
      announcedAt: change.announcedAt,
      windows: tally?.byStatus ?? {},
      nextClose: tally?.nextClose ?? null,
    };
  });
}
