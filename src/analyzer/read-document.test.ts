import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from "fflate";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { type Block, docx, odt, pdf } from "../../test/fixtures/analyzer/documents.js";
import { Art28Error } from "../domain/error.js";
import { MAX_DOCUMENT_BYTES, readDocument, readDocumentBytes } from "./read-document.js";
import { structureOf } from "./structure.js";

const AGREEMENT: readonly Block[] = [
  { heading: "Article 1 – Objet" },
  { paragraph: "Le sous-traitant notifie toute violation de données dans un délai de 48 heures." },
  { list: ["traiter les données sur instruction ;", "garantir leur confidentialité."] },
  {
    table: [
      ["Nom", "Activité", "Pays"],
      ["Hébergeur Alpha", "Hébergement", "France"],
      ["Courriel Beta", "Envoi de courriels", "Irlande"],
    ],
    header: true,
  },
];

const directory = mkdtempSync(join(tmpdir(), "art28-read-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<Art28Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Art28Error);
    return error as Art28Error;
  }
  throw new Error("expected the read to fail");
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf8"));
}

/** A copy of a ZIP archive with `edit` applied at every record starting with `signature`. */
function everyHeader(
  bytes: Uint8Array,
  signature: number,
  edit: (view: DataView, at: number) => void,
): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at++) {
    if (view.getUint32(at, true) === signature) edit(view, at);
  }
  return copy;
}

describe("readDocumentBytes: text formats", () => {
  it("reads plain text, normalises it and hashes the bytes", async () => {
    const bytes = utf8("Article 1 – Objet\r\n\r\nLe sous-trai-\r\ntant notifie\u00A0sans délai.");
    const extracted = await readDocumentBytes(bytes, "accord.txt");
    expect(extracted).toEqual({
      text: "Article 1 – Objet\n\nLe sous-traitant notifie sans délai.",
      format: "txt",
      encodingRepaired: false,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(extracted.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(extracted.sha256).toBe((await readDocumentBytes(bytes, "autre-nom.txt")).sha256);
  });

  it("repairs Mac Roman mojibake and says so", async () => {
    const extracted = await readDocumentBytes(
      utf8("Protection des Donn√©es √† caract√®re personnel"),
      "a.txt",
    );
    expect(extracted.text).toBe("Protection des Données à caractère personnel");
    expect(extracted.encodingRepaired).toBe(true);
  });

  it("reads Windows-1252 files", async () => {
    const bytes = iconv.encode("Délai de notification : 48 heures – sans frais.", "windows-1252");
    expect((await readDocumentBytes(bytes, "a.txt")).text).toBe(
      "Délai de notification : 48 heures – sans frais.",
    );
  });

  it("strips Markdown emphasis and links but keeps headings, lists and tables", async () => {
    const markdown =
      "# Accord\n\n> **Version** : 1.0\n\nVoir [l'annexe](#annexe) et **48 heures**.\n\n- un\n\n| a | b |\n|---|---|\n| c | d |\n\n---\n";
    const extracted = await readDocumentBytes(utf8(markdown), "accord.md");
    expect(extracted.format).toBe("md");
    expect(extracted.text).toBe(
      "# Accord\n\nVersion : 1.0\n\nVoir l'annexe et 48 heures.\n\n- un\n\n| a | b |\n|---|---|\n| c | d |",
    );
  });

  it("recognises Markdown saved as .txt by its content", async () => {
    const markdown = "# Accord\n\n## 1. Objet\n\nTexte **important** et [lien](http://exemple.fr).\n";
    expect((await readDocumentBytes(utf8(markdown), "accord.txt")).format).toBe("md");
  });

  it("reads HTML: declared charset, headings, lists, tables, and no scripts or styles", async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="windows-1252"><title>T</title><style>p{}</style></head>
      <body><h2>Article 3 &ndash; Sous-traitance</h2><p>Le prestataire   informe<br>le client.</p>
      <script>alert(1)</script><ol><li><p>premier ;</p></li><li>second.</li></ol>
      <table><thead><tr><th>Nom</th><th>Pays</th></tr></thead><tbody><tr><td>Alpha</td><td>Fran\xe7e</td></tr></tbody></table></body></html>`;
    const extracted = await readDocumentBytes(iconv.encode(html, "latin1"), "page.html");
    expect(extracted.format).toBe("html");
    expect(extracted.text).toBe(
      "## Article 3 – Sous-traitance\n\nLe prestataire informe\nle client.\n\n1. premier ;\n2. second.\n\n| Nom | Pays |\n| --- | --- |\n| Alpha | Françe |",
    );
    const structure = structureOf(extracted.text);
    expect(structure.headings).toMatchObject([{ number: "3", title: "Sous-traitance" }]);
    expect(structure.tables[0]?.header?.map((cell) => cell.text)).toEqual(["Nom", "Pays"]);
  });

  it("recognises HTML by its markup whatever the file is called", async () => {
    expect((await readDocumentBytes(utf8("<html><body><p>Bonjour</p></body></html>"), "a.txt")).format).toBe(
      "html",
    );
  });
});

describe("readDocumentBytes: DOCX, ODT and PDF", () => {
  it("reads DOCX headings, paragraphs, lists and tables", async () => {
    const extracted = await readDocumentBytes(docx(AGREEMENT), "accord.docx");
    expect(extracted.format).toBe("docx");
    const structure = structureOf(extracted.text);
    expect(structure.headings).toMatchObject([{ number: "1", title: "Objet" }]);
    expect(structure.sentences.map((sentence) => sentence.text)).toContain(
      "Le sous-traitant notifie toute violation de données dans un délai de 48 heures.",
    );
    expect(structure.lists.map((item) => item.text)).toEqual([
      "traiter les données sur instruction ;",
      "garantir leur confidentialité.",
    ]);
    expect(structure.tables[0]?.header?.map((cell) => cell.text)).toEqual(["Nom", "Activité", "Pays"]);
    expect(structure.tables[0]?.rows.map((row) => row[0]?.text)).toEqual([
      "Hébergeur Alpha",
      "Courriel Beta",
    ]);
  });

  it("reads ODT headings, paragraphs, lists and tables", async () => {
    const extracted = await readDocumentBytes(odt(AGREEMENT), "accord.odt");
    expect(extracted.format).toBe("odt");
    const structure = structureOf(extracted.text);
    expect(structure.headings).toMatchObject([{ number: "1", title: "Objet" }]);
    expect(structure.lists.map((item) => item.text)).toEqual([
      "traiter les données sur instruction ;",
      "garantir leur confidentialité.",
    ]);
    expect(structure.tables[0]?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["Hébergeur Alpha", "Hébergement", "France"],
      ["Courriel Beta", "Envoi de courriels", "Irlande"],
    ]);
  });

  it("reads the text layer of a PDF, page after page", async () => {
    const bytes = pdf([
      ["Article 2 - Violations", "Le sous-traitant notifie toute violation", "dans un délai de 48 heures."],
      ["Article 3 - Audits"],
    ]);
    const extracted = await readDocumentBytes(bytes, "accord.pdf");
    expect(extracted.format).toBe("pdf");
    expect(extracted.text).toBe(
      "Article 2 - Violations\nLe sous-traitant notifie toute violation dans un délai de 48 heures.\n\nArticle 3 - Audits",
    );
    expect(structureOf(extracted.text).sentences.map((sentence) => sentence.text)).toEqual([
      "Le sous-traitant notifie toute violation dans un délai de 48 heures.",
    ]);
  });

  it("drops page numbers and running heads, so a sentence can run from one page to the next", async () => {
    const page = (number: number, body: string[]) => [
      "Convention de traitement - version 2",
      ...body,
      `Page ${number} / 3`,
    ];
    const bytes = pdf([
      page(1, ["Article 1 - Objet", "Le sous-traitant notifie toute violation"]),
      page(2, ["dans un délai de 48 heures.", "Il documente chaque violation."]),
      page(3, ["Article 2 - Audits", "Le client peut auditer une fois par an."]),
    ]);
    const { text } = await readDocumentBytes(bytes, "accord.pdf");
    expect(text).not.toMatch(/Page \d|version 2/);
    expect(structureOf(text).sentences.map((sentence) => sentence.text)).toContain(
      "Le sous-traitant notifie toute violation dans un délai de 48 heures.",
    );
  });

  it("detects the format by content when the extension lies", async () => {
    expect(
      (await readDocumentBytes(pdf([["Contrat de traitement des données."]]), "contrat.txt")).format,
    ).toBe("pdf");
    expect((await readDocumentBytes(docx(AGREEMENT), "contrat.odt")).format).toBe("docx");
    expect((await readDocumentBytes(odt(AGREEMENT), "contrat")).format).toBe("odt");
  });
});

describe("readDocumentBytes: refusals", () => {
  it("refuses a password-protected PDF and says it is encrypted", async () => {
    const bytes = pdf([["Texte confidentiel du contrat de traitement."]], { userPassword: "secret" });
    const error = await failure(readDocumentBytes(bytes, "chiffre.pdf"));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.fr).toMatch(/PDF chiffré/);
    expect(error.text.en).toMatch(/encrypted PDF/);
  });

  it("refuses a PDF without a text layer and says so", async () => {
    const error = await failure(readDocumentBytes(pdf([[], []]), "scan.pdf"));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.en).toMatch(/without a text layer/);
    expect(error.text.fr).toMatch(/sans couche texte/);
  });

  it("refuses a password-protected DOCX (an OLE container holding an encrypted package)", async () => {
    const ole = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Uint8Array(500),
      ...Buffer.from("EncryptedPackage", "utf16le"),
      ...new Uint8Array(100),
    ]);
    const error = await failure(readDocumentBytes(ole, "protege.docx"));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.en).toMatch(/encrypted Office document/);
  });

  it("reads a text file that mentions %PDF- as text", async () => {
    const extracted = await readDocumentBytes(
      utf8("Le fichier commence par %PDF-1.7 : c'est un PDF."),
      "note.txt",
    );
    expect(extracted.format).toBe("txt");
  });

  it("refuses a corrupt PDF", async () => {
    const error = await failure(readDocumentBytes(utf8("%PDF-1.4\n1 0 obj << /Type /Catalog"), "abime.pdf"));
    expect(error.code).toBe("unreadable_input");
  });

  it("refuses an encrypted ODT", async () => {
    const error = await failure(readDocumentBytes(odt(AGREEMENT, { encrypted: true }), "chiffre.odt"));
    expect(error.text.en).toMatch(/encrypted ODT/);
  });

  it("refuses a truncated archive as corrupt", async () => {
    const whole = docx(AGREEMENT);
    for (const length of [whole.length - 10, Math.floor(whole.length / 2), 30]) {
      const error = await failure(readDocumentBytes(whole.subarray(0, length), "tronque.docx"));
      expect(error.code).toBe("unreadable_input");
      expect(error.text.en).toMatch(/corrupt/);
    }
  });

  it("refuses an archive whose compressed data is damaged", async () => {
    const bytes = odt(AGREEMENT);
    const damaged = new Uint8Array(bytes);
    const at = Buffer.from(damaged).indexOf("content.xml") + "content.xml".length;
    damaged.fill(0xff, at, at + 40);
    const error = await failure(readDocumentBytes(damaged, "abime.odt"));
    expect(error.text.en).toMatch(/corrupt/);
  });

  it("refuses a zip bomb: an entry that inflates far beyond its compressed size", async () => {
    const bomb = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "META-INF/manifest.xml": strToU8("<manifest/>"),
      "content.xml": [new Uint8Array(6 * 1024 * 1024).fill(0x20), { level: 6 }],
    });
    expect(bomb.length).toBeLessThan(100_000);
    const error = await failure(readDocumentBytes(bomb, "bombe.odt"));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.en).toMatch(/zip bomb/);
  });

  it("refuses an archive whose declared sizes add up beyond the limit", async () => {
    const bytes = new Uint8Array(docx(AGREEMENT));
    const view = new DataView(bytes.buffer);
    // Raise the declared uncompressed size of every central directory entry (APPNOTE 4.3.12).
    for (let at = 0; at + 4 <= bytes.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0x7fffffff, true);
    }
    const error = await failure(readDocumentBytes(bytes, "bombe.docx"));
    expect(error.text.en).toMatch(/zip bomb/);
  });

  it("refuses a zip bomb whose headers understate its size, counting the bytes it really inflates to", async () => {
    const bomb = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "META-INF/manifest.xml": strToU8("<manifest/>"),
      "content.xml": [new Uint8Array(12 * 1024 * 1024).fill(0x20), { level: 9 }],
    });
    // Declare 100 uncompressed bytes in the local (APPNOTE 4.3.7) and central (4.3.12) headers.
    let understated = everyHeader(bomb, 0x04034b50, (view, at) => view.setUint32(at + 22, 100, true));
    understated = everyHeader(understated, 0x02014b50, (view, at) => view.setUint32(at + 24, 100, true));
    const error = await failure(readDocumentBytes(understated, "bombe.odt"));
    expect(error.text.en).toMatch(/zip bomb/);
  });

  it("refuses a DOCX whose entries are ZIP-encrypted and says it is password-protected", async () => {
    // General purpose flag bit 0 (APPNOTE 4.4.4) in the local and central headers.
    const encrypt = (flagsAt: number) => (view: DataView, at: number) =>
      view.setUint16(at + flagsAt, view.getUint16(at + flagsAt, true) | 1, true);
    const bytes = everyHeader(everyHeader(docx(AGREEMENT), 0x04034b50, encrypt(6)), 0x02014b50, encrypt(8));
    const error = await failure(readDocumentBytes(bytes, "chiffre.docx"));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.en).toMatch(/encrypted archive/);
  });

  it("refuses a zip64 archive as corrupt, though a zip64 reader could read it", async () => {
    // A well-formed zip64 end: zip64 record (APPNOTE 4.3.14), its locator (4.3.15), then an end record
    // whose count and offset say "see zip64" (4.3.16).
    const plain = docx(AGREEMENT);
    const end = plain.length - 22;
    const plainEnd = new DataView(plain.buffer, plain.byteOffset);
    const entries = plainEnd.getUint16(end + 10, true);
    const directorySize = plainEnd.getUint32(end + 12, true);
    const directoryOffset = plainEnd.getUint32(end + 16, true);
    const bytes = new Uint8Array(end + 56 + 20 + 22);
    bytes.set(plain.subarray(0, end));
    const view = new DataView(bytes.buffer);
    view.setUint32(end, 0x06064b50, true);
    view.setBigUint64(end + 4, 44n, true);
    view.setUint16(end + 12, 45, true);
    view.setUint16(end + 14, 45, true);
    view.setBigUint64(end + 24, BigInt(entries), true);
    view.setBigUint64(end + 32, BigInt(entries), true);
    view.setBigUint64(end + 40, BigInt(directorySize), true);
    view.setBigUint64(end + 48, BigInt(directoryOffset), true);
    view.setUint32(end + 56, 0x07064b50, true);
    view.setBigUint64(end + 64, BigInt(end), true);
    view.setUint32(end + 72, 1, true);
    const last = end + 76;
    view.setUint32(last, 0x06054b50, true);
    view.setUint16(last + 8, 0xffff, true);
    view.setUint16(last + 10, 0xffff, true);
    view.setUint32(last + 12, 0xffffffff, true);
    view.setUint32(last + 16, 0xffffffff, true);
    expect(Object.keys(unzipSync(bytes))).toContain("word/document.xml");
    const error = await failure(readDocumentBytes(bytes, "zip64.docx"));
    expect(error.text.en).toMatch(/corrupt/);
  });

  it("reads an ODT whose entries end with data descriptors, as streaming writers make them", async () => {
    const parts: Uint8Array[] = [];
    const writer = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    for (const [name, data] of Object.entries(unzipSync(odt(AGREEMENT)))) {
      const entry = new ZipDeflate(name, { level: 6 });
      writer.add(entry);
      entry.push(data, true);
    }
    writer.end();
    const bytes = new Uint8Array(Buffer.concat(parts));
    expect(new DataView(bytes.buffer).getUint16(6, true) & 8).toBe(8);
    const extracted = await readDocumentBytes(bytes, "flux.odt");
    expect(extracted.text).toContain("délai de 48 heures");
  });

  it("refuses a ZIP archive that is no document, a .doc and an unknown binary as unsupported", async () => {
    const zip = zipSync({ "photo.jpg": randomBytes(100) });
    expect((await failure(readDocumentBytes(zip, "archive.zip"))).code).toBe("unsupported_format");
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(200)]);
    const legacy = await failure(readDocumentBytes(doc, "ancien.doc"));
    expect(legacy.code).toBe("unsupported_format");
    expect(legacy.text.en).toMatch(/\.doc/);
    const binary = new Uint8Array(512).map((_, i) => i % 7);
    expect((await failure(readDocumentBytes(binary, "image.png"))).code).toBe("unsupported_format");
  });

  it("refuses a text file that claims to be a PDF", async () => {
    const error = await failure(readDocumentBytes(utf8("Ceci n'est pas un PDF."), "faux.pdf"));
    expect(error.code).toBe("unreadable_input");
  });

  it("refuses bytes over 50 MB", async () => {
    const error = await failure(readDocumentBytes(new Uint8Array(MAX_DOCUMENT_BYTES + 1), "enorme.txt"));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.fr).toMatch(/50 Mo/);
  });
});

describe("readDocument", () => {
  it("reads a file from disk under its own name", async () => {
    const path = join(directory, "accord.md");
    writeFileSync(path, "# Accord\n\n## 1. Objet\n\nLe **sous-traitant** notifie.\n");
    expect(await readDocument(path)).toMatchObject({
      format: "md",
      text: "# Accord\n\n## 1. Objet\n\nLe sous-traitant notifie.",
    });
  });

  it("refuses a file over 50 MB before reading it", async () => {
    const path = join(directory, "enorme.txt");
    writeFileSync(path, "");
    truncateSync(path, MAX_DOCUMENT_BYTES + 1024 * 1024);
    const error = await failure(readDocument(path));
    expect(error.code).toBe("unreadable_input");
    expect(error.text.en).toBe("file too large: 51.0 MB, over the 50 MB limit");
  });

  it("says when a file does not exist or is a directory", async () => {
    expect((await failure(readDocument(join(directory, "absent.pdf")))).code).toBe("not_found");
    expect((await failure(readDocument(directory))).code).toBe("unreadable_input");
  });
});
