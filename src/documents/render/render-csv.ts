// Lays a register out as CSV the way French spreadsheets open it: UTF-8 with a byte-order mark, semicolons,
// CRLF line ends, fields quoted when needed, and no cell a spreadsheet would take for a formula.

import type { DocumentModel, DocumentTable } from "../model/document-model.js";
import { neutralisedCell } from "./spreadsheet-cell.js";

function field(text: string): string {
  const safe = neutralisedCell(text);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The document's first spreadsheet table (a register's rows), else its first table. */
export function mainTable(model: DocumentModel): DocumentTable | undefined {
  const sheet = model.blocks.find((b) => b.type === "sheet");
  if (sheet?.type === "sheet") return sheet.table;
  const table = model.blocks.find((b) => b.type === "table");
  return table?.type === "table" ? table.table : undefined;
}

export function renderCsv(model: DocumentModel): Uint8Array {
  const table = mainTable(model);
  const rows = table === undefined ? [] : [table.header, ...table.rows];
  const text = `\uFEFF${rows.map((row) => row.map(field).join(";")).join("\r\n")}\r\n`;
  return new TextEncoder().encode(text);
}
