// Lays a DocumentModel out as a Word document (docx): real heading styles, numbered clause paragraphs,
// tables with a repeated header row, a table of contents Word fills on opening, page numbers in the footer.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { strToU8 } from "fflate";
import type { Block, DocumentModel, DocumentTable } from "../model/document-model.js";
import { fixedZip, zippedParts } from "./fixed-zip.js";

const FONT = "Liberation Serif";
const HEADING_COLOUR = "1F3864";
const HEADER_SHADE = "E8ECF2";
const LABEL_SHADE = "F3F4F6";

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function cell(text: string, options: { header?: boolean; shade?: string; width?: number } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.header === true })] })],
    ...(options.shade === undefined
      ? {}
      : { shading: { type: ShadingType.CLEAR, color: "auto", fill: options.shade } }),
    ...(options.width === undefined ? {} : { width: { size: options.width, type: WidthType.PERCENTAGE } }),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function percentages(count: number, widths: readonly number[] | undefined): number[] {
  const weights = widths !== undefined && widths.length === count ? widths : Array(count).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((100 * w) / total));
}

function table(t: DocumentTable): Table {
  const widths = percentages(t.header.length, t.widths);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.header.map((h, i) => cell(h, { header: true, shade: HEADER_SHADE, width: widths[i] })),
      }),
      ...t.rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, { width: widths[i] })) }),
      ),
    ],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

function blockChildren(b: Block): (Paragraph | Table | TableOfContents)[] {
  switch (b.type) {
    case "heading":
      return [new Paragraph({ text: b.text, heading: HEADING_LEVELS[b.level], keepNext: true })];
    case "paragraph":
      return [
        new Paragraph({
          children: [new TextRun({ text: b.text, italics: b.tone === "note", bold: b.tone === "strong" })],
        }),
      ];
    case "clause":
      return [
        new Paragraph({
          style: "Clause",
          children: [
            new TextRun({ text: b.number, bold: true }),
            new TextRun({ children: [new Tab(), b.text] }),
          ],
        }),
      ];
    case "list":
      return b.items.map(
        (item) =>
          new Paragraph({
            text: item,
            numbering: { reference: b.style === "letters" ? "letters" : "bullets", level: 0 },
          }),
      );
    case "table":
      return [table(b.table), new Paragraph({ text: "" })];
    case "fields":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            ([label, value]) =>
              new TableRow({
                cantSplit: true,
                children: [cell(label, { shade: LABEL_SHADE, width: 32 }), cell(value, { width: 68 })],
              }),
          ),
        }),
        new Paragraph({ text: "" }),
      ];
    case "signatures":
      return [
        // The place and date stay with the signature boxes, on the same page.
        new Paragraph({ text: b.place, spacing: { before: 240 }, keepNext: true }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: {
            top: NO_BORDER,
            bottom: NO_BORDER,
            left: NO_BORDER,
            right: NO_BORDER,
            insideHorizontal: NO_BORDER,
            insideVertical: NO_BORDER,
          },
          rows: [
            new TableRow({
              cantSplit: true,
              children: b.signatories.map(
                (s) =>
                  new TableCell({
                    width: { size: Math.floor(100 / b.signatories.length), type: WidthType.PERCENTAGE },
                    children: [
                      new Paragraph({ children: [new TextRun({ text: s.heading, bold: true })] }),
                      new Paragraph({ text: s.organisation }),
                      new Paragraph({ text: s.person }),
                      new Paragraph({ text: "", spacing: { after: 900 } }),
                    ],
                  }),
              ),
            }),
          ],
        }),
      ];
    case "contents":
      return [
        new Paragraph({ text: b.title, heading: HEADING_LEVELS[3] }),
        new TableOfContents(b.title, { hyperlink: true, headingStyleRange: "1-2" }),
      ];
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "sheet":
      return [];
  }
}

function coreProperties(model: DocumentModel): string {
  const x = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const at = `${model.issuedOn}T00:00:00Z`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${x(model.title)}</dc:title><dc:subject>${x(model.subtitle)}</dc:subject><dc:creator>${x(model.author)}</dc:creator><dc:identifier>${x(model.reference)}</dc:identifier><dc:language>${model.lang === "fr" ? "fr-FR" : "en-GB"}</dc:language><cp:lastModifiedBy>art28</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`;
}

/**
 * docx numbers the table of contents' bookmarks from a counter that lives as long as the process: the same
 * document written twice would differ. They are renumbered from 1 in the order they appear.
 */
function renumberBookmarks(name: string, text: string): string {
  if (name !== "word/document.xml") return text;
  const renumber = (pattern: RegExp, make: (n: number) => string) => {
    const numbers = new Map<string, number>();
    return (source: string) =>
      source.replace(pattern, (_match, id: string) => {
        let n = numbers.get(id);
        if (n === undefined) {
          n = numbers.size + 1;
          numbers.set(id, n);
        }
        return make(n);
      });
  };
  const names = renumber(/_Toc(\d+)/g, (n) => `_Toc${n}`);
  const ids = renumber(/(?<=<w:bookmark(?:Start|End)\b[^>]*)\bw:id="(\d+)"/g, (n) => `w:id="${n}"`);
  return ids(names(text));
}

export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const language = model.lang === "fr" ? "fr-FR" : "en-GB";
  const pageLabel = model.lang === "fr" ? "page " : "page ";
  const document = new Document({
    creator: model.author,
    title: model.title,
    description: model.subtitle,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22, language: { value: language } },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { font: FONT, size: 40, bold: true, color: HEADING_COLOUR } },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 25, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: 23, bold: true },
          paragraph: { spacing: { before: 200, after: 100 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: "Clause",
          name: "Clause",
          basedOn: "Normal",
          quickFormat: true,
          paragraph: { indent: { left: 720, hanging: 720 }, alignment: AlignmentType.JUSTIFIED },
        },
        {
          id: "Subtitle",
          name: "Subtitle",
          basedOn: "Normal",
          run: { size: 24, color: "444444" },
          paragraph: { spacing: { after: 360 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: "letters",
          levels: [
            {
              level: 0,
              format: LevelFormat.LOWER_LETTER,
              text: "%1)",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 1080, hanging: 360 } } },
            },
          ],
        },
        {
          reference: "bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "–",
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 1080, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              orientation:
                model.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: 1134, bottom: 1134, left: 1247, right: 1247 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${model.reference} – ${pageLabel}`, size: 18 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                  new TextRun({ text: " / ", size: 18 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: model.subtitle, style: "Subtitle" }),
          ...model.blocks.flatMap(blockChildren),
        ],
      },
    ],
  });
  const overrides = [{ path: "docProps/core.xml", data: coreProperties(model) }];
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (compiler !== undefined) {
    // docx's own packing deflates every part, which fixedZip would inflate again: its parts are taken before.
    const parts = compiler.compile(document, undefined, overrides);
    const files: Record<string, Uint8Array> = {};
    for (const [path, data] of parts) {
      files[path] = typeof data === "string" ? strToU8(renumberBookmarks(path, data)) : new Uint8Array(data);
    }
    return zippedParts(files, model.issuedOn);
  }
  const packed = await Packer.toBuffer(document, false, overrides);
  return fixedZip(
    new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength),
    model.issuedOn,
    renumberBookmarks,
  );
}

/** What docx's Packer compiles a document to before zipping it: part paths and their XML or bytes. */
interface PackageCompiler {
  compile(
    file: Document,
    prettify: undefined,
    overrides: { path: string; data: string }[],
  ): Map<string, string | Uint8Array>;
}
