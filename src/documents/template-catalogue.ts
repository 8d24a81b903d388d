// Every template art28 writes, by id, in the order `art28 generate --list` shows them.

import { Art28Error } from "../domain/error.js";
import type { Template } from "./template.js";
import { dpaTemplate } from "./templates/dpa.js";
import { registerControllerTemplate } from "./templates/register-controller.js";
import { registerProcessorTemplate } from "./templates/register-processor.js";

export const TEMPLATES: readonly Template[] = [
  dpaTemplate,
  registerControllerTemplate,
  registerProcessorTemplate,
];

export function findTemplate(id: string): Template {
  const template = TEMPLATES.find((t) => t.id === id);
  if (template === undefined) {
    const ids = TEMPLATES.map((t) => t.id).join(", ");
    throw new Art28Error(
      "not_found",
      {
        fr: `modèle inconnu : « ${id} » (modèles : ${ids})`,
        en: `unknown template: "${id}" (templates: ${ids})`,
      },
      { argument: "ID", accepted: { fr: ids, en: ids } },
    );
  }
  return template;
}
