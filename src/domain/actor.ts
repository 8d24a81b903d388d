// Who acts, and in which tenant: every use case and every repository query is scoped by it.

/** The tenant a single-user installation (CLI on one file) works in when none is configured. */
export const DEFAULT_TENANT = "default";

export interface Actor {
  /** Stable id of the person or process, e.g. "cli:amelie" or a user id; recorded in the journal. */
  readonly id: string;
  /** The tenant whose data the actor reads and writes. */
  readonly tenant: string;
}
