// Renders a DocumentModel to the format asked for; the spreadsheet formats only for documents that are tables.

import { Art28Error } from "../domain/error.js";
import type { DocumentFormat, DocumentModel } from "./model/document-model.js";
import { renderDocx } from "./render/render-docx.js";
import { renderHtml } from "./render/render-html.js";
import { renderPdf } from "./render/render-pdf.js";

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
    case "csv":
      throw new Art28Error(
        "unsupported_format",
        {
          fr: `le format ${format} est réservé aux registres`,
          en: `the ${format} format is for registers only`,
        },
        { argument: "--format" },
      );
  }
}
