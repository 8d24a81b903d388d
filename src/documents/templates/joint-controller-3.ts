// `joint-controller-3`: the Art. 26 convention of the Ministry's kit, scenario 3 (élèves du premier et du second degré).

import { defineTemplate } from "../template.js";
import { jointControllerData, writeJointControllerConvention } from "./joint-controller-convention.js";
import {
  ACADEMY,
  DEPARTMENT,
  jointControllerExample,
  REGION,
  SCHOOL,
  SECOND_ACADEMY,
  SECOND_SCHOOL,
} from "./joint-controller-example.js";

export const jointController3Template = defineTemplate({
  id: "joint-controller-3",
  title: {
    fr: "Convention de responsabilité conjointe – scénario 3",
    en: "Joint-controller arrangement – scenario 3",
  },
  summary: {
    fr: "convention pour un ENT commun à plusieurs académies et collectivités, premier et second degré (scénario 3)",
    en: "arrangement for an ENT shared by several academic and local authorities, primary and secondary (scenario 3)",
  },
  basis: "GDPR Art. 26",
  formats: ["docx", "pdf", "html"],
  schema: jointControllerData(3),
  example: jointControllerExample(
    [ACADEMY, DEPARTMENT, SECOND_ACADEMY, REGION, SCHOOL, SECOND_SCHOOL],
    "élèves du premier et du second degré",
    "JC-2026-003",
  ),
  write: (data, lang) => writeJointControllerConvention(data, lang, 3),
});
