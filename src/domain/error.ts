// The one error type of art28: a closed set of codes, mapped to CLI exit codes and HTTP statuses at the edges.

export const ERROR_CODES = [
  "invalid_input",
  "not_found",
  "conflict",
  "forbidden",
  "unauthenticated",
  "unsupported_format",
  "unreadable_input",
  "integrity_violation",
  "unavailable",
  /** The database is held by another writer beyond the wait allowed: try again. */
  "busy",
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A message a person reads, in both languages art28 speaks. */
export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

export interface ErrorDetails {
  /** The input at fault, as the adapter names it (CLI option, API field). */
  readonly argument?: string;
  /** What that input accepts. */
  readonly accepted?: LocalizedText;
  readonly [key: string]: unknown;
}

export class Art28Error extends Error {
  override readonly name = "Art28Error";
  readonly text: LocalizedText;
  constructor(
    readonly code: ErrorCode,
    text: LocalizedText | string,
    readonly details: ErrorDetails = {},
  ) {
    const localized = typeof text === "string" ? { fr: text, en: text } : text;
    super(localized.en);
    this.text = localized;
  }
}

export function invalidInput(text: LocalizedText | string, details?: ErrorDetails): Art28Error {
  return new Art28Error("invalid_input", text, details);
}

export function isArt28Error(value: unknown): value is Art28Error {
  return value instanceof Art28Error;
}
