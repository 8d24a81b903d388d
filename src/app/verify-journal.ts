// Use case: check a tenant's journal chain end to end, streaming it in pages, and locate the first fault.

import type { Actor } from "../domain/actor.js";
import type { JournalVerification } from "../domain/journal-event.js";
import { ChainVerifier } from "../store/journal.js";
import type { Register } from "./open-register.js";
import { reader } from "./unit-of-work.js";

export interface VerifyJournalOptions {
  readonly register: Register;
  readonly actor: Actor;
  /** Rows read per page (default 10,000). */
  readonly pageSize?: number;
}

export async function verifyJournal({
  register,
  actor,
  pageSize,
}: VerifyJournalOptions): Promise<JournalVerification> {
  const { journal } = reader(register, actor);
  // The head is read first: events appended while we read are left for the next verification.
  const head = await journal.head(actor.tenant);
  const verifier = new ChainVerifier();
  if (head && head.seq > 0) {
    for await (const page of journal.stream(actor.tenant, pageSize, head.seq)) {
      let going = true;
      for (const row of page) {
        if (!verifier.push(row)) {
          going = false;
          break;
        }
      }
      if (!going) break;
    }
  }
  const fault = verifier.finish(head);
  return {
    tenant: actor.tenant,
    count: verifier.count,
    head: fault ? null : verifier.last,
    fault,
  };
}
