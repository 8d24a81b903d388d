// The public sub-processor list's changes as an Atom feed (RFC 4287), for anyone to subscribe to.

import { Feed } from "feed";
import { changeTitle } from "./change-text.js";
import { feedUrl, type PublicSubprocessorList, placeName } from "./public-subprocessor-list.js";

export function renderSubprocessorListAtom(list: PublicSubprocessorList, lang: "fr" | "en"): string {
  const feed = new Feed({
    id: list.pageUrl,
    title:
      lang === "fr"
        ? `Sous-traitants ultérieurs de ${list.processor.name}`
        : `Sub-processors of ${list.processor.name}`,
    link: list.pageUrl,
    language: lang,
    updated: new Date(list.updatedAt),
    generator: "art28",
    feedLinks: { atom: feedUrl(list) },
    copyright: list.processor.name,
  });
  for (const change of list.changes) {
    const place = placeName(change.location, lang);
    const details = [change.activity, place].filter((part): part is string => Boolean(part)).join(" — ");
    feed.addItem({
      id: `${list.pageUrl}#change-${change.id}`,
      title: changeTitle(change, lang),
      link: `${list.pageUrl}#change-${change.id}`,
      date: new Date(change.announcedAt),
      description: details,
    });
  }
  return feed.atom1();
}
