// What a workflow's messages reached, in one line: what was queued, for whom, and who could not be told at all.

import type { NoticeDelivery } from "../app/outbox/notify-organisations.js";
import type { Say } from "./language.js";

/** « 2 message(s) en file pour 1 organisation(s) ; aucun destinataire pour École X : obligation ouverte ». */
export function deliveryLine(delivery: NoticeDelivery, say: Say): string {
  const queued =
    delivery.enqueued === 0
      ? say("aucun message en file", "no message queued")
      : say(
          `${delivery.enqueued} message(s) en file pour ${delivery.reached.length} organisation(s)`,
          `${delivery.enqueued} message(s) queued for ${delivery.reached.length} organisation(s)`,
        );
  if (delivery.unreached.length === 0) return queued;
  const names = delivery.unreached.map((u) => u.name).join(", ");
  return `${queued} ; ${say(
    `aucun destinataire pour ${names} (ni contact, ni adresse de DPO, ni webhook) : obligation ouverte, voir art28 obligations due`,
    `no recipient for ${names} (no contact, DPO address or webhook): duty opened, see art28 obligations due`,
  )}`;
}
