// Use case: check a tenant's journal chain end to end, in slices side by side, and locate the first fault.

import type { LocalizedText } from "../../domain/error.js";
import type { JournalFault, JournalVerification } from "../../domain/journal-event.js";
import type { Principal } from "../../domain/principal.js";
import { ChainVerifier } from "../../store/journal.js";
import type { JournalRepository } from "../../store/journal-repository.js";
import { intactPrefix } from "../../store/journal-slice-check.js";
import { checkJournalSlices } from "../../store/journal-slices.js";
import type { Register } from "./open-register.js";
import { reader } from "./unit-of-work.js";

export interface VerifyJournalOptions {
  readonly register: Register;
  readonly principal: Principal;
  /** Rows read per page when streaming (default 20,000). */
  readonly pageSize?: number;
  /**
   * Worker threads checking slices of the chain beside the calling thread. By default, for journals of 20,000
   * events or more, one per CPU beyond the first (fewer for journals too small to pay for their start); smaller
   * journals are streamed through one verifier. An in-memory database is checked by the calling thread alone.
   */
  readonly threads?: number;
  /**
   * A head exported earlier (`journal verify --json`): the chain must still hold that event with that hash. A tail
   * cut off (a backup restored over the latest writes, rows removed with the guards dropped) leaves a chain that is
   * whole in itself; only a head kept outside the database tells it is shorter than it was.
   */
  readonly exported?: { readonly seq: number; readonly hash: string };
}

export async function verifyJournal({
  register,
  principal,
  pageSize,
  threads,
  exported,
}: VerifyJournalOptions): Promise<JournalVerification> {
  const { journal, access } = reader(register, principal);
  // The tenant's whole chain is for its operators; a member gets its organisation's verifiable extract (bundles).
  access.requireOperator({ fr: "journal", en: "journal" });
  // The head is read first: events appended while we read are left for the next verification.
  const head = await journal.head(principal.tenant);
  let verifier = new ChainVerifier();
  if (head && head.seq > 0) {
    // Slices checked side by side vouch for a prefix of the chain; the rest, where the first fault lies if there is
    // one, is streamed through one verifier that starts where that prefix ends, so the fault is named as it always
    // was. Every row is rehashed either way.
    const reports = await checkJournalSlices({
      store: register.store,
      tenant: principal.tenant,
      upTo: head.seq,
      threads,
    });
    const prefix = intactPrefix(reports);
    verifier = new ChainVerifier(prefix);
    if (prefix.seq < head.seq) {
      for await (const page of journal.stream(principal.tenant, pageSize, head.seq, prefix.seq)) {
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
  }
  const fault =
    verifier.finish(head) ??
    (await rowsPastHead(journal, principal.tenant, head)) ??
    (exported ? await againstExported(journal, principal.tenant, verifier.count, exported) : null);
  return {
    tenant: principal.tenant,
    count: verifier.count,
    head: fault ? null : verifier.last,
    fault,
  };
}

/**
 * Rows past the head: the database moves the head with each row it accepts and refuses to remove it, so rows beyond
 * it (or rows with no head at all) were written around those guards. Only the head's extent was read above.
 */
async function rowsPastHead(
  journal: Pick<JournalRepository, "firstAfter">,
  tenant: string,
  head: { seq: number } | null,
): Promise<{ seq: number; reason: JournalFault; detail: LocalizedText } | null> {
  const headSeq = head?.seq ?? 0;
  const seq = await journal.firstAfter(tenant, headSeq);
  if (seq === null) return null;
  return {
    seq,
    reason: "added",
    detail: head
      ? {
          fr: `l'événement n° ${seq} se trouve au-delà de la tête du journal (n° ${headSeq}) : il a été inséré hors chaîne`,
          en: `event #${seq} stands past the journal head (#${headSeq}): it was inserted out of chain`,
        }
      : {
          fr: `la tête du journal a été supprimée alors que des événements existent (dès le n° ${seq})`,
          en: `the journal head was removed while events exist (from #${seq} on)`,
        },
  };
}

/** The chain, found whole, checked against a head exported earlier: still as long, and the same event there. */
async function againstExported(
  journal: Pick<JournalRepository, "page">,
  tenant: string,
  count: number,
  exported: { readonly seq: number; readonly hash: string },
): Promise<{ seq: number; reason: JournalFault; detail: LocalizedText } | null> {
  if (exported.seq <= 0) return null;
  if (exported.seq > count) {
    return {
      seq: count + 1,
      reason: "missing",
      detail: {
        fr: `le journal s'arrête au n° ${count} alors que la tête exportée était au n° ${exported.seq} : sa fin a été retranchée`,
        en: `the journal ends at #${count} while the exported head was at #${exported.seq}: its tail was cut off`,
      },
    };
  }
  const [row] = await journal.page(tenant, exported.seq - 1, 1, exported.seq);
  if (row?.hash === exported.hash) return null;
  return {
    seq: exported.seq,
    reason: "altered",
    detail: {
      fr: `l'événement n° ${exported.seq} ne porte pas l'empreinte de la tête exportée : la chaîne a été refaite depuis`,
      en: `event #${exported.seq} does not carry the exported head's hash: the chain was rebuilt since`,
    },
  };
}
