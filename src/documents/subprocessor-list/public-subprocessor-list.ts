// The public list of a processor's sub-processors (GDPR Art. 28(2)), as families, schools and anyone may read it.

export type PublicChangeKind = "addition" | "replacement" | "removal";

export interface PublicSubprocessor {
  readonly name: string;
  readonly activity: string | null;
  /** ISO 3166-1 alpha-2 code where known ("FR", "IE", "US"), else the place as written. */
  readonly location: string | null;
  readonly transferMechanism: string | null;
  readonly since: number | null;
}

export interface PublicSubprocessorChange {
  readonly id: string;
  readonly kind: PublicChangeKind;
  readonly name: string;
  readonly replaces: string | null;
  readonly activity: string | null;
  readonly location: string | null;
  readonly announcedAt: number;
}

export interface PublicSubprocessorList {
  readonly processor: { readonly id: string; readonly name: string; readonly contact: string | null };
  /** Absolute URL of the HTML page; the JSON and Atom forms sit beside it. */
  readonly pageUrl: string;
  readonly updatedAt: number;
  readonly subprocessors: readonly PublicSubprocessor[];
  /** Most recent first. */
  readonly changes: readonly PublicSubprocessorChange[];
}

export const PUBLIC_LIST_SCHEMA = "art28.subprocessors/1";

const COUNTRY_CODE = /^[A-Z]{2}$/;

/** "Irlande" / "Ireland" for "IE"; any other text is shown as written. */
export function placeName(location: string | null, lang: "fr" | "en"): string | null {
  if (location === null || !COUNTRY_CODE.test(location)) return location;
  return new Intl.DisplayNames([lang], { type: "region" }).of(location) ?? location;
}

export function feedUrl(list: PublicSubprocessorList): string {
  return `${list.pageUrl.replace(/\/$/, "")}.atom`;
}

export function jsonUrl(list: PublicSubprocessorList): string {
  return `${list.pageUrl.replace(/\/$/, "")}.json`;
}
