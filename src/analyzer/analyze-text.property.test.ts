import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TERM_IDS } from "../domain/terms.js";
import type { Analysis } from "./analysis.js";
import { analyzeText } from "./analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

const FLAG_IDS = new Set([
  "breach_notice_unquantified",
  "breach_notice_consumes_authority_window",
  "transfers_clause_missing",
  "objection_triggers_termination",
  "controller_bears_deletion_costs",
  "processor_own_purposes",
  "silence_deemed_acceptance",
  "no_deletion_deadline",
  "audit_restricted",
]);

/** Pieces of agreement wording, so that random texts reach the rules and not only the reader. */
const WORDING = fc.constantFrom(
  "Le Sous-traitant notifie toute violation de données au Responsable du traitement sous 48 heures.",
  "The Processor shall forward any data subject request within 2 business days.",
  "Article 4.5 : Sous-traitance ultérieure\n",
  "| Sous-traitant | Localisation | Activité |\n|---|---|---|\n| Hostly | France | Hébergement |\n",
  "- supprimer les données à la fin du contrat dans un délai de 30 jours ;\n",
  "24h/24 ",
  "sans délai déraisonnable ",
  "(ci-après « le Sous-traitant ») ",
  "\u0000\u0007\u001b\u00ad\ufeff",
  "Ã©Ã¨ Donn√©es ",
  "\n\n",
);

function wellFormed(analysis: Analysis, text: string): void {
  expect(analysis.schema).toBe("art28.analysis/1");
  expect(analysis.checklist).toHaveLength(12);
  for (const [id, term] of Object.entries(analysis.terms)) {
    expect(TERM_IDS).toContain(id);
    expect(text.slice(term.offset, term.offset + term.quote.length)).toBe(term.quote);
  }
  for (const flag of analysis.flags) expect(FLAG_IDS.has(flag.id)).toBe(true);
}

describe("analysing any text", () => {
  it("returns a well-formed analysis for arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        wellFormed(analyze(text), text);
      }),
      { numRuns: 200 },
    );
  });

  it("returns a well-formed analysis for random mixes of agreement wording", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(WORDING, fc.string({ maxLength: 40 })), { maxLength: 30 }), (pieces) => {
        const text = pieces.join(" ");
        wellFormed(analyze(text), text);
      }),
      { numRuns: 200 },
    );
  });

  it("gets through a huge line and long runs of the words the rules look for", () => {
    const texts = [
      "a".repeat(300_000),
      "Abc ".repeat(50_000),
      "( ".repeat(50_000),
      "72 heures ".repeat(20_000),
      "sous-traitant ultérieur ".repeat(10_000),
      `${"Société Éducative Numérique ".repeat(5_000)}, en qualité de sous-traitant`,
    ];
    for (const text of texts) wellFormed(analyze(text), text);
  });
});
