// A reader of the PDF structure art28 writes (uncompressed object dictionaries, as pdfkit writes them): enough
// to check what PDF/A-2b asks of a file without veraPDF.

export interface PdfObject {
  readonly id: number;
  /** The dictionary, as written between << and >> (nested ones included). */
  readonly dictionary: string;
  /** The stream's bytes as latin-1 text, when the object has one. */
  readonly stream: string | null;
}

export interface PdfStructure {
  readonly header: string;
  readonly objects: ReadonlyMap<number, PdfObject>;
  readonly trailer: string;
}

export function readPdfStructure(bytes: Uint8Array): PdfStructure {
  const text = Buffer.from(bytes).toString("latin1");
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endobj", start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf("stream");
    const dictionary = streamAt < 0 ? body : body.slice(0, streamAt);
    const stream =
      streamAt < 0 ? null : body.slice(streamAt + 6, body.lastIndexOf("endstream")).replace(/^\r?\n/, "");
    objects.set(Number(match[1]), { id: Number(match[1]), dictionary: dictionary.trim(), stream });
    pattern.lastIndex = end;
  }
  const trailer = text.slice(text.lastIndexOf("trailer"));
  return { header: text.slice(0, text.indexOf("\n")), objects, trailer };
}

/** The object a key of `dictionary` refers to ("/Metadata 163 0 R"). */
export function referenced(structure: PdfStructure, dictionary: string, key: string): PdfObject | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dictionary);
  return match === null ? undefined : structure.objects.get(Number(match[1]));
}
