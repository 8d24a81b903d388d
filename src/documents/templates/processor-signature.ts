// The closing of a notice the processor sends on its own: the place and day, then its signatory.

import { englishDate, frenchDate } from "../model/document-date.js";
import type { DocumentWriter } from "../model/document-writer.js";

interface SignedNotice {
  readonly place: string;
  readonly issuedOn: string;
  readonly processor: {
    readonly name: string;
    readonly signatory: { readonly name: string; readonly title: string };
  };
}

export function signedByProcessor(w: DocumentWriter, data: SignedNotice): DocumentWriter {
  return w.signatures(
    {
      fr: `Fait à ${data.place}, le ${frenchDate(data.issuedOn)}.`,
      en: `${data.place}, ${englishDate(data.issuedOn)}.`,
    },
    [
      {
        heading: { fr: "Pour le sous-traitant", en: "For the processor" },
        organisation: data.processor.name,
        person: `${data.processor.signatory.name}, ${data.processor.signatory.title}`,
      },
    ],
  );
}
