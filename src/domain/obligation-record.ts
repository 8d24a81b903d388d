// An obligation once recorded: the draft the rules derived, with its id, status and the evidence that closed it.

import { Art28Error } from "./error.js";
import type { ObligationDraft, ObligationStatus } from "./obligation.js";

/** What shows that a duty was done (or why it was waived). */
export interface Evidence {
  readonly note: string;
  /** sha256 of an attached document, when there is one. */
  readonly sha256?: string;
  readonly at: number;
  readonly by: string;
}

export interface Obligation extends ObligationDraft {
  readonly id: string;
  readonly tenant: string;
  readonly status: ObligationStatus;
  readonly evidence: Evidence | null;
  readonly createdAt: number;
  readonly closedAt: number | null;
}

/** Open and late obligations still await their holder. */
export const PENDING_STATUSES = ["open", "late"] as const satisfies readonly ObligationStatus[];

/** The status a reader should see at `now`: an open duty past its due instant is late. */
export function statusAt(obligation: Pick<Obligation, "status" | "due">, now: number): ObligationStatus {
  return obligation.status === "open" && obligation.due <= now ? "late" : obligation.status;
}

/** Closes a pending obligation as done or waived, with its evidence. */
export function closeObligation(
  obligation: Obligation,
  outcome: "done" | "waived",
  evidence: Evidence,
): Obligation {
  if (obligation.status !== "open" && obligation.status !== "late") {
    throw new Art28Error("conflict", {
      fr: `l'obligation ${obligation.id} est déjà close (${obligation.status})`,
      en: `obligation ${obligation.id} is already closed (${obligation.status})`,
    });
  }
  return { ...obligation, status: outcome, evidence, closedAt: evidence.at };
}
