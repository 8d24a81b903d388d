// `deletion-certificate`: the processor certifies it deleted the controller's data at the end (GDPR Art. 28(3)(g)).

import { defineTemplate } from "../template.js";
import { END_CERTIFICATE_EXAMPLE, endCertificateData, writeEndCertificate } from "./end-certificate.js";

export const deletionCertificateTemplate = defineTemplate({
  id: "deletion-certificate",
  title: { fr: "Attestation de suppression", en: "Deletion certificate" },
  summary: {
    fr: "le sous-traitant atteste avoir supprimé les données en fin de contrat, sauvegardes comprises",
    en: "the processor certifies it deleted the data at the end, backups included",
  },
  basis: "GDPR Art. 28(3)(g)",
  formats: ["pdf", "docx", "html"],
  schema: endCertificateData,
  example: END_CERTIFICATE_EXAMPLE,
  write: (data, lang) => writeEndCertificate(data, lang, "deletion"),
});
