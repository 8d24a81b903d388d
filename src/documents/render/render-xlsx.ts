// Lays a register out as an Excel workbook (exceljs, streamed): a sheet for the organisation's particulars,
// then one per table with a frozen, filtered header row. Every cell is plain text, never a formula.

import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { DocumentModel, DocumentTable } from "../model/document-model.js";
import { datedZip } from "./dated-zip.js";
import { neutralisedCell } from "./spreadsheet-cell.js";

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8ECF2" } } as const;

function columnWidths(table: DocumentTable): number[] {
  return table.header.map((h, i) => {
    const longest = Math.max(h.length, ...table.rows.slice(0, 200).map((r) => (r[i] ?? "").length));
    return Math.min(60, Math.max(10, longest + 2));
  });
}

export async function renderXlsx(model: DocumentModel): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const at = new Date(`${model.issuedOn}T00:00:00Z`);
  workbook.creator = model.author;
  workbook.lastModifiedBy = "art28";
  workbook.created = at;
  workbook.modified = at;
  workbook.title = model.title;
  workbook.subject = model.subtitle;

  const fields = model.blocks.flatMap((b) => (b.type === "fields" ? b.rows : []));
  if (fields.length > 0) {
    const sheet = workbook.addWorksheet(model.lang === "fr" ? "Organisme" : "Organisation");
    sheet.columns = [{ width: 36 }, { width: 80 }];
    sheet.addRow([model.title]).commit();
    sheet.addRow([model.subtitle]).commit();
    for (const [label, value] of fields)
      sheet.addRow([neutralisedCell(label), neutralisedCell(value)]).commit();
    sheet.commit();
  }
  let count = 0;
  for (const block of model.blocks) {
    if (block.type !== "sheet") continue;
    count += 1;
    const table = block.table;
    const sheet = workbook.addWorksheet(
      (table.sheet ?? `${model.lang === "fr" ? "Tableau" : "Table"} ${count}`).slice(0, 31),
      {
        views: [{ state: "frozen", ySplit: 1 }],
      },
    );
    sheet.columns = columnWidths(table).map((width) => ({ width }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
    const header = sheet.addRow(table.header.map(neutralisedCell));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: "top", wrapText: true };
    });
    header.commit();
    for (const row of table.rows) sheet.addRow(row.map(neutralisedCell)).commit();
    sheet.commit();
  }
  await workbook.commit();
  await ended;
  return datedZip(new Uint8Array(Buffer.concat(chunks)), model.issuedOn);
}
