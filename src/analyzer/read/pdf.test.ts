import { describe, expect, it } from "vitest";
import { type PlacedText, pdf, placedPdf } from "../../../test/fixtures/analyzer/documents.js";
import { analyzeText } from "../analyze-text.js";
import { readDocumentBytes } from "../read-document.js";
import { structureOf } from "../structure.js";

/** Lines set one under the other at the left margin, 14 points apart, from `top` down. */
function column(top: number, lines: readonly string[], x = 72): PlacedText[] {
  return lines.map((text, index) => ({ x, y: top - index * 14, text }));
}

async function textOf(bytes: Uint8Array): Promise<string> {
  return (await readDocumentBytes(bytes, "accord.pdf")).text;
}

describe("readPdf: paragraphs and clauses", () => {
  it("joins the wrapped lines of a numbered clause, which stays a clause with its clock", async () => {
    const text = await textOf(
      placedPdf([
        [
          { x: 72, y: 720, text: "7. Violations de données", bold: true },
          ...column(696, [
            "7.1 Le sous-traitant notifie au responsable de traitement toute violation de",
            "données à caractère personnel dans un délai de 48 heures après en avoir eu",
            "connaissance, par courriel.",
          ]),
          ...column(640, ["7.2 Il documente chaque violation dans un registre tenu à jour."]),
        ],
      ]),
    );
    expect(text).toContain(
      "7.1 Le sous-traitant notifie au responsable de traitement toute violation de données à caractère personnel dans un délai de 48 heures après en avoir eu connaissance, par courriel.",
    );
    const structure = structureOf(text);
    expect(structure.headings.map((heading) => heading.number)).toEqual(["7"]);
    expect(structure.lists.find((item) => item.marker === "7.1")?.text).toMatch(/48 heures/);
  });

  it("parts paragraphs at a wider gap or a line that stops short, not inside a sentence", async () => {
    const text = await textOf(
      placedPdf([
        [
          ...column(720, [
            "Le responsable de traitement fournit au sous-traitant les données nécessaires",
            "à la prestation et documente par écrit chacune de ses instructions.",
            "Le sous-traitant tient un registre des catégories de traitements effectués.",
          ]),
          ...column(660, ["Le présent accord entre en vigueur à sa signature par les deux parties."]),
        ],
      ]),
    );
    expect(text).toBe(
      "Le responsable de traitement fournit au sous-traitant les données nécessaires à la prestation et documente par écrit chacune de ses instructions.\nLe sous-traitant tient un registre des catégories de traitements effectués.\n\nLe présent accord entre en vigueur à sa signature par les deux parties.",
    );
  });

  it("carries a sentence over a page break and drops page numbers and running heads", async () => {
    const page = (number: number, lines: string[]) => [
      { x: 72, y: 760, text: "Accord de sous-traitance - version 3", size: 9 },
      ...column(700, lines),
      { x: 300, y: 40, text: `${number}`, size: 9 },
    ];
    const text = await textOf(
      placedPdf([
        page(1, [
          "Article 4 - Sécurité",
          "Le sous-traitant met en oeuvre les mesures techniques et organisationnelles",
          "appropriées, décrites en annexe, et il les revoit au moins une fois par an pour",
        ]),
        page(2, ["tenir compte de l'évolution des risques.", "Article 5 - Audits"]),
        page(3, ["Le responsable peut conduire un audit par an."]),
      ]),
    );
    expect(text).not.toMatch(/version 3|^\d+$/m);
    expect(text).toContain("une fois par an pour tenir compte de l'évolution des risques.");
  });

  it("reads runs in their place on the page, whatever their order in the file", async () => {
    const text = await textOf(
      placedPdf([
        [
          { x: 72, y: 700, text: "Le prestataire :" },
          { x: 72, y: 680, text: "______________________" },
          { x: 72, y: 640, text: "Article 1 - Objet" },
          // Typed over the blank afterwards, so written last.
          { x: 74, y: 681, text: "Société Exemple SAS" },
        ],
      ]),
    );
    expect(text).toBe("Le prestataire :\nSociété Exemple SAS\n\nArticle 1 - Objet");
  });

  it("reads a text PDF whose pages repeat, rather than refusing it as a scan", async () => {
    const same = ["Convention de traitement des données", "Le sous-traitant notifie toute violation."];
    const text = await textOf(pdf([same, same, same, same]));
    expect(text).toContain("Le sous-traitant notifie toute violation.");
  });
});

describe("readPdf: tables", () => {
  const header: PlacedText[] = [
    { x: 72, y: 680, text: "Nom", bold: true },
    { x: 220, y: 680, text: "Activité", bold: true },
    { x: 400, y: 680, text: "Localisation", bold: true },
  ];
  const row = (y: number, name: string[], activity: string, place: string): PlacedText[] => [
    ...name.map((part, index) => ({ x: 72, y: y - index * 12, text: part })),
    { x: 220, y, text: activity },
    { x: 400, y, text: place },
  ];

  it("reads a table as rows of cells, a cell wrapped over two lines kept whole", async () => {
    const text = await textOf(
      placedPdf([
        [
          { x: 72, y: 720, text: "Annexe 3 - Liste des sous-traitants ultérieurs autorisés" },
          ...header,
          ...row(650, ["Nuage Atlantique", "Services"], "Hébergement", "Irlande"),
          ...row(610, ["Courrier Rapide"], "Envoi de courriels", "France"),
        ],
      ]),
    );
    expect(text).toContain(
      "| Nom | Activité | Localisation |\n| --- | --- | --- |\n| Nuage Atlantique Services | Hébergement | Irlande |\n| Courrier Rapide | Envoi de courriels | France |",
    );
    const extracted = await readDocumentBytes(
      placedPdf([[...header, ...row(650, ["Nuage"], "Hébergement", "Irlande")]]),
      "a.pdf",
    );
    expect(structureOf(extracted.text).tables).toHaveLength(1);
  });

  it("joins a table broken by a page and drops the header row the next page repeats", async () => {
    const bytes = placedPdf([
      [
        { x: 72, y: 720, text: "Annexe 3 - Liste des sous-traitants ultérieurs autorisés" },
        ...header,
        ...row(650, ["Nuage Atlantique"], "Hébergement", "Irlande"),
        ...row(620, ["Courrier Rapide"], "Envoi de courriels", "France"),
      ],
      [
        ...header.map((cell) => ({ ...cell, y: 740 })),
        ...row(710, ["Paiement Sûr"], "Paiement en ligne", "Belgique"),
        { x: 72, y: 660, text: "Article 9 - Durée" },
      ],
    ]);
    const extracted = await readDocumentBytes(bytes, "accord.pdf");
    const subprocessors = analyzeText(extracted).subprocessors.map((entry) => [entry.name, entry.location]);
    expect(subprocessors).toEqual([
      ["Nuage Atlantique", "Irlande"],
      ["Courrier Rapide", "France"],
      ["Paiement Sûr", "Belgique"],
    ]);
    expect(extracted.text.match(/\| Nom \|/g)).toHaveLength(1);
  });

  it("keeps a bullet or a clause number set apart by a tab with its text, not as a column", async () => {
    const text = await textOf(
      placedPdf([
        [
          { x: 72, y: 700, text: "a)" },
          { x: 100, y: 700, text: "tenir un registre des traitements ;" },
          { x: 72, y: 686, text: "b)" },
          { x: 100, y: 686, text: "aider le responsable à répondre aux demandes." },
        ],
      ]),
    );
    expect(text).toBe(
      "a) tenir un registre des traitements ;\nb) aider le responsable à répondre aux demandes.",
    );
  });
});
