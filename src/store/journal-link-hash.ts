// The hash that links a journal event to the one before: sha256 over prevHash ‖ the event's canonical JSON.
// Nothing here but node:crypto, so that worker threads checking slices of the chain load it at little cost.

import { hash } from "node:crypto";

/** What an event's hash covers besides the previous hash: the payload is its canonical JSON text. */
export interface EventContent {
  readonly tenant: string;
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly type: string;
  readonly payload: string;
}

/**
 * The canonical JSON of {seq, at, actor, tenant, type, payload}. Keys are written in RFC 8785 order (actor, at,
 * payload, seq, tenant, type); strings and integers serialise as ECMAScript JSON does, which RFC 8785 adopts;
 * the payload is already canonical. A test checks this equals `canonicalize` of the whole event.
 */
export function canonicalEvent(link: EventContent): string {
  const { tenant, seq, at, actor, type, payload } = link;
  return eventText(JSON.stringify(tenant), seq, at, JSON.stringify(actor), JSON.stringify(type), payload);
}

/**
 * `canonicalEvent` from its strings already quoted as JSON (`JSON.stringify`), so that a slice check quotes the
 * tenant once, and an actor or a type once for a run of rows that share it.
 */
export function eventText(
  quotedTenant: string,
  seq: number,
  at: number,
  quotedActor: string,
  quotedType: string,
  payload: string,
): string {
  return `{"actor":${quotedActor},"at":${at},"payload":${payload},"seq":${seq},"tenant":${quotedTenant},"type":${quotedType}}`;
}

/** hash = sha256(prevHash ‖ canonical JSON of the event), hex. One-shot `crypto.hash` is twice as fast here. */
export function linkHash(prevHash: string, link: EventContent): string {
  return hash("sha256", prevHash + canonicalEvent(link), "hex");
}
