// Builds a DocumentModel sentence by sentence: each sentence written in French and English, typeset for the
// document's language, clauses and their paragraphs numbered as they come.

import type { LocalizedText } from "../../domain/error.js";
import type { Block, DocumentLanguage, DocumentModel, DocumentTable, Signatory } from "./document-model.js";
import { typeset } from "./french-typography.js";

/**
 * A sentence in both languages, or a value from the data (a name, an address, a register's cell) that reads
 * the same in both and is printed as typed: typography must not touch what a person or a spreadsheet wrote.
 */
export type Words = LocalizedText | string;

export interface DocumentHeader {
  readonly templateId: string;
  readonly title: Words;
  readonly subtitle: Words;
  readonly reference: string;
  readonly issuedOn: string;
  readonly author: string;
  readonly orientation?: "portrait" | "landscape";
}

export class DocumentWriter {
  private readonly blocks: Block[] = [];
  private clauseCount = 0;
  private pointCount = 0;

  constructor(readonly lang: DocumentLanguage) {}

  /** A sentence of ours in the document's language, typeset; a value from the data as it was typed. */
  text(words: Words): string {
    return typeof words === "string" ? words : typeset(words[this.lang], this.lang);
  }

  /** Picks the French or English form without typesetting (for values joined into a sentence later). */
  pick(words: Words): string {
    return typeof words === "string" ? words : words[this.lang];
  }

  section(title: Words): this {
    this.blocks.push({ type: "heading", level: 1, text: this.text(title) });
    return this;
  }

  /** A numbered clause heading: "Clause 7 – Sous-traitants ultérieurs"; its paragraphs are numbered 7.1, 7.2… */
  clause(title: Words, numbering: { label?: Words; number?: number } = {}): this {
    this.clauseCount = numbering.number ?? this.clauseCount + 1;
    this.pointCount = 0;
    this.blocks.push({
      type: "heading",
      level: 2,
      text: typeset(
        `${this.pick(numbering.label ?? "Clause")} ${this.clauseCount} – ${this.pick(title)}`,
        this.lang,
      ),
    });
    return this;
  }

  /** A heading of a document without numbered clauses (a letter, a certificate), or inside a clause. */
  heading(title: Words, level: 1 | 2 | 3 = 2): this {
    this.blocks.push({ type: "heading", level, text: this.text(title) });
    return this;
  }

  /** The next numbered paragraph of the current clause. */
  point(words: Words): this {
    this.pointCount += 1;
    this.blocks.push({
      type: "clause",
      number: `${this.clauseCount}.${this.pointCount}`,
      text: this.text(words),
    });
    return this;
  }

  paragraph(words: Words, tone?: "note" | "strong"): this {
    this.blocks.push({ type: "paragraph", text: this.text(words), ...(tone === undefined ? {} : { tone }) });
    return this;
  }

  list(items: readonly Words[], style: "letters" | "bullets" = "bullets"): this {
    if (items.length > 0) this.blocks.push({ type: "list", style, items: items.map((i) => this.text(i)) });
    return this;
  }

  table(
    header: readonly Words[],
    rows: readonly (readonly Words[])[],
    options: Partial<DocumentTable> = {},
  ): this {
    const table: DocumentTable = {
      ...options,
      header: header.map((h) => this.text(h)),
      rows: rows.map((row) => row.map((cell) => this.text(cell))),
    };
    this.blocks.push({ type: "table", table });
    return this;
  }

  /** A table for spreadsheets only (see Block "sheet"). */
  sheet(name: Words, header: readonly Words[], rows: readonly (readonly Words[])[]): this {
    this.blocks.push({
      type: "sheet",
      table: {
        sheet: this.text(name),
        header: header.map((h) => this.text(h)),
        rows: rows.map((row) => row.map((cell) => this.text(cell))),
      },
    });
    return this;
  }

  fields(rows: readonly (readonly [Words, Words])[]): this {
    this.blocks.push({
      type: "fields",
      rows: rows.map(([label, value]) => [this.text(label), this.text(value)] as const),
    });
    return this;
  }

  signatures(
    place: Words,
    signatories: readonly { heading: Words; organisation: Words; person: Words }[],
  ): this {
    const list: Signatory[] = signatories.map((s) => ({
      heading: this.text(s.heading),
      organisation: this.text(s.organisation),
      person: this.text(s.person),
    }));
    this.blocks.push({ type: "signatures", place: this.text(place), signatories: list });
    return this;
  }

  contents(): this {
    this.blocks.push({ type: "contents", title: this.text({ fr: "Sommaire", en: "Contents" }) });
    return this;
  }

  pageBreak(): this {
    this.blocks.push({ type: "pageBreak" });
    return this;
  }

  build(header: DocumentHeader): DocumentModel {
    return {
      templateId: header.templateId,
      lang: this.lang,
      title: this.text(header.title),
      subtitle: this.text(header.subtitle),
      reference: header.reference,
      issuedOn: header.issuedOn,
      author: header.author,
      orientation: header.orientation ?? "portrait",
      blocks: [...this.blocks],
    };
  }
}
