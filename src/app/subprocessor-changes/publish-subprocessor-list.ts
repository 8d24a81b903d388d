// Use case: the public list of a processor's current sub-processors (GDPR Art. 28(2)) — those in use for at least
// one customer, each only once a window let it in — with its announced changes, rendered as HTML, JSON and Atom.

import type {
  PublicSubprocessor,
  PublicSubprocessorList,
} from "../../documents/subprocessor-list/public-subprocessor-list.js";
import { renderSubprocessorListAtom } from "../../documents/subprocessor-list/render-atom.js";
import { renderSubprocessorListHtml } from "../../documents/subprocessor-list/render-html.js";
import { renderSubprocessorListJson } from "../../documents/subprocessor-list/render-json.js";
import type { Language } from "../../domain/duration.js";
import type { Principal } from "../../domain/principal.js";
import { subprocessorNameKey, subprocessorsInUse } from "../../domain/subprocessor-use.js";
import { findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { reader } from "../register/unit-of-work.js";

export const DEFAULT_PUBLIC_BASE_URL = "http://localhost:8028";

export interface PublishSubprocessorListOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly processor: string;
    /** Where the public pages are served (ART28_PUBLIC_URL); the page sits at /public/processors/<id>/subprocessors. */
    readonly baseUrl?: string;
  };
  readonly now: number;
  readonly lang?: Language;
}

export interface PublishedSubprocessorList {
  readonly list: PublicSubprocessorList;
  readonly html: string;
  readonly json: string;
  readonly atom: string;
}

export async function publishSubprocessorList({
  register,
  principal,
  input,
  now,
  lang = "fr",
}: PublishSubprocessorListOptions): Promise<PublishedSubprocessorList> {
  const repositories = reader(register, principal);
  const processor = await findOrganisation(repositories, input.processor, "processor");
  const agreements = await repositories.agreements.list({
    organisationId: processor.id,
    roles: ["processor"],
    statuses: ["active"],
  });
  const uses = await repositories.subprocessorChanges.usesOfProcessor(processor.id);
  const byAgreement = new Map<string, typeof uses>();
  for (const u of uses) {
    const list = byAgreement.get(u.agreementId) ?? [];
    list.push(u);
    byAgreement.set(u.agreementId, list);
  }
  const current = new Map<string, PublicSubprocessor>();
  for (const agreement of agreements) {
    for (const s of subprocessorsInUse(agreement.subprocessors, byAgreement.get(agreement.id) ?? [], now)) {
      const key = subprocessorNameKey(s.name);
      const known = current.get(key);
      const since =
        known === undefined
          ? s.since
          : known.since === null || s.since === null
            ? null
            : Math.min(known.since, s.since);
      current.set(key, {
        name: s.name,
        activity: s.activity,
        location: s.location,
        transferMechanism: s.transferMechanism,
        since,
      });
    }
  }
  const changes = (await repositories.subprocessorChanges.changesOf(processor.id)).filter(
    (c) => c.announcedAt <= now,
  );
  const instants = [
    processor.createdAt,
    ...changes.map((c) => c.announcedAt),
    ...uses.flatMap((u) => [u.from, u.until]).filter((t): t is number => t !== null && t <= now),
  ];
  const base = (input.baseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, "");
  const list: PublicSubprocessorList = {
    processor: { id: processor.id, name: processor.name, contact: processor.dpo?.email ?? null },
    pageUrl: `${base}/public/processors/${processor.id}/subprocessors`,
    updatedAt: Math.max(...instants),
    subprocessors: [...current.values()].sort((a, b) => a.name.localeCompare(b.name, "fr")),
    changes: changes.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.subprocessor.name,
      replaces: c.replaces,
      activity: c.subprocessor.activity,
      location: c.subprocessor.location,
      announcedAt: c.announcedAt,
    })),
  };
  return {
    list,
    html: renderSubprocessorListHtml(list, lang),
    json: renderSubprocessorListJson(list),
    atom: renderSubprocessorListAtom(list, lang),
  };
}
