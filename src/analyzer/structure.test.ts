import { describe, expect, it } from "vitest";
import { type DocumentStructure, structureOf } from "./structure.js";

function sentences(text: string): string[] {
  return structureOf(text).sentences.map((sentence) => sentence.text);
}

function expectOffsetsHold(text: string, structure: DocumentStructure): void {
  for (const sentence of structure.sentences)
    expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  for (const item of structure.lists) expect(text.slice(item.start, item.end)).toBe(item.text);
  for (const table of structure.tables) {
    for (const cell of [...(table.header ?? []), ...table.rows.flat()]) {
      expect(text.slice(cell.start, cell.end)).toBe(cell.text);
    }
  }
}

describe("structureOf: headings", () => {
  it("reads Markdown headings with their level and number", () => {
    const { headings } = structureOf("# Accord de traitement\n\n## 3.1 Objet de l'accord\n\nTexte.");
    expect(headings).toMatchObject([
      { level: 1, number: null, title: "Accord de traitement" },
      { level: 2, number: "3.1", title: "Objet de l'accord" },
    ]);
  });

  it("reads articles, annexes and sections in French and English", () => {
    const text = [
      "Article 5 – Durée",
      "Le contrat dure un an.",
      "ARTICLE V : RÉSILIATION",
      "Chaque partie peut résilier.",
      "Article 4.2 : Confidentialité",
      "Annexe 2 : Mesures de sécurité",
      "Section 7 Audits",
      "Article premier – Objet",
    ].join("\n");
    expect(structureOf(text).headings.map(({ number, title, level }) => ({ number, title, level }))).toEqual([
      { number: "5", title: "Durée", level: 2 },
      { number: "V", title: "RÉSILIATION", level: 2 },
      { number: "4.2", title: "Confidentialité", level: 3 },
      { number: "2", title: "Mesures de sécurité", level: 1 },
      { number: "7", title: "Audits", level: 2 },
      { number: "premier", title: "Objet", level: 2 },
    ]);
  });

  it("does not take a sentence that starts with a reference to an article for a heading", () => {
    const { headings } = structureOf(
      "Article 28 du RGPD impose un contrat écrit.\nPartie accusée en vertu des lois.",
    );
    expect(headings).toEqual([]);
  });

  it("splits a long article line into its heading and the clause that follows", () => {
    const text =
      "Article 1 – Objet de la convention : la présente convention fixe les conditions dans lesquelles le prestataire traite les données pour le compte de l'établissement scolaire, pendant toute la durée du marché.";
    const { headings, sentences: found } = structureOf(text);
    expect(headings).toMatchObject([{ number: "1", title: "Objet de la convention" }]);
    expect(text.slice(headings[0]?.start, headings[0]?.end)).toBe("Article 1 – Objet de la convention");
    expect(found.map((sentence) => sentence.text)).toEqual([
      "la présente convention fixe les conditions dans lesquelles le prestataire traite les données pour le compte de l'établissement scolaire, pendant toute la durée du marché.",
    ]);
  });

  it("reads numbered titles (5.2., X.1 -) and capitalised titles, but not numbered sentences", () => {
    const text = [
      "CONDITIONS PARTICULIÈRES DE TRAITEMENT",
      "5.2. Sous-traitance ultérieure",
      "X.1 - Objet",
      "5.3 Le prestataire supprime les données à la fin du contrat.",
    ].join("\n\n");
    expect(structureOf(text).headings.map((heading) => heading.number)).toEqual([null, "5.2", "X.1"]);
  });

  it("takes a lone numbered title for a heading and a run of numbered lines for a list", () => {
    const heading = structureOf("1. Définitions\n\nLes termes suivants ont le sens qui suit.");
    expect(heading.headings).toMatchObject([{ number: "1", title: "Définitions" }]);
    const list = structureOf("Ordre de priorité :\n1. Le RGPD\n2. Le présent accord\n3. Les annexes");
    expect(list.headings).toEqual([]);
    expect(list.lists.map((item) => [item.marker, item.text])).toEqual([
      ["1.", "Le RGPD"],
      ["2.", "Le présent accord"],
      ["3.", "Les annexes"],
    ]);
  });

  it("joins a title that breaks over two lines and keeps it out of the sentences", () => {
    const text =
      "Article 4.7 : Aide en matière d'analyse d'impact et de\nconsultation préalable\n\nLe prestataire aide le client.";
    const { headings, sentences: found } = structureOf(text);
    expect(headings).toMatchObject([
      { number: "4.7", title: "Aide en matière d'analyse d'impact et de consultation préalable" },
    ]);
    expect(text.slice(headings[0]?.start, headings[0]?.end)).toBe(
      "Article 4.7 : Aide en matière d'analyse d'impact et de\nconsultation préalable",
    );
    expect(found.map((sentence) => sentence.text)).toEqual(["Le prestataire aide le client."]);
  });

  it("takes a numbered line whose sentence runs on to the next line for a clause, not a title", () => {
    const text =
      "1. Le Sous-traitant garantit la confidentialité des Données à\ncaractère personnel qu'il traite.";
    const { headings, lists } = structureOf(text);
    expect(headings).toEqual([]);
    expect(lists.map((item) => item.marker)).toEqual(["1."]);
  });

  it("takes a hard-wrapped numbered clause for a clause, its clock kept with it", () => {
    const lines = [
      "7. Notification des violations",
      "7.1 Le Sous-traitant notifie au Responsable de traitement toute violation de données à",
      "caractère personnel dans un délai maximal de 48 heures après en avoir pris connaissance.",
      "Il documente chaque violation dans un registre tenu à la disposition du Responsable et de",
      "l'autorité de contrôle, avec ses effets et les mesures prises pour y remédier.",
      "Une copie du registre est remise chaque année au Responsable de traitement qui le demande.",
    ];
    const { headings, lists } = structureOf(lines.join("\n"));
    expect(headings.map((heading) => heading.number)).toEqual(["7"]);
    expect(lists.find((item) => item.marker === "7.1")?.text).toMatch(/48 heures/);
  });

  it("takes a numbered line holding an obligation or a whole sentence for a clause, not a title", () => {
    const text = [
      "4. Personnel",
      "4.1 Confidentiality. The Processor ensures that its staff are bound by confidentiality",
      "4.2 The Processor shall train its staff every year",
      "4.3 Access to the data",
    ].join("\n\n");
    const { headings } = structureOf(text);
    expect(headings.map((heading) => heading.number)).toEqual(["4", "4.3"]);
  });

  it("does not take a wrapped line that starts with a reference to a section for a heading", () => {
    const text = "The parties complete the clauses as stated in\nSection 11.4 and 11.5 below, which prevail.";
    expect(structureOf(text).headings).toEqual([]);
  });

  it("reads a clause that goes on in numbered sub-items as one sentence with them", () => {
    const text = [
      "7.1 In respect of any data breach, the Processor shall, within 48 hours of becoming aware of it:",
      "7.1.1\tnotify the Controller of the breach; and",
      "7.1.2\tgive the Controller the details it holds.",
      "7.2 The Processor keeps a record of every breach.",
    ].join("\n");
    const structure = structureOf(text);
    expect(structure.tables).toEqual([]);
    expect(structure.sentences.map((sentence) => sentence.text)).toEqual([
      "In respect of any data breach, the Processor shall, within 48 hours of becoming aware of it:\n7.1.1\tnotify the Controller of the breach; and\n7.1.2\tgive the Controller the details it holds.",
      "The Processor keeps a record of every breach.",
    ]);
    expect(structure.lists.map((item) => item.marker)).toEqual(["7.1", "7.1.1", "7.1.2", "7.2"]);
  });

  it("keeps bulleted points apart from the sentence that introduces them", () => {
    const text =
      "Les demandes sont réparties ainsi :\n- le collège traite les siennes ;\n- le rectorat traite les autres.";
    expect(structureOf(text).sentences.map((sentence) => sentence.text)).toEqual([
      "Les demandes sont réparties ainsi :",
      "le collège traite les siennes ;",
      "le rectorat traite les autres.",
    ]);
  });

  it("keeps list items that are sentences of their own apart from the lead-in", () => {
    const text = "Le sous-traitant s'engage à :\n- Tenir un registre.\n- Former son personnel.";
    expect(structureOf(text).sentences.map((sentence) => sentence.text)).toEqual([
      "Le sous-traitant s'engage à :",
      "Tenir un registre.",
      "Former son personnel.",
    ]);
  });

  it("drops the colon that closes a title", () => {
    expect(structureOf("Article 4.1 : Traitement des données :").headings[0]?.title).toBe(
      "Traitement des données",
    );
  });

  it("attaches each sentence to the heading it stands under", () => {
    const { headings, sentences: found } = structureOf(
      "Préambule sans titre.\n\nArticle 1 – Objet\n\nPremière phrase.",
    );
    expect(found.map((sentence) => sentence.heading)).toEqual([null, 0]);
    expect(headings).toHaveLength(1);
  });
});

describe("structureOf: sentences", () => {
  it("splits sentences at their final punctuation", () => {
    expect(sentences("Le prestataire notifie. Il documente! Qui audite ? Le client.")).toEqual([
      "Le prestataire notifie.",
      "Il documente!",
      "Qui audite ?",
      "Le client.",
    ]);
  });

  it("does not split after French and English abbreviations or inside numbers", () => {
    const text =
      "Voir l'art. 28 al. 3 du RGPD, p. ex. la clause 5.2 et le n° 4. M. Dupont, c.-à-d. le DPO, signe, e.g. Annex 2. Mme Durand signe aussi.";
    expect(sentences(text)).toEqual([
      "Voir l'art. 28 al. 3 du RGPD, p. ex. la clause 5.2 et le n° 4.",
      "M. Dupont, c.-à-d. le DPO, signe, e.g. Annex 2.",
      "Mme Durand signe aussi.",
    ]);
  });

  it("ends a sentence after etc. when a capital follows, and not inside parentheses", () => {
    expect(
      sentences("Les droits (accès, rectification, etc.) sont garantis. Il aide, etc. Le client décide."),
    ).toEqual([
      "Les droits (accès, rectification, etc.) sont garantis.",
      "Il aide, etc.",
      "Le client décide.",
    ]);
  });

  it("carries a sentence on across a wrapped line that continues in lower case", () => {
    expect(
      sentences("Le sous-traitant notifie toute violation\ndans un délai de 48 heures.\nIl aide le client."),
    ).toEqual([
      "Le sous-traitant notifie toute violation\ndans un délai de 48 heures.",
      "Il aide le client.",
    ]);
  });

  it("carries sentences on across hard-wrapped lines that start with a capital", () => {
    const text = [
      "Le présent accord est conclu entre le prestataire et le Responsable de",
      "Traitement pour la durée du marché ; il prend effet à la date de sa",
      "signature par les deux parties et cesse à la fin des prestations, sauf si le",
      "contrat principal en dispose autrement, notamment pour les données de",
      "sauvegarde qui sont détruites dans les délais prévus.",
    ].join("\n");
    expect(sentences(text)).toEqual([text]);
  });

  it("ends a sentence at a paragraph break that is followed by a capital", () => {
    expect(sentences("Nature : gestion des examens\n\nFinalités : correction")).toEqual([
      "Nature : gestion des examens",
      "Finalités : correction",
    ]);
  });

  it("gives sentences whose offsets point at their text", () => {
    const text =
      "# Titre\n\n  Première phrase.   Deuxième phrase.\n- item un ;\n- item deux.\n\n| a | b |\n|---|---|\n| c | d |";
    expectOffsetsHold(text, structureOf(text));
  });
});

describe("structureOf: lists", () => {
  it("reads bullets, lettered and numbered items, and numbered clauses, with their markers", () => {
    const text = [
      "Le sous-traitant s'engage à :",
      "- traiter sur instruction ;",
      "• garantir la confidentialité ;",
      "a) tenir un registre ;",
      "(ii) aider le responsable ;",
      "4.1 Le sous-traitant supprime les données.",
    ].join("\n");
    expect(structureOf(text).lists.map((item) => [item.marker, item.text])).toEqual([
      ["-", "traiter sur instruction ;"],
      ["•", "garantir la confidentialité ;"],
      ["a)", "tenir un registre ;"],
      ["(ii)", "aider le responsable ;"],
      ["4.1", "Le sous-traitant supprime les données."],
    ]);
  });

  it("continues an item on the lines that carry its sentence on", () => {
    const { lists } = structureOf(
      "a) le sous-traitant notifie la violation\ndans les 24 heures ;\nb) il documente.",
    );
    expect(lists.map((item) => item.text)).toEqual([
      "le sous-traitant notifie la violation\ndans les 24 heures ;",
      "il documente.",
    ]);
  });
});

describe("structureOf: tables", () => {
  it("reads a Markdown pipe table with its header", () => {
    const text =
      "Sous-traitants :\n\n| Nom | Activité | Pays |\n|-----|:--------:|------|\n| Alpha | Hébergement | France |\n| Beta | Courriel | Irlande |\n";
    const [table] = structureOf(text).tables;
    expect(table?.header?.map((cell) => cell.text)).toEqual(["Nom", "Activité", "Pays"]);
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["Alpha", "Hébergement", "France"],
      ["Beta", "Courriel", "Irlande"],
    ]);
    expectOffsetsHold(text, structureOf(text));
  });

  it("keeps escaped pipes inside a cell", () => {
    const [table] = structureOf("| a \\| b | c |\n| d | e |").tables;
    expect(table?.rows[0]?.map((cell) => cell.text)).toEqual(["a \\| b", "c"]);
  });

  it("reads tab-separated rows as a table and each row as a sentence", () => {
    const text = "Liste :\nAlpha\tHébergement\tFrance\nBeta\tCourriel\tIrlande\nFin.";
    const structure = structureOf(text);
    expect(structure.tables).toHaveLength(1);
    expect(structure.tables[0]?.header).toBeNull();
    expect(structure.tables[0]?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["Alpha", "Hébergement", "France"],
      ["Beta", "Courriel", "Irlande"],
    ]);
    expect(structure.sentences.map((sentence) => sentence.text)).toContain("Alpha\tHébergement\tFrance");
  });

  it("reads rows written without outer pipes as a table", () => {
    const text =
      "Les sous-traitants :\n\nNom | Activité | Pays\nAlpha | Hébergement | France\nBeta | Courriel | Irlande";
    const [table] = structureOf(text).tables;
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["Nom", "Activité", "Pays"],
      ["Alpha", "Hébergement", "France"],
      ["Beta", "Courriel", "Irlande"],
    ]);
  });

  it("does not take a single line with a tab for a table", () => {
    expect(structureOf("Nom :\tAlpha\nAdresse : Paris").tables).toEqual([]);
  });
});

describe("structureOf: degenerate input", () => {
  it("returns an empty structure for empty or blank text", () => {
    for (const text of ["", "\n\n", "   "]) {
      expect(structureOf(text)).toEqual({ headings: [], sentences: [], lists: [], tables: [] });
    }
  });
});
