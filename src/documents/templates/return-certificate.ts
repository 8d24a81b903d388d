// `return-certificate`: the processor certifies it returned the controller's data, then deleted its copies
// (GDPR Art. 28(3)(g)).

import { defineTemplate } from "../template.js";
import { END_CERTIFICATE_EXAMPLE, endCertificateData, writeEndCertificate } from "./end-certificate.js";

export const returnCertificateTemplate = defineTemplate({
  id: "return-certificate",
  title: { fr: "Attestation de restitution", en: "Return certificate" },
  summary: {
    fr: "le sous-traitant atteste avoir restitué les données, puis supprimé ses copies",
    en: "the processor certifies it returned the data, then deleted its copies",
  },
  basis: "GDPR Art. 28(3)(g)",
  formats: ["pdf", "docx", "html"],
  schema: endCertificateData,
  example: { ...END_CERTIFICATE_EXAMPLE, reference: "REST-2026-014" },
  write: (data, lang) => writeEndCertificate(data, lang, "return"),
});
