// The words a reader sees for an agreement's terms and its rules on sub-processors and transfers (FR/EN).

import type { LocalizedText } from "./error.js";
import type { ObjectionSilence, SubprocessorAuthorization, TermId, TransferRule } from "./terms.js";

export const TERM_LABELS: Record<TermId, LocalizedText> = {
  breach_notification_to_controller: {
    fr: "Notification d'une violation au responsable de traitement",
    en: "Breach notification to the controller",
  },
  breach_notification_to_authority: {
    fr: "Notification d'une violation à l'autorité de contrôle",
    en: "Breach notification to the supervisory authority",
  },
  incident_alert_between_controllers: {
    fr: "Alerte d'incident entre responsables conjoints",
    en: "Incident alert between joint controllers",
  },
  dsr_forwarding_to_controller: {
    fr: "Transmission d'une demande d'exercice des droits au responsable",
    en: "Forwarding of a data-subject request to the controller",
  },
  dsr_assistance: {
    fr: "Aide pour répondre à une demande d'exercice des droits",
    en: "Help answering a data-subject request",
  },
  data_deletion_on_request: {
    fr: "Effacement ou rectification à la demande du responsable",
    en: "Deletion or correction on the controller's request",
  },
  subprocessor_objection_period: {
    fr: "Délai d'opposition à un sous-traitant ultérieur",
    en: "Window to object to a sub-processor",
  },
  annex_update_notice: {
    fr: "Préavis avant la mise à jour des annexes",
    en: "Notice before the annexes are updated",
  },
  deletion_after_termination: {
    fr: "Suppression ou restitution des données en fin de contrat",
    en: "Deletion or return of the data at the end",
  },
  backup_deletion: { fr: "Suppression des sauvegardes", en: "Deletion of backups" },
  audit_notice: { fr: "Préavis avant un audit", en: "Notice before an audit" },
  corrective_action_plan: {
    fr: "Actions correctives après un audit",
    en: "Corrective actions after an audit",
  },
  termination_notice: { fr: "Préavis de résiliation", en: "Termination notice" },
  log_retention: { fr: "Conservation des journaux", en: "Retention of logs" },
  confidentiality_survival: {
    fr: "Durée de la confidentialité après la fin",
    en: "Confidentiality after the end",
  },
};

export const AUTHORIZATION_LABELS: Record<SubprocessorAuthorization, LocalizedText> = {
  general: { fr: "autorisation générale", en: "general authorisation" },
  specific: { fr: "autorisation spécifique", en: "specific authorisation" },
};

export const SILENCE_LABELS: Record<ObjectionSilence, LocalizedText> = {
  accepted: { fr: "le silence vaut acceptation", en: "silence counts as acceptance" },
  refused: { fr: "le silence vaut refus", en: "silence counts as refusal" },
};

export const TRANSFER_LABELS: Record<TransferRule, LocalizedText> = {
  prohibited: { fr: "interdits", en: "prohibited" },
  with_authorization: {
    fr: "seulement avec l'autorisation écrite préalable du responsable",
    en: "only with the controller's prior written authorisation",
  },
  allowed_with_safeguards: {
    fr: "autorisés avec des garanties du chapitre V",
    en: "allowed under Chapter V safeguards",
  },
};
