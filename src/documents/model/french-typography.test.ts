import { describe, expect, it } from "vitest";
import { typeset } from "./french-typography.js";

const NNBSP = "\u202f";

describe("typeset", () => {
  it("puts a narrow no-break space before ; : ! ? in French", () => {
    expect(typeset("Délai : 72 heures ; est-ce clair ? Oui !", "fr")).toBe(
      `Délai${NNBSP}: 72 heures${NNBSP}; est-ce clair${NNBSP}? Oui${NNBSP}!`,
    );
  });

  it("turns straight quotes into guillemets held by no-break spaces, and apostrophes into curly ones", () => {
    expect(typeset(`l'accord dit "oui"`, "fr")).toBe(`l’accord dit «${NNBSP}oui${NNBSP}»`);
  });

  it("leaves the colon of a web address and of a time alone", () => {
    expect(typeset("voir https://exemple.fr/a?b=1 à 10:15.", "fr")).toBe(
      "voir https://exemple.fr/a?b=1 à 10:15.",
    );
  });

  it("adds no space before punctuation in English", () => {
    expect(typeset(`The processor's "notice": yes; no?`, "en")).toBe("The processor’s “notice”: yes; no?");
  });
});
