import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize.js";

describe("normalizeText", () => {
  it("unifies line endings and keeps one blank line between paragraphs", () => {
    expect(normalizeText("Un.\r\nDeux.\rTrois.\r\n\r\n\r\n\r\nQuatre.")).toBe(
      "Un.\nDeux.\nTrois.\n\nQuatre.",
    );
  });

  it("composes accents (NFC)", () => {
    expect(normalizeText("Donne\u0301es")).toBe("Données");
  });

  it("spells out ligatures", () => {
    expect(
      normalizeText("con\uFB01dentialit\u00E9 ef\uFB01cace, \uFB02ux, \uFB00et, \uFB03ce, \uFB04e"),
    ).toBe("confidentialité efficace, flux, ffet, ffice, ffle");
  });

  it("removes soft hyphens, zero-width characters and control characters", () => {
    expect(normalizeText("sous\u00ADtraitant\u200B ré\u0007sili\u0000ation\uFEFF")).toBe(
      "soustraitant résiliation",
    );
  });

  it("turns non-breaking and other spaces into plain spaces and collapses runs", () => {
    expect(normalizeText("48\u00A0heures\u202F;   30\u2009jours  ")).toBe("48 heures ; 30 jours");
  });

  it("keeps tabs, which separate table cells", () => {
    expect(normalizeText("Nom\tPays\nAlpha\tFrance")).toBe("Nom\tPays\nAlpha\tFrance");
  });

  it("turns page breaks into paragraph breaks", () => {
    expect(normalizeText("Fin de page.\fDébut de page.")).toBe("Fin de page.\n\nDébut de page.");
  });

  it("rejoins words split across lines by hyphenation", () => {
    expect(normalizeText("Le prestataire informe le respon-\nsable sans délai.")).toBe(
      "Le prestataire informe le responsable sans délai.",
    );
    expect(normalizeText("sous-trai-\ntant")).toBe("sous-traitant");
  });

  it("keeps the hyphen of a compound split at its hyphen", () => {
    expect(normalizeText("Le Sous-\ntraitant s'engage.")).toBe("Le Sous-traitant s'engage.");
    expect(normalizeText("Le contrat de non-\ndivulgation.")).toBe("Le contrat de non-divulgation.");
    expect(normalizeText("Le Sous-\nTraitant s'engage.")).toBe("Le Sous-Traitant s'engage.");
  });

  it("decides by the document's own spelling when it writes the word elsewhere", () => {
    expect(normalizeText("Un tiers-payant.\nLe tiers-\npayant est dû.")).toBe(
      "Un tiers-payant.\nLe tiers-payant est dû.",
    );
    expect(normalizeText("La sous-traitance.\nLa sous-trai-\ntance ultérieure.")).toBe(
      "La sous-traitance.\nLa sous-traitance ultérieure.",
    );
  });

  it("leaves a hyphen followed by a capital or a list marker alone", () => {
    expect(normalizeText("Île-de-\nFrance")).toBe("Île-de-\nFrance");
    expect(normalizeText("liste-\n- premier")).toBe("liste-\n- premier");
  });

  it("halves line breaks in double-spaced text, where every line is followed by a blank line", () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Ligne ${i} du paragraphe`);
    const doubled = `${lines.slice(0, 6).join("\n\n")}\n\n\n\n${lines.slice(6).join("\n\n")}`;
    expect(normalizeText(doubled)).toBe(`${lines.slice(0, 6).join("\n")}\n\n${lines.slice(6).join("\n")}`);
  });

  it("is idempotent", () => {
    const text = normalizeText("  Article 1 –\u00A0Objet\r\n\r\n\r\nLe sous-trai-\ntant \uFB01xe\u00AD.  ");
    expect(normalizeText(text)).toBe(text);
  });
});
