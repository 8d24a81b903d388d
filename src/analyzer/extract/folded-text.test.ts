import { describe, expect, it } from "vitest";
import { foldText, spaced } from "./folded-text.js";

describe("folding text", () => {
  it("lower-cases, drops accents and straightens quotes and dashes, one character for one", () => {
    const text = "Délai « 30 JOURS » – l’Établissement";
    const folded = foldText(text);
    expect(folded).toBe('delai " 30 jours " - l\'etablissement');
    expect(folded).toHaveLength(text.length);
  });

  it("turns emphasis and line breaks into spaces", () => {
    expect(foldText("**Préavis**\nde\t30 jours")).toBe("  preavis   de 30 jours");
  });

  it("keeps the length of characters that fold to more than one", () => {
    for (const text of ["İstanbul", "ß œ Æ", "𐐀 emoji 🙂", "\ud800 lone"]) {
      expect(foldText(text)).toHaveLength(text.length);
    }
  });
});

describe("patterns with flexible spaces", () => {
  it("lets each written space match any run of white space", () => {
    expect(spaced(/\ba l'avance\b/).test("a   l'avance")).toBe(true);
  });

  it("leaves character classes and quantified spaces alone", () => {
    const pattern = spaced(/[ ]x ?y/);
    expect(pattern.test(" xy")).toBe(true);
    expect(pattern.test(" x y")).toBe(true);
    expect(pattern.test("\txy")).toBe(false);
  });
});
