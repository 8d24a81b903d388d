// A template: its id and name, the formats it renders to, the zod schema of its data with an example, and
// the function that writes the document from valid data. Invalid data is refused with every bad field named.

import type { z } from "zod";
import { invalidInput, type LocalizedText } from "../domain/error.js";
import type { DocumentFormat, DocumentLanguage, DocumentModel } from "./model/document-model.js";

export interface TemplateDefinition<S extends z.ZodType> {
  readonly id: string;
  readonly title: LocalizedText;
  /** What the document is for, in one line. */
  readonly summary: LocalizedText;
  /** The article of law the document serves. */
  readonly basis: string;
  readonly formats: readonly DocumentFormat[];
  readonly schema: S;
  readonly example: z.input<S>;
  readonly write: (data: z.output<S>, lang: DocumentLanguage) => DocumentModel;
}

export interface Template {
  readonly id: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly basis: string;
  readonly formats: readonly DocumentFormat[];
  readonly example: unknown;
  /** The document written from `data`, refused with `invalid_input` naming every bad field. */
  readonly write: (data: unknown, lang: DocumentLanguage) => DocumentModel;
}

export interface DataFault {
  readonly field: string;
  readonly message: string;
}

/** Why a field is refused, in words: zod's own messages are English and name types, not what to type. */
function reasonOf(issue: z.core.$ZodIssue, lang: DocumentLanguage): string {
  const say = (fr: string, en: string) => (lang === "fr" ? fr : en);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? say("manquant", "missing")
        : say(
            `attendu : ${TYPE_WORDS[issue.expected]?.fr ?? issue.expected}`,
            `expected: ${TYPE_WORDS[issue.expected]?.en ?? issue.expected}`,
          );
    case "invalid_value":
      return say(
        `valeurs possibles : ${issue.values.join(", ")}`,
        `accepted values: ${issue.values.join(", ")}`,
      );
    case "too_small":
      return issue.origin === "string"
        ? say("vide", "empty")
        : say(`au moins ${issue.minimum}`, `at least ${issue.minimum}`);
    case "too_big":
      return say(`au plus ${issue.maximum}`, `at most ${issue.maximum}`);
    case "unrecognized_keys":
      return say(`champs inconnus : ${issue.keys.join(", ")}`, `unknown fields: ${issue.keys.join(", ")}`);
    default:
      return issue.message;
  }
}

const TYPE_WORDS: Record<string, { fr: string; en: string }> = {
  string: { fr: "un texte", en: "a text" },
  number: { fr: "un nombre", en: "a number" },
  int: { fr: "un nombre entier", en: "a whole number" },
  boolean: { fr: "true ou false", en: "true or false" },
  object: { fr: "un objet JSON", en: "a JSON object" },
  array: { fr: "une liste", en: "a list" },
};

/** Every fault of `data` against `schema`, field by field, in the order of the schema. */
export function faultsOf(schema: z.ZodType, data: unknown, lang: DocumentLanguage = "fr"): DataFault[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    field: issue.path.length === 0 ? "(document)" : issue.path.map(String).join("."),
    message: reasonOf(issue, lang),
  }));
}

export function defineTemplate<S extends z.ZodType>(definition: TemplateDefinition<S>): Template {
  return {
    id: definition.id,
    title: definition.title,
    summary: definition.summary,
    basis: definition.basis,
    formats: definition.formats,
    example: definition.example,
    write: (data, lang) => {
      const result = definition.schema.safeParse(data);
      if (!result.success) {
        const faults = faultsOf(definition.schema, data, lang);
        const listed = faults.map((f) => `${f.field} (${f.message})`).join(lang === "fr" ? " ; " : "; ");
        throw invalidInput(
          {
            fr: `données du modèle ${definition.id} à corriger, ${faults.length} champ(s) : ${listed}`,
            en: `invalid data for template ${definition.id}, ${faults.length} field(s): ${listed}`,
          },
          { argument: "--data", fields: faults },
        );
      }
      return definition.write(result.data, lang);
    },
  };
}
