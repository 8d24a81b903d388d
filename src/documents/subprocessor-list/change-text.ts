// One sentence per announced change, shared by the HTML page and the Atom feed.

import type { PublicSubprocessorChange } from "./public-subprocessor-list.js";

type Lang = "fr" | "en";

export function changeTitle(change: PublicSubprocessorChange, lang: Lang): string {
  switch (change.kind) {
    case "addition":
      return lang === "fr" ? `Ajout de ${change.name}` : `${change.name} added`;
    case "replacement":
      return lang === "fr"
        ? `${change.name} remplace ${change.replaces ?? "un sous-traitant ultérieur"}`
        : `${change.name} replaces ${change.replaces ?? "a sub-processor"}`;
    case "removal":
      return lang === "fr" ? `Retrait de ${change.name}` : `${change.name} removed`;
  }
}
