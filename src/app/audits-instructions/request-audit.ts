// Use case: a controller requests an audit of its processor (GDPR Art. 28(3)(h)): the earliest start after the
// agreement's audit_notice, a warning past its yearly cap, and the emergency audit after a breach where allowed.

import { instantPhrase } from "../../documents/email/due-phrase.js";
import { type AuditKind, auditFrequencyWarnings, earliestAuditStart } from "../../domain/audit.js";
import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredAudit } from "../../store/audit-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { notifyOrganisations } from "../outbox/notify-organisations.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId } from "../register/unit-of-work.js";

export interface RequestAuditOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    readonly kind?: AuditKind;
    readonly scope: readonly string[];
    /** For an emergency audit: the breach that justifies it. */
    readonly breach?: string | null;
  };
  readonly now: number;
}

export async function requestAudit({
  register,
  principal,
  input,
  now,
}: RequestAuditOptions): Promise<StoredAudit> {
  const kind = input.kind ?? "ordinary";
  if (kind !== "ordinary" && kind !== "emergency") {
    throw invalidInput(
      { fr: `type d'audit inconnu « ${kind} »`, en: `unknown audit kind "${kind}"` },
      { argument: "kind", accepted: { fr: "ordinary, emergency", en: "ordinary, emergency" } },
    );
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    const sides = await agreementSidesOf(unit, agreement);
    unit.access.actFor(sides.controller.id, SIDE.controller);
    const clock = {
      ...sides.clock,
      emergencyAuditAfterBreach: agreement.terms.emergencyAuditAfterBreach === true,
    };
    const id = newId();
    const scope = input.scope.map((s) => s.trim());
    const schedule = earliestAuditStart(
      { id, kind, requestedAt: now, scope, breachId: input.breach ?? null },
      clock,
    );
    const previous = (await unit.audits.ofAgreement(agreement.id)).filter((a) => a.kind === "ordinary");
    const warnings = auditFrequencyWarnings({
      agreement: clock,
      kind,
      proposedStart: schedule.earliestStart,
      previousStarts: previous.map((a) => a.earliestStart),
    });
    const audit: StoredAudit = {
      id,
      agreementId: agreement.id,
      controllerId: sides.controller.id,
      processorId: sides.processor.id,
      kind,
      scope,
      breachId: input.breach ?? null,
      requestedAt: now,
      earliestStart: schedule.earliestStart,
      noticeExpires: schedule.noticeExpires,
      basis: schedule.basis,
      warnings,
    };
    await unit.audits.insert(audit, now);
    unit.record({
      type: "audit.requested",
      payload: {
        v: 1,
        auditId: id,
        agreementId: agreement.id,
        kind,
        scope,
        breachId: audit.breachId,
        earliestStart: audit.earliestStart,
        warnings: warnings.length,
      },
    });
    const zone = clock.calendar.timeZone;
    await notifyOrganisations(unit, [
      {
        organisationId: sides.processor.id,
        key: `audit.${id}`,
        kind: "audit.requested",
        render: (lang) => ({
          lang,
          subject:
            lang === "fr"
              ? `[art28] Demande d'audit — ${sides.controller.name}`
              : `[art28] Audit request — ${sides.controller.name}`,
          heading:
            lang === "fr" ? "Demande d'audit (RGPD art. 28(3)(h))" : "Audit request (GDPR Art. 28(3)(h))",
          paragraphs: [
            lang === "fr"
              ? `${sides.controller.name} demande un audit${kind === "emergency" ? " d'urgence après une violation" : ""}.`
              : `${sides.controller.name} requests an${kind === "emergency" ? " emergency" : ""} audit.`,
          ],
          facts: [
            [
              lang === "fr" ? "Début au plus tôt" : "Earliest start",
              instantPhrase(audit.earliestStart, zone, lang),
            ],
            [lang === "fr" ? "Périmètre" : "Scope", scope.join(" ; ")],
          ],
        }),
        webhook: {
          event: "audit.requested",
          payload: { auditId: id, agreementId: agreement.id, kind, scope },
        },
        from: sides.controller.id,
        about: { fr: "la demande d'audit", en: "the audit request" },
        agreementId: agreement.id,
        rule: "GDPR Art. 28(3)(h)",
      },
    ]);
    return audit;
  });
  return result;
}
