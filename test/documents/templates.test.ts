// What each template refuses and what it writes, beyond the pinned renderings of its example.

import { describe, expect, it } from "vitest";
import { findTemplate, TEMPLATES } from "../../src/documents/template-catalogue.js";
import {
  ACADEMY,
  DEPARTMENT,
  jointControllerExample,
  SCHOOL,
} from "../../src/documents/templates/joint-controller-example.js";
import { Art28Error } from "../../src/domain/error.js";

function faultsOf(id: string, data: unknown): { field: string; message: string }[] {
  try {
    findTemplate(id).write(data, "fr");
  } catch (error) {
    if (error instanceof Art28Error) return error.details.fields as { field: string; message: string }[];
    throw error;
  }
  return [];
}

describe("templates", () => {
  it("each writes its example in both languages, with a title and a reference", () => {
    for (const template of TEMPLATES) {
      for (const lang of ["fr", "en"] as const) {
        const model = template.write(template.example, lang);
        expect(model.templateId).toBe(template.id);
        expect(model.reference.length).toBeGreaterThan(0);
        expect(model.blocks.length).toBeGreaterThan(3);
      }
    }
  });

  it("scenario 1 refuses a school as a party, scenario 2 asks for one", () => {
    expect(
      faultsOf("joint-controller-1", jointControllerExample([ACADEMY, DEPARTMENT, SCHOOL], "élèves", "R")),
    ).toEqual([
      {
        field: "parties",
        message: "les écoles ne sont pas parties au scénario 1 / schools are not parties in scenario 1",
      },
    ]);
    expect(
      faultsOf("joint-controller-2", jointControllerExample([ACADEMY, DEPARTMENT], "élèves", "R")),
    ).toEqual([{ field: "parties", message: "au moins 1 établissement(s) / at least 1 school(s)" }]);
  });

  it("the joint-controller conventions name a party for each duty they allocate", () => {
    const data = {
      ...jointControllerExample([ACADEMY, DEPARTMENT], "élèves", "R"),
      breachesBy: "Quelqu'un d'autre",
    };
    expect(faultsOf("joint-controller-1", data).map((f) => f.field)).toEqual(["breachesBy"]);
  });

  it("the security questionnaire scores answers by weight and counts an unanswered question as not met", () => {
    const template = findTemplate("security-questionnaire");
    const model = template.write(template.example, "fr");
    const result = model.blocks.find((b) => b.type === "fields" && b.rows[0]?.[0] === "Score pondéré");
    // 15 answers: 10 yes (18 points), 3 partial (2 points), 2 no, and I3 unanswered; weights total 25.
    expect(result?.type === "fields" ? result.rows[0]?.[1] : null).toBe("20 / 25 (80 %)");
    expect(result?.type === "fields" ? result.rows[1]?.[1] : null).toBe("I3");
  });

  it("the authority notification gives the reasons for a delay beyond 72 hours", () => {
    const template = findTemplate("authority-notification-draft");
    const late = {
      ...(template.example as object),
      notifiedAt: "2026-11-07T09:00",
      lateReasons: "analyse des journaux",
    };
    const text = JSON.stringify(template.write(late, "fr").blocks);
    expect(text).toContain(
      "Notification au-delà de 72 heures (94 heures)\u202f; motifs du retard\u202f: analyse des journaux.",
    );
    expect(JSON.stringify(template.write(template.example, "fr").blocks)).not.toContain(
      "au-delà de 72 heures",
    );
  });
});
