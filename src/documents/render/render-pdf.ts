// Lays a DocumentModel out as PDF/A-2b with pdfkit: DejaVu fonts embedded (French accents, the narrow no-break
// space), XMP metadata with the PDF/A identification, an sRGB output intent, a table of contents with page
// numbers and links, bookmarks, tables that carry their header row over page breaks, and page numbers.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Block, DocumentModel, DocumentTable } from "../model/document-model.js";

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: "DejaVuSerif.ttf",
  bold: "DejaVuSerif-Bold.ttf",
  italic: "DejaVuSerif-Italic.ttf",
  sans: "DejaVuSans-Bold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

let fontBytes: Record<FontName, Buffer> | undefined;

/** The font files, read once per process. */
function fonts(): Record<FontName, Buffer> {
  if (fontBytes === undefined) {
    const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    fontBytes = {
      regular: read(FONT_FILES.regular),
      bold: read(FONT_FILES.bold),
      italic: read(FONT_FILES.italic),
      sans: read(FONT_FILES.sans),
    };
  }
  return fontBytes;
}

const MARGIN = 62;
const BODY = 10;
const COLOURS = { heading: "#1f3864", rule: "#888888", shade: "#e8ecf2", label: "#f3f4f6", muted: "#444444" };
const INDENT = 34;

type Pdf = InstanceType<typeof PDFDocument>;

interface ContentsEntry {
  readonly text: string;
  readonly level: number;
  readonly destination: string;
  page: number;
}

class PdfLayout {
  readonly doc: Pdf;
  private readonly width: number;
  readonly entries: ContentsEntry[] = [];
  private outlineParent: ReturnType<Pdf["outline"]["addItem"]> | null = null;

  constructor(readonly model: DocumentModel) {
    const at = new Date(`${model.issuedOn}T00:00:00Z`);
    this.doc = new PDFDocument({
      size: "A4",
      layout: model.orientation,
      margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
      pdfVersion: "1.7",
      subset: "PDF/A-2b",
      lang: model.lang === "fr" ? "fr-FR" : "en-GB",
      displayTitle: true,
      bufferPages: true,
      autoFirstPage: true,
      compress: true,
      info: {
        Title: xmlSafe(model.title),
        Author: xmlSafe(model.author),
        Subject: xmlSafe(model.subtitle),
        Keywords: xmlSafe(model.reference),
        Creator: "art28",
        Producer: "art28",
        CreationDate: at,
        ModDate: at,
      },
    });
    const bytes = fonts();
    for (const name of Object.keys(FONT_FILES) as FontName[]) this.doc.registerFont(name, bytes[name]);
    this.width = this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(): void {
    const { doc, model } = this;
    doc
      .font("sans")
      .fontSize(19)
      .fillColor(COLOURS.heading)
      .text(model.title, MARGIN, MARGIN, { width: this.width });
    doc.moveDown(0.3);
    doc.font("regular").fontSize(11.5).fillColor(COLOURS.muted).text(model.subtitle, { width: this.width });
    doc.moveDown(1);
    doc.fillColor("black");
  }

  heading(level: 1 | 2 | 3, text: string, index: number): void {
    const { doc } = this;
    const size = level === 1 ? 14.5 : level === 2 ? 12 : 11;
    doc.font(level === 3 ? "bold" : "sans").fontSize(size);
    const height = doc.heightOfString(text, { width: this.width });
    // A heading never ends a page: it keeps at least three lines of what follows.
    this.ensure(height + (level === 1 ? 18 : 10) + 3 * 14);
    doc.moveDown(level === 1 ? 0.9 : 0.6);
    const destination = `h${index}`;
    doc.fillColor(level === 3 ? "black" : COLOURS.heading).text(text, MARGIN, doc.y, {
      width: this.width,
      destination,
    });
    doc.fillColor("black");
    doc.moveDown(0.3);
    if (level <= 2) {
      this.entries.push({ text, level, destination, page: doc.bufferedPageRange().count });
      const item = { expanded: level === 1 };
      if (level === 1) this.outlineParent = doc.outline.addItem(text, item);
      else (this.outlineParent ?? doc.outline).addItem(text, item);
    }
  }

  paragraph(text: string, tone?: "note" | "strong"): void {
    const { doc } = this;
    doc.font(tone === "note" ? "italic" : tone === "strong" ? "bold" : "regular").fontSize(BODY);
    this.ensure(2 * 13);
    doc.text(text, MARGIN, doc.y, { width: this.width, align: "justify" });
    doc.moveDown(0.5);
  }

  /** Text hanging after a label: a clause number, a list letter or dash. */
  hanging(label: string, text: string, labelFont: "bold" | "regular", indent: number): void {
    const { doc } = this;
    doc.font("regular").fontSize(BODY);
    this.ensure(Math.min(doc.heightOfString(text, { width: this.width - indent }), 3 * 13));
    const y = doc.y;
    doc.font(labelFont).text(label, MARGIN + indent - INDENT, y, { width: INDENT - 4, lineBreak: false });
    doc.font("regular").text(text, MARGIN + indent, y, { width: this.width - indent, align: "justify" });
    doc.moveDown(0.45);
  }

  table(t: DocumentTable, header: boolean): void {
    const { doc } = this;
    const count = t.header.length > 0 ? t.header.length : (t.rows[0]?.length ?? 1);
    const weights = t.widths !== undefined && t.widths.length === count ? t.widths : Array(count).fill(1);
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (this.width * w) / total);
    const pad = 4;
    doc.fontSize(BODY - 1);
    const rowHeight = (cells: readonly string[], font: string) => {
      doc.font(font);
      return (
        Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad }))) +
        2 * pad
      );
    };
    const drawRow = (
      cells: readonly string[],
      font: string,
      fill: string | null,
      labelFill: string | null,
    ) => {
      const height = rowHeight(cells, font);
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 0;
        const shade = fill ?? (i === 0 ? labelFill : null);
        if (shade !== null) doc.rect(x, y, w, height).fill(shade);
        doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
        doc
          .fillColor("black")
          .font(font)
          .text(c, x + pad, y + pad, { width: w - 2 * pad });
        x += w;
      });
      doc.x = MARGIN;
      doc.y = y + height;
    };
    const drawHeader = () => {
      if (header) drawRow(t.header, "bold", COLOURS.shade, null);
    };
    const headerHeight = header ? rowHeight(t.header, "bold") : 0;
    this.ensure(headerHeight + (t.rows[0] === undefined ? 0 : rowHeight(t.rows[0], "regular")));
    drawHeader();
    for (const row of t.rows) {
      const height = rowHeight(row, "regular");
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawHeader();
      }
      drawRow(row, "regular", null, header ? null : COLOURS.label);
    }
    doc.moveDown(0.8);
  }

  signatures(
    place: string,
    signatories: readonly { heading: string; organisation: string; person: string }[],
  ): void {
    const { doc } = this;
    this.ensure(140);
    this.paragraph(place);
    const y = doc.y + 6;
    const gap = 24;
    const w = (this.width - gap * (signatories.length - 1)) / signatories.length;
    signatories.forEach((s, i) => {
      const x = MARGIN + i * (w + gap);
      doc.font("bold").fontSize(BODY).text(s.heading, x, y, { width: w });
      doc.font("regular").text(s.organisation, x, doc.y, { width: w });
      doc.text(s.person, x, doc.y, { width: w });
      doc
        .rect(x, doc.y + 6, w, 70)
        .lineWidth(0.5)
        .strokeColor(COLOURS.rule)
        .stroke();
    });
    doc.x = MARGIN;
    doc.y = y + 130;
  }

  /**
   * Room for the table of contents, filled once every heading's page is known. The contents end their page,
   * so that the text of each page is written in reading order.
   */
  reserveContents(title: string): { page: number; y: number; title: string } {
    const { doc } = this;
    const headings = this.model.blocks.filter((b) => b.type === "heading" && b.level <= 2).length;
    this.ensure(40);
    const place = { page: doc.bufferedPageRange().count - 1, y: doc.y, title };
    let left = 30 + headings * 15 - (this.bottom - doc.y);
    while (left > 0) {
      doc.addPage();
      left -= this.bottom - doc.page.margins.top;
    }
    doc.addPage();
    return place;
  }

  fillContents(place: { page: number; y: number; title: string }): void {
    const { doc } = this;
    doc.switchToPage(place.page);
    doc.y = place.y;
    doc
      .font("sans")
      .fontSize(12)
      .fillColor(COLOURS.heading)
      .text(place.title, MARGIN, doc.y, { width: this.width });
    doc.fillColor("black").moveDown(0.4);
    for (const entry of this.entries) {
      if (doc.y + 15 > this.bottom) {
        doc.switchToPage(doc.bufferedPageRange().start + place.page + 1);
        place.page += 1;
        doc.y = doc.page.margins.top;
      }
      const indent = entry.level === 1 ? 0 : 16;
      const pageText = String(entry.page);
      doc.font(entry.level === 1 ? "bold" : "regular").fontSize(BODY - 0.5);
      const numberWidth = doc.widthOfString(pageText);
      const y = doc.y;
      const textWidth = this.width - indent - 40;
      doc.text(entry.text, MARGIN + indent, y, {
        width: textWidth,
        lineBreak: false,
        ellipsis: true,
        goTo: entry.destination,
      });
      doc.text(pageText, MARGIN + this.width - numberWidth, y, { lineBreak: false, goTo: entry.destination });
      doc.y = y + 15;
    }
  }

  footers(): void {
    const { doc, model } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font("regular")
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(`${model.reference} – page ${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN + 8, {
          width: this.width,
          align: "center",
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    doc.fillColor("black");
  }
}

/** pdfkit copies the title and author into the XMP packet as they are. */
function xmlSafe(text: string): string {
  return text.replace(/[<>&]/g, " ");
}

function layBlock(
  layout: PdfLayout,
  b: Block,
  index: number,
  contents: { value: ReturnType<PdfLayout["reserveContents"]> | null },
): void {
  switch (b.type) {
    case "heading":
      layout.heading(b.level, b.text, index);
      return;
    case "paragraph":
      layout.paragraph(b.text, b.tone);
      return;
    case "clause":
      layout.hanging(b.number, b.text, "bold", INDENT);
      return;
    case "list":
      b.items.forEach((item, i) => {
        layout.hanging(
          b.style === "letters" ? `${String.fromCharCode(97 + i)})` : "–",
          item,
          "regular",
          2 * INDENT,
        );
      });
      return;
    case "table":
      layout.table(b.table, true);
      return;
    case "fields":
      layout.table({ header: [], rows: b.rows, widths: [32, 68] }, false);
      return;
    case "signatures":
      layout.signatures(b.place, b.signatories);
      return;
    case "contents":
      contents.value = layout.reserveContents(b.title);
      return;
    case "pageBreak":
      layout.doc.addPage();
      return;
    case "sheet":
      return;
  }
}

export function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const layout = new PdfLayout(model);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    layout.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    layout.doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    layout.doc.on("error", reject);
  });
  layout.title();
  const contents: { value: ReturnType<PdfLayout["reserveContents"]> | null } = { value: null };
  model.blocks.forEach((b, i) => {
    layBlock(layout, b, i, contents);
  });
  if (contents.value !== null) layout.fillContents(contents.value);
  layout.footers();
  layout.doc.end();
  return done;
}
