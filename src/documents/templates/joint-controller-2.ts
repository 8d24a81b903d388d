// `joint-controller-2`: the Art. 26 convention of the Ministry's kit, scenario 2 (élèves du second degré).

import { defineTemplate } from "../template.js";
import { jointControllerData, writeJointControllerConvention } from "./joint-controller-convention.js";
import {
  ACADEMY,
  jointControllerExample,
  REGION,
  SCHOOL,
  SECOND_SCHOOL,
} from "./joint-controller-example.js";

export const jointController2Template = defineTemplate({
  id: "joint-controller-2",
  title: {
    fr: "Convention de responsabilité conjointe – scénario 2",
    en: "Joint-controller arrangement – scenario 2",
  },
  summary: {
    fr: "convention entre autorités académiques, collectivités et établissements pour un ENT du second degré (scénario 2)",
    en: "arrangement between academic authorities, local authorities and schools for a secondary-school ENT (scenario 2)",
  },
  basis: "GDPR Art. 26",
  formats: ["docx", "pdf", "html"],
  schema: jointControllerData(2),
  example: jointControllerExample(
    [ACADEMY, REGION, SCHOOL, SECOND_SCHOOL],
    "élèves du second degré",
    "JC-2026-002",
  ),
  write: (data, lang) => writeJointControllerConvention(data, lang, 2),
});
