// `joint-controller-1`: the Art. 26 convention of the Ministry's kit, scenario 1 (élèves du premier degré).

import { defineTemplate } from "../template.js";
import { jointControllerData, writeJointControllerConvention } from "./joint-controller-convention.js";
import { ACADEMY, DEPARTMENT, jointControllerExample } from "./joint-controller-example.js";

export const jointController1Template = defineTemplate({
  id: "joint-controller-1",
  title: {
    fr: "Convention de responsabilité conjointe – scénario 1",
    en: "Joint-controller arrangement – scenario 1",
  },
  summary: {
    fr: "convention entre autorités académiques et collectivités pour un ENT du premier degré (scénario 1)",
    en: "arrangement between academic and local authorities for a primary-school ENT (scenario 1)",
  },
  basis: "GDPR Art. 26",
  formats: ["docx", "pdf", "html"],
  schema: jointControllerData(1),
  example: jointControllerExample([ACADEMY, DEPARTMENT], "élèves du premier degré", "JC-2026-001"),
  write: (data, lang) => writeJointControllerConvention(data, lang, 1),
});
