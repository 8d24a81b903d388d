// The journal's chain: RFC 8785 canonical JSON and sha256 links, and a streaming verifier that locates faults.

import canonicalize from "canonicalize";
import type { LocalizedText } from "../domain/error.js";
import { GENESIS_HASH, type JournalFault } from "../domain/journal-event.js";
import { type EventContent, linkHash } from "./journal-link-hash.js";

export { canonicalEvent, linkHash } from "./journal-link-hash.js";

/** A journal row as stored: the payload is its canonical JSON text. */
export interface ChainLink extends EventContent {
  readonly prevHash: string;
  readonly hash: string;
}

/** RFC 8785 canonical JSON of a payload (the `canonicalize` library). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("a journal payload must be a JSON value");
  return text;
}

export interface ChainFault {
  readonly seq: number;
  readonly reason: JournalFault;
  readonly detail: LocalizedText;
}

/**
 * Checks a tenant's chain row by row, in seq order, holding one row back so that a row whose link points at the
 * next one is told apart as reordered rather than altered.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private expectedPrev = GENESIS_HASH;
  private held: ChainLink | null = null;
  count = 0;
  fault: ChainFault | null = null;
  last: { seq: number; hash: string } | null = null;

  /**
   * `after`: the end of a prefix [1, after.seq] already found intact (slice checks stitched by `intactPrefix`); the
   * verifier then starts in the state it would have reached by pushing that prefix itself, so it names the same
   * first fault.
   */
  constructor(after?: { readonly seq: number; readonly hash: string }) {
    if (after && after.seq > 0) {
      this.expectedSeq = after.seq + 1;
      this.expectedPrev = after.hash;
      this.count = after.seq;
      this.last = { seq: after.seq, hash: after.hash };
    }
  }

  /** Feeds the next row; returns false once a fault is found (later rows need not be read). */
  push(row: ChainLink): boolean {
    if (this.fault) return false;
    if (this.held) this.check(this.held, row);
    this.held = row;
    return this.fault === null;
  }

  /** Ends the stream; `head` is the journal_head row, which a removed last event leaves ahead of the rows. */
  finish(head: { seq: number; hash: string } | null): ChainFault | null {
    if (this.held && !this.fault) this.check(this.held, null);
    this.held = null;
    if (!this.fault && head && head.seq > 0) {
      const lastSeq = this.last?.seq ?? 0;
      if (head.seq > lastSeq) {
        this.fault = {
          seq: lastSeq + 1,
          reason: "missing",
          detail: {
            fr: `la tête du journal annonce ${head.seq} événements, le dernier présent est le n° ${lastSeq}`,
            en: `the journal head records ${head.seq} events, the last one present is #${lastSeq}`,
          },
        };
      } else if (head.seq === lastSeq && head.hash !== this.last?.hash) {
        this.fault = {
          seq: lastSeq,
          reason: "altered",
          detail: {
            fr: "le dernier événement ne porte plus l'empreinte enregistrée en tête du journal",
            en: "the last event no longer carries the hash recorded at the journal head",
          },
        };
      }
    }
    return this.fault;
  }

  private check(row: ChainLink, next: ChainLink | null): void {
    if (row.seq !== this.expectedSeq) {
      this.fault = {
        seq: this.expectedSeq,
        reason: "missing",
        detail: {
          fr: `l'événement n° ${this.expectedSeq} manque (le suivant présent est le n° ${row.seq})`,
          en: `event #${this.expectedSeq} is missing (the next one present is #${row.seq})`,
        },
      };
      return;
    }
    const pointsAtNext = next !== null && next.hash === row.prevHash;
    if (linkHash(row.prevHash, row) !== row.hash) {
      this.fault = pointsAtNext ? reordered(row.seq) : altered(row.seq);
      return;
    }
    if (row.prevHash !== this.expectedPrev) {
      if (pointsAtNext) this.fault = reordered(row.seq);
      else if (row.seq === 1) this.fault = altered(1);
      else {
        this.fault = {
          seq: row.seq - 1,
          reason: "altered",
          detail: {
            fr: `l'événement n° ${row.seq - 1} a été réécrit : son empreinte n'est plus celle que cite le n° ${row.seq}`,
            en: `event #${row.seq - 1} was rewritten: its hash is no longer the one event #${row.seq} cites`,
          },
        };
      }
      return;
    }
    this.count++;
    this.expectedSeq = row.seq + 1;
    this.expectedPrev = row.hash;
    this.last = { seq: row.seq, hash: row.hash };
  }
}

function altered(seq: number): ChainFault {
  return {
    seq,
    reason: "altered",
    detail: {
      fr: `le contenu de l'événement n° ${seq} ne correspond plus à son empreinte`,
      en: `the content of event #${seq} no longer matches its hash`,
    },
  };
}

function reordered(seq: number): ChainFault {
  return {
    seq,
    reason: "reordered",
    detail: {
      fr: `l'événement en position ${seq} est chaîné après celui qui le suit : l'ordre a été modifié`,
      en: `the event at position ${seq} is chained after the one that follows it: the order was changed`,
    },
  };
}
