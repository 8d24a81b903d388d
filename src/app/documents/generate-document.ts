// Use case: write one of art28's documents from a data file (JSON) in the format asked for, so the same
// input always gives the same bytes and the same sha256.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DOCUMENT_FORMATS, type DocumentFormat } from "../../documents/model/document-model.js";
import { MEDIA_TYPES, renderDocument } from "../../documents/render-document.js";
import { findTemplate } from "../../documents/template-catalogue.js";
import type { Language } from "../../domain/duration.js";
import { Art28Error } from "../../domain/error.js";

export interface GenerateDocumentOptions {
  readonly input: {
    readonly template: string;
    /** A JSON file holding the template's data; or `data` itself. */
    readonly dataPath?: string;
    readonly data?: unknown;
    readonly format: string;
  };
  /** The document's language. */
  readonly lang: Language;
}

export interface GeneratedDocument {
  readonly template: string;
  readonly format: DocumentFormat;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly title: string;
}

function formatOf(value: string, accepted: readonly DocumentFormat[]): DocumentFormat {
  const format = DOCUMENT_FORMATS.find((f) => f === value.toLowerCase());
  if (format === undefined || !accepted.includes(format)) {
    const list = accepted.join(", ");
    throw new Art28Error(
      "unsupported_format",
      {
        fr: `format « ${value} » non disponible pour ce modèle (${list})`,
        en: `format "${value}" not available for this template (${list})`,
      },
      { argument: "--format", accepted: { fr: list, en: list } },
    );
  }
  return format;
}

async function readData(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = String((error as { code?: unknown } | null)?.code ?? "");
    throw new Art28Error(
      "unreadable_input",
      {
        fr: `fichier de données illisible : ${path} (${code})`,
        en: `cannot read the data file ${path} (${code})`,
      },
      { argument: "--data" },
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : "JSON";
    throw new Art28Error(
      "invalid_input",
      {
        fr: `fichier de données ${path} : JSON invalide (${reason})`,
        en: `data file ${path}: invalid JSON (${reason})`,
      },
      { argument: "--data" },
    );
  }
}

export async function generateDocument(options: GenerateDocumentOptions): Promise<GeneratedDocument> {
  const template = findTemplate(options.input.template);
  const format = formatOf(options.input.format, template.formats);
  const data =
    options.input.dataPath !== undefined ? await readData(options.input.dataPath) : options.input.data;
  const model = template.write(data, options.lang);
  const bytes = await renderDocument(model, format);
  return {
    template: template.id,
    format,
    mediaType: MEDIA_TYPES[format],
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    title: model.title,
  };
}
