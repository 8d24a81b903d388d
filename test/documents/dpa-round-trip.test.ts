// Every `dpa` art28 writes reads back through art28's own analyzer as the agreement it was written from:
// the same periods, the same rules on sub-processors and nothing missing from the Art. 28 checklist.

import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analyzer/analyze-text.js";
import { readDocumentBytes } from "../../src/analyzer/read-document.js";
import { renderDocx } from "../../src/documents/render/render-docx.js";
import { renderHtml } from "../../src/documents/render/render-html.js";
import { renderPdf } from "../../src/documents/render/render-pdf.js";
import { DPA_EXAMPLE, DPA_PERIOD_TERMS, dpaData, writeDpa } from "../../src/documents/templates/dpa.js";
import { isFixed } from "../../src/domain/duration.js";

type Options = (typeof DPA_EXAMPLE)["options"];

const COMBINATIONS: Options[] = [];
for (const authorisation of ["general", "specific"] as const)
  for (const silence of ["accepted", "refused"] as const)
    for (const endOfContract of ["deletion", "return"] as const)
      COMBINATIONS.push({
        authorisation,
        silence,
        endOfContract,
        transfers: endOfContract === "deletion" ? "prohibited" : "allowed_with_safeguards",
      });

// Periods unlike the example's, so that nothing passes by matching a default.
const PERIODS = {
  breachNotification: "36 heures",
  requestForwarding: "3 jours ouvrés",
  requestAssistance: "8 jours ouvrés",
  correction: "4 jours ouvrés",
  subprocessorNotice: "45 jours",
  endOfContract: "60 jours",
  backupDeletion: "6 mois",
  auditNotice: "20 jours",
  correctiveActions: "90 jours",
  terminationNotice: "2 mois",
  logRetention: "6 mois",
  confidentialitySurvival: "10 ans",
};

describe.each(["fr", "en"] as const)("a dpa written in %s", (lang) => {
  it.each(COMBINATIONS.map((options) => [Object.values(options).join(", "), options] as const))(
    "reads back with its terms and a full checklist (%s), as DOCX, PDF and HTML",
    async (_label, options) => {
      const data = dpaData.parse({ ...DPA_EXAMPLE, options, periods: PERIODS });
      const model = writeDpa(data, lang);
      for (const [bytes, name] of [
        [await renderDocx(model), "dpa.docx"],
        [await renderPdf(model), "dpa.pdf"],
        [renderHtml(model), "dpa.html"],
      ] as const) {
        const analysis = analyzeText(await readDocumentBytes(bytes, name));
        expect(analysis.kind).toBe("dpa");
        expect(analysis.parties).toEqual({
          controller: DPA_EXAMPLE.controller.name,
          processor: DPA_EXAMPLE.processor.name,
        });
        expect(analysis.subprocessorAuthorization).toBe(options.authorisation);
        expect(analysis.objectionSilence).toBe(options.silence);
        expect(analysis.auditFrequencyPerYear?.max).toBe(1);
        const read = Object.fromEntries(
          Object.entries(analysis.terms).map(([id, term]) => [id, { amount: term.amount, unit: term.unit }]),
        );
        const written = Object.fromEntries(
          Object.entries(data.periods).map(([key, duration]) => [
            DPA_PERIOD_TERMS[key as keyof typeof data.periods],
            isFixed(duration) ? { amount: duration.amount, unit: duration.unit } : null,
          ]),
        );
        expect(read, name).toEqual(written);
        expect(
          analysis.checklist.filter((item) => item.status !== "present"),
          name,
        ).toEqual([]);
      }
    },
  );
});
