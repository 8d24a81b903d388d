// Every template art28 writes, by id, in the order `art28 generate --list` shows them.

import { Art28Error } from "../domain/error.js";
import type { Template } from "./template.js";
import { authorityNotificationDraftTemplate } from "./templates/authority-notification-draft.js";
import { breachNoticeTemplate } from "./templates/breach-notice.js";
import { deletionCertificateTemplate } from "./templates/deletion-certificate.js";
import { dpaTemplate } from "./templates/dpa.js";
import { jointController1Template } from "./templates/joint-controller-1.js";
import { jointController2Template } from "./templates/joint-controller-2.js";
import { jointController3Template } from "./templates/joint-controller-3.js";
import { procurementClauseTemplate } from "./templates/procurement-clause.js";
import { publicSummaryTemplate } from "./templates/public-summary.js";
import { registerControllerTemplate } from "./templates/register-controller.js";
import { registerProcessorTemplate } from "./templates/register-processor.js";
import { returnCertificateTemplate } from "./templates/return-certificate.js";
import { securityQuestionnaireTemplate } from "./templates/security-questionnaire.js";
import { subjectCommunicationTemplate } from "./templates/subject-communication.js";
import { subprocessorNoticeTemplate } from "./templates/subprocessor-notice.js";

export const TEMPLATES: readonly Template[] = [
  dpaTemplate,
  jointController1Template,
  jointController2Template,
  jointController3Template,
  publicSummaryTemplate,
  procurementClauseTemplate,
  securityQuestionnaireTemplate,
  deletionCertificateTemplate,
  returnCertificateTemplate,
  breachNoticeTemplate,
  authorityNotificationDraftTemplate,
  subjectCommunicationTemplate,
  subprocessorNoticeTemplate,
  registerControllerTemplate,
  registerProcessorTemplate,
];

export function findTemplate(id: string): Template {
  const template = TEMPLATES.find((t) => t.id === id);
  if (template === undefined) {
    const ids = TEMPLATES.map((t) => t.id).join(", ");
    throw new Art28Error(
      "not_found",
      {
        fr: `modèle inconnu : « ${id} » (modèles : ${ids})`,
        en: `unknown template: "${id}" (templates: ${ids})`,
      },
      { argument: "ID", accepted: { fr: ids, en: ids } },
    );
  }
  return template;
}
