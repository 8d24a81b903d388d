// Use case: the templates art28 writes, each with its formats, the law it serves and an example of its data.

import type { DocumentFormat } from "../../documents/model/document-model.js";
import { findTemplate, TEMPLATES } from "../../documents/template-catalogue.js";
import type { Language } from "../../domain/duration.js";

export interface TemplateView {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly basis: string;
  readonly formats: readonly DocumentFormat[];
  readonly example: unknown;
}

export interface ListTemplatesOptions {
  readonly lang: Language;
  /** Only this template (its id), refused with not_found when unknown. */
  readonly only?: string;
}

export function listTemplates(options: ListTemplatesOptions): TemplateView[] {
  const templates = options.only === undefined ? TEMPLATES : [findTemplate(options.only)];
  return templates.map((t) => ({
    id: t.id,
    title: t.title[options.lang],
    summary: t.summary[options.lang],
    basis: t.basis,
    formats: t.formats,
    example: t.example,
  }));
}
