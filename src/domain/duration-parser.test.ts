import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDurations, parseDuration } from "./duration-parser.js";

describe("reading a period typed on its own", () => {
  it.each([
    ["72 heures", { amount: 72, unit: "hours" }],
    ["72h", { amount: 72, unit: "hours" }],
    ["soixante-douze heures (72 h)", { amount: 72, unit: "hours" }],
    ["sept (7) jours ouvrés", { amount: 7, unit: "working_days" }],
    ["15 jours ouvrables", { amount: 15, unit: "working_days" }],
    ["4 semaines", { amount: 4, unit: "weeks" }],
    ["1 mois", { amount: 1, unit: "months" }],
    ["deux (2) mois", { amount: 2, unit: "months" }],
    ["15 jours calendaires", { amount: 15, unit: "days" }],
    ["quatre-vingt-dix jours", { amount: 90, unit: "days" }],
    ["vingt et un jours", { amount: 21, unit: "days" }],
    ["un an", { amount: 1, unit: "years" }],
    ["within 30 calendar days", { amount: 30, unit: "days" }],
    ["three business days", { amount: 3, unit: "working_days" }],
    ["twenty-four hours", { amount: 24, unit: "hours" }],
    ["a 48-hour period", { amount: 48, unit: "hours" }],
    ["one hundred twenty days", { amount: 120, unit: "days" }],
    ["dans un délai de 30 jours", { amount: 30, unit: "days" }],
    ["sous huitaine", { amount: 8, unit: "days" }],
    ["dans la quinzaine", { amount: 15, unit: "days" }],
    ["within a fortnight", { amount: 14, unit: "days" }],
  ])("reads %j", (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    ["sans délai déraisonnable", "without_undue_delay"],
    ["dans les meilleurs délais", "without_undue_delay"],
    ["dans les plus brefs délais", "without_undue_delay"],
    ["as soon as possible", "without_undue_delay"],
    ["without undue delay", "without_undue_delay"],
    ["immédiatement", "immediately"],
    ["sans délai", "immediately"],
    ["sans attendre", "immediately"],
    ["forthwith", "immediately"],
    ["dans un délai raisonnable", "reasonable"],
    ["within a reasonable time", "reasonable"],
  ])("reads the qualifier %j", (text, qualifier) => {
    expect(parseDuration(text)).toEqual({ qualifier });
  });

  it.each(["", "bientôt", "72", "heures", "30 jours et 2 mois", "24h/24", "zéro jour", "mise a jour"])(
    "refuses %j",
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe("finding periods in a clause", () => {
  it("finds each period with its position, and skips availability rates", () => {
    const text = "Service 24h/24. Le sous-traitant notifie sous 48 heures, puis complète sans délai.";
    const found = findDurations(text);
    expect(found.map((f) => f.duration)).toEqual([
      { amount: 48, unit: "hours" },
      { qualifier: "immediately" },
    ]);
    expect(text.slice(found[0]?.index, (found[0]?.index ?? 0) + (found[0]?.text.length ?? 0))).toBe(
      "48 heures",
    );
  });

  it("keeps the echoed digits with the words they repeat", () => {
    const [hit] = findDurations("dans un délai de trente (30) jours calendaires à compter de la fin");
    expect(hit?.text).toBe("trente (30) jours calendaires");
    expect(hit?.duration).toEqual({ amount: 30, unit: "days" });
  });

  it("does not read a page number and the list marker below it as hours", () => {
    expect(findDurations("Version du 20/09/2024\n\n2\n\nh) « Mesures techniques »")).toEqual([]);
    expect(findDurations("page 3\nj) les journaux")).toEqual([]);
  });

  it("still reads a period whose unit word wraps onto the next line", () => {
    expect(findDurations("pendant le délai convenu de 14\n\njours").map((f) => f.duration)).toEqual([
      { amount: 14, unit: "days" },
    ]);
  });

  it("does not read a lone French article as one English unit", () => {
    expect(findDurations("la mise a jour des annexes")).toEqual([]);
  });
});

describe("finding periods in any text", () => {
  it("returns matches in order, never overlapping, each the very text it was read from", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "72 heures",
        "sept (7) jours ouvrés",
        "24h/24",
        "sans délai",
        "quinzaine",
        "\n\nh)",
        "trente",
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join(" ");
        let end = 0;
        for (const found of findDurations(text)) {
          expect(found.index).toBeGreaterThanOrEqual(end);
          expect(text.slice(found.index, found.index + found.text.length)).toBe(found.text);
          if ("amount" in found.duration) expect(Number.isInteger(found.duration.amount)).toBe(true);
          end = found.index + found.text.length;
        }
      }),
      { numRuns: 300 },
    );
  });
});

// Each of these took minutes to hours (or overflowed the stack) when a pattern tried a long run from each of its
// positions to its end (40 KB of "- a" lines took 34 s, growing with the square of the size); the vitest timeout
// is the only clock here, the assertions are on what is found.
describe("finding periods in hostile text", () => {
  it("finds none in 400 KB of list lines holding a lone article", () => {
    expect(findDurations("- a\n".repeat(100_000))).toEqual([]);
  });

  it("finds none in a 600 KB line of « un un un … »", () => {
    expect(findDurations("un ".repeat(200_000))).toEqual([]);
  });

  it("finds the period after a long run of number words, read from its last words", () => {
    const hits = findDurations(`${"un ".repeat(20_000)}trois jours`);
    expect(hits.at(-1)?.duration).toMatchObject({ unit: "days" });
    expect(hits.at(-1)?.text.endsWith("trois jours")).toBe(true);
  });

  it("finds none after a number followed by 400 KB of spaces and no unit", () => {
    expect(findDurations(`1${" ".repeat(400_000)}x`)).toEqual([]);
  });

  it("reads a period whose repeat in brackets opens on 400 KB of spaces and never closes", () => {
    const hits = findDurations(`72 h (1${" ".repeat(400_000)}x`);
    expect(hits.map((h) => h.duration)).toEqual([{ amount: 72, unit: "hours" }]);
  });

  it("reads a 49 MB text of number words without overflowing the stack", { timeout: 120_000 }, () => {
    const text = `${"- un ".repeat(10 * 1024 * 1024)}sept jours`;
    expect(findDurations(text).at(-1)?.text).toMatch(/sept jours$/);
  });
});
