// The joint-controller conventions art28 writes read back through its analyzer as joint-controller
// arrangements with the periods they were written with. (The analyzer's checklist is Article 28's, for
// processors: it does not apply to them.)

import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analyzer/analyze-text.js";
import { readDocumentBytes } from "../../src/analyzer/read-document.js";
import { renderDocx } from "../../src/documents/render/render-docx.js";
import { findTemplate } from "../../src/documents/template-catalogue.js";

describe.each(["joint-controller-1", "joint-controller-2", "joint-controller-3"])("%s", (id) => {
  it.each(["fr", "en"] as const)(
    "reads back in %s as a joint-controller arrangement with its periods",
    async (lang) => {
      const template = findTemplate(id);
      const example = template.example as { periods: Record<string, string> };
      const data = {
        ...example,
        periods: {
          incidentAlert: "12 heures",
          requestForwarding: "4 jours ouvrés",
          terminationNotice: "4 mois",
        },
      };
      const analysis = analyzeText(
        await readDocumentBytes(await renderDocx(template.write(data, lang)), `${id}.docx`),
      );
      expect(analysis.kind).toBe("joint_controller_agreement");
      expect(analysis.terms.incident_alert_between_controllers).toMatchObject({ amount: 12, unit: "hours" });
      expect(analysis.terms.termination_notice).toMatchObject({ amount: 4, unit: "months" });
      // GDPR Art. 33(1): the convention has the coordinating party notify the authority within 72 hours.
      expect(analysis.terms.breach_notification_to_authority).toMatchObject({ amount: 72, unit: "hours" });
    },
  );
});
