// Renders a DocumentModel to the format asked for (a template says which formats it offers).

import type { DocumentFormat, DocumentModel } from "./model/document-model.js";
import { renderCsv } from "./render/render-csv.js";
import { renderDocx } from "./render/render-docx.js";
import { renderHtml } from "./render/render-html.js";
import { renderPdf } from "./render/render-pdf.js";
import { renderXlsx } from "./render/render-xlsx.js";

export const MEDIA_TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export async function renderDocument(model: DocumentModel, format: DocumentFormat): Promise<Uint8Array> {
  switch (format) {
    case "docx":
      return renderDocx(model);
    case "pdf":
      return renderPdf(model);
    case "html":
      return renderHtml(model);
    case "xlsx":
      return renderXlsx(model);
    case "csv":
      return renderCsv(model);
  }
}
