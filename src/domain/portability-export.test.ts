import { describe, expect, it } from "vitest";
import { type PortableDataset, portabilityCsv, portabilityJson } from "./portability-export.js";

describe("a portability export", () => {
  const marks: PortableDataset = {
    name: "marks",
    rows: [
      { subject: "Français", mark: 14.5, comment: 'Très bien, "excellent" travail' },
      { subject: "Maths", mark: 12, comment: "Ligne 1\nLigne 2", absent: false },
      { subject: "=SUM(A1)", mark: null },
    ],
  };

  it("writes CSV by RFC 4180: CRLF, quoted fields with doubled quotes, every column in the header", () => {
    expect(portabilityCsv(marks)).toBe(
      [
        "subject,mark,comment,absent",
        'Français,14.5,"Très bien, ""excellent"" travail",',
        'Maths,12,"Ligne 1\nLigne 2",false',
        "=SUM(A1),,,",
        "",
      ].join("\r\n"),
    );
  });

  it("writes an empty dataset as an empty header line", () => {
    expect(portabilityCsv({ name: "none", rows: [] })).toBe("\r\n");
  });

  it("writes JSON that reads back to the same rows", () => {
    const text = portabilityJson({
      requestId: "r1",
      controller: "Collège Jean Moulin",
      generatedAt: Date.parse("2026-05-11T08:00:00Z"),
      datasets: [marks],
    });
    const parsed = JSON.parse(text);
    expect(parsed.schema).toBe("art28.portability/1");
    expect(parsed.generatedAt).toBe("2026-05-11T08:00:00.000Z");
    expect(parsed.datasets[0].rows).toEqual(marks.rows);
  });
});
