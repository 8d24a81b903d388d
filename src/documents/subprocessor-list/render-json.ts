// The public sub-processor list as JSON, for machines that watch a vendor's list.

import { PUBLIC_LIST_SCHEMA, type PublicSubprocessorList } from "./public-subprocessor-list.js";

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

export function renderSubprocessorListJson(list: PublicSubprocessorList): string {
  return `${JSON.stringify(
    {
      schema: PUBLIC_LIST_SCHEMA,
      processor: list.processor,
      updatedAt: iso(list.updatedAt),
      subprocessors: list.subprocessors.map((s) => ({ ...s, since: iso(s.since) })),
      changes: list.changes.map((c) => ({ ...c, announcedAt: iso(c.announcedAt) })),
    },
    null,
    2,
  )}\n`;
}
