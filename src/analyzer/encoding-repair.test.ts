import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, repairMojibake } from "./encoding-repair.js";

/**
 * What a program shows when it decodes the UTF-8 of `text` with `charset`. macOS shows Mac Roman's
 * 0xF0 as the Apple logo (U+F8FF), which iconv-lite leaves undefined.
 */
function misdecode(text: string, charset: string): string {
  const shown = iconv.decode(Buffer.from(text, "utf8"), charset);
  return charset === "macintosh" ? shown.replace(/\uFFFD/g, "\uF8FF") : shown;
}

const CLAUSE =
  "Le sous-traitant notifie au responsable de traitement toute violation de données à caractère personnel dans un délai de 24 heures après en avoir pris connaissance — « sans délai » s’entend ainsi.";

describe("repairMojibake", () => {
  it("turns UTF-8 read as Mac Roman back into the original text", () => {
    expect(misdecode("Données", "macintosh")).toBe("Donn√©es");
    const repair = repairMojibake(misdecode(CLAUSE, "macintosh"));
    expect(repair).toMatchObject({ text: CLAUSE, repaired: true, charset: "macintosh" });
  });

  it("turns UTF-8 read as Windows-1252 back into the original text", () => {
    expect(repairMojibake("DonnÃ©es").text).toBe("Données");
    const repair = repairMojibake(misdecode(CLAUSE, "windows-1252"));
    expect(repair).toMatchObject({ text: CLAUSE, repaired: true, charset: "windows1252" });
  });

  it("turns UTF-8 read as Latin-1 (with C1 control characters) back into the original text", () => {
    const text = "Délai : 30 jours – à compter de la fin du contrat €";
    expect(repairMojibake(misdecode(text, "latin1")).text).toBe(text);
  });

  it("repairs emoji whose first byte Mac Roman shows as the Apple logo", () => {
    const text = "## 📋 Table des matières";
    expect(repairMojibake(misdecode(text, "macintosh")).text).toBe(text);
  });

  it("repairs text that was mis-decoded twice", () => {
    const twice = misdecode(misdecode("Sécurité des données", "windows-1252"), "windows-1252");
    expect(repairMojibake(twice).text).toBe("Sécurité des données");
  });

  it("leaves correct French, English and typographic text alone", () => {
    for (const text of [
      CLAUSE,
      "L’été, l’établissement « Œuvre » — n° 5 ; 10 % ; 3 €.",
      "Processor shall notify the controller without undue delay…",
      "À l’issue du contrat, les données sont supprimées. Ça, c’est réglé.",
      "Zürich, Ærøskøbing, naïve, coöperation, façade",
    ]) {
      expect(repairMojibake(text)).toMatchObject({ text, repaired: false, charset: null });
    }
  });

  it("keeps correct characters that sit next to repaired ones", () => {
    expect(repairMojibake("Données déjà réparées et Donn√©es").text).toBe("Données déjà réparées et Données");
  });
});

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeBytes(Buffer.from("Données", "utf8"))).toEqual({ text: "Données", encoding: "utf-8" });
    expect(decodeBytes(Buffer.from("\uFEFFDonnées", "utf8"))).toEqual({ text: "Données", encoding: "utf-8" });
  });

  it("reads UTF-16 with a byte-order mark in either byte order", () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Données", "utf16le")]);
    expect(decodeBytes(little)).toEqual({ text: "Données", encoding: "utf-16le" });
    const big = Buffer.from(Buffer.from("\uFEFFDonnées", "utf16le")).swap16();
    expect(decodeBytes(big)).toEqual({ text: "Données", encoding: "utf-16be" });
  });

  it("recognises UTF-16 without a byte-order mark by its NUL bytes", () => {
    expect(decodeBytes(Buffer.from("Article 1 : données", "utf16le")).text).toBe("Article 1 : données");
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    const bytes = iconv.encode("Données – 30 €", "windows-1252");
    expect(decodeBytes(bytes)).toEqual({ text: "Données – 30 €", encoding: "windows-1252" });
  });
});
