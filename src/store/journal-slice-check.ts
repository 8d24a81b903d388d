// Checking a slice of a tenant's journal chain on its own, and stitching checked slices back into one chain.
// Loaded by worker threads: it imports nothing but node:crypto, the link hash and a domain constant.

import { hash } from "node:crypto";
import { GENESIS_HASH } from "../domain/journal-event.js";
import { eventText } from "./journal-link-hash.js";

/** A journal row as read for a slice check, in this column order (no object a row: reading is most of the cost). */
export type RawLink = [
  seq: number,
  at: number,
  actor: string,
  type: string,
  payload: string,
  prevHash: string,
  hash: string,
];

/** What a slice check found; `firstPrev` and `lastHash` let the slices be stitched into one chain. */
export interface SliceReport {
  readonly from: number;
  readonly to: number;
  /** Every seq of [from, to] is present, each row's content matches its hash and cites the hash of the row before. */
  readonly intact: boolean;
  /** prev_hash of row `from`, hash of row `to` (when intact). */
  readonly firstPrev: string | null;
  readonly lastHash: string | null;
}

/**
 * Checks the rows of seq [from, to] on their own: the links inside the slice, every row rehashed. It only says
 * whether the slice is intact; a slice that is not, or that does not follow on from the one before, is read again
 * through `ChainVerifier` to name the fault, so fault location has one definition.
 */
export class SliceCheck {
  private readonly quotedTenant: string;
  // The last actor and type seen, quoted: consecutive events mostly share them, and quoting costs more than comparing.
  private actor = "";
  private quotedActor = '""';
  private type = "";
  private quotedType = '""';
  private expectedSeq: number;
  private previousHash: string | null = null;
  private firstPrev: string | null = null;
  private broken = false;

  constructor(
    tenant: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.quotedTenant = JSON.stringify(tenant);
    this.expectedSeq = from;
  }

  /** Feeds the next row in seq order; returns false once the slice is known not to be intact. */
  push(row: RawLink): boolean {
    if (this.broken) return false;
    const [seq, at, actor, type, payload, prevHash, rowHash] = row;
    if (actor !== this.actor) {
      this.actor = actor;
      this.quotedActor = JSON.stringify(actor);
    }
    if (type !== this.type) {
      this.type = type;
      this.quotedType = JSON.stringify(type);
    }
    const text = eventText(this.quotedTenant, seq, at, this.quotedActor, this.quotedType, payload);
    if (
      seq !== this.expectedSeq ||
      (this.previousHash !== null && prevHash !== this.previousHash) ||
      hash("sha256", prevHash + text, "hex") !== rowHash
    ) {
      this.broken = true;
      return false;
    }
    if (this.previousHash === null) this.firstPrev = prevHash;
    this.previousHash = rowHash;
    this.expectedSeq++;
    return true;
  }

  report(): SliceReport {
    const intact = !this.broken && this.expectedSeq === this.to + 1;
    return {
      from: this.from,
      to: this.to,
      intact,
      firstPrev: intact ? this.firstPrev : null,
      lastHash: intact ? this.previousHash : null,
    };
  }
}

/**
 * Stitches slice reports, in seq order from 1, into the longest prefix of the chain known intact: a slice counts
 * when it is intact and its first row cites the hash that ends the prefix so far.
 */
export function intactPrefix(reports: readonly SliceReport[]): { seq: number; hash: string } {
  let prefix = { seq: 0, hash: GENESIS_HASH };
  for (const report of reports) {
    if (!report.intact || report.from !== prefix.seq + 1 || report.firstPrev !== prefix.hash) break;
    prefix = { seq: report.to, hash: report.lastHash as string };
  }
  return prefix;
}
