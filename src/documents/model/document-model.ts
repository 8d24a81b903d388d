// The abstract document every template builds and every renderer lays out: titled blocks of text and tables.

export type DocumentLanguage = "fr" | "en";

export const DOCUMENT_FORMATS = ["docx", "pdf", "html", "xlsx", "csv"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A table; `sheet` names it when the document is also a spreadsheet (registers). */
export interface DocumentTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Relative column widths; equal when absent. */
  readonly widths?: readonly number[];
  readonly sheet?: string;
}

export interface Signatory {
  /** "Pour le responsable de traitement". */
  readonly heading: string;
  readonly organisation: string;
  /** Name and title of the person who signs. */
  readonly person: string;
}

export type Block =
  /** Level 1: a section or an annex; 2: a clause; 3: a sub-heading inside a clause. */
  | { readonly type: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly type: "paragraph"; readonly text: string; readonly tone?: "note" | "strong" }
  /** A numbered paragraph of a clause: "7.2". */
  | { readonly type: "clause"; readonly number: string; readonly text: string }
  | { readonly type: "list"; readonly style: "letters" | "bullets"; readonly items: readonly string[] }
  | { readonly type: "table"; readonly table: DocumentTable }
  /** A table only spreadsheets show (XLSX, CSV): a register's rows, which pages show as one sheet per row. */
  | { readonly type: "sheet"; readonly table: DocumentTable }
  /** Label and value pairs, laid out as a two-column table. */
  | { readonly type: "fields"; readonly rows: readonly (readonly [string, string])[] }
  | { readonly type: "signatures"; readonly place: string; readonly signatories: readonly Signatory[] }
  /** The table of contents, filled from the headings of levels 1 and 2. */
  | { readonly type: "contents"; readonly title: string }
  | { readonly type: "pageBreak" };

export interface DocumentModel {
  readonly templateId: string;
  readonly lang: DocumentLanguage;
  readonly title: string;
  /** One line under the title: the parties, the processing. */
  readonly subtitle: string;
  /** The document's reference, printed in every page's footer. */
  readonly reference: string;
  /** The issue date (ISO 8601 calendar date): the only date a rendering carries, so equal inputs give equal bytes. */
  readonly issuedOn: string;
  readonly author: string;
  /** Wide tables (registers) are laid out on landscape pages. */
  readonly orientation: "portrait" | "landscape";
  readonly blocks: readonly Block[];
}
