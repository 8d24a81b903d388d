import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyzeText } from "../analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

function term(analysis: Analysis, id: keyof Analysis["terms"]) {
  const found = analysis.terms[id];
  return found === undefined
    ? undefined
    : { amount: found.amount, unit: found.unit, qualifier: found.qualifier };
}

describe("breach notices", () => {
  it("gives the processor's delay to the controller and the 72 hours to the authority", () => {
    const analysis = analyze(
      "Article 5 – Violations de données\n\nLe Sous-traitant notifie au Responsable du traitement toute violation de données à caractère personnel dans un délai maximal de 36 heures après en avoir pris connaissance, afin de permettre à ce dernier de notifier l'autorité de contrôle dans les 72 heures.",
    );
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 36,
      unit: "hours",
      qualifier: null,
    });
    expect(term(analysis, "breach_notification_to_authority")).toEqual({
      amount: 72,
      unit: "hours",
      qualifier: null,
    });
  });

  it("never reads the controller's 72 hours to the authority as the processor's notice", () => {
    const analysis = analyze(
      "Article 7 – Violations\n\nLe Responsable du traitement notifie la violation de données à la CNIL dans les 72 heures. Le Sous-traitant l'en informe dans les meilleurs délais.",
    );
    expect(term(analysis, "breach_notification_to_authority")).toEqual({
      amount: 72,
      unit: "hours",
      qualifier: null,
    });
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: null,
      unit: null,
      qualifier: "without_undue_delay",
    });
  });

  it("leaves the authority's delay in a relative clause to the authority", () => {
    const analysis = analyze(
      "Le Prestataire notifie toute violation de données au Client sous 24 heures, lequel dispose de 72 heures pour la notifier à l'autorité de contrôle.",
    );
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 24,
      unit: "hours",
      qualifier: null,
    });
    expect(term(analysis, "breach_notification_to_authority")).toEqual({
      amount: 72,
      unit: "hours",
      qualifier: null,
    });
  });

  it("does not read the controller informing the data subjects as a notice to the controller", () => {
    const analysis = analyze(
      "En cas de violation de données présentant un risque élevé, le Responsable du traitement informe les personnes concernées dans les meilleurs délais.",
    );
    expect(analysis.terms.breach_notification_to_controller).toBeUndefined();
  });

  it("reads a provider's notice of a security incident to its customer", () => {
    const analysis = analyze(
      "DATA PROTECTION ADDENDUM\n\nProvider shall notify Customer of any Security Incident within 48 hours of discovery.",
    );
    expect(analysis.kind).toBe("dpa");
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 48,
      unit: "hours",
      qualifier: null,
    });
  });

  it("prefers the number of hours to the qualifier stated beside it", () => {
    const analysis = analyze(
      "The Processor shall notify the Controller of any Personal Data Breach without undue delay and in any event within 48 hours.",
    );
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 48,
      unit: "hours",
      qualifier: null,
    });
  });

  it("does not read an availability rate such as 24h/24 as a period", () => {
    const analysis = analyze(
      "Le support du Sous-traitant est joignable 24h/24 et 7j/7 pour signaler une violation de données au Responsable du traitement.",
    );
    expect(analysis.terms.breach_notification_to_controller).toBeUndefined();
  });

  it("quotes the sentence that sets the term, at its offset", () => {
    const text =
      "Préambule.\n\nLe Sous-traitant informe le Responsable du traitement de toute violation de données sous 24 heures.";
    const found = analyze(text).terms.breach_notification_to_controller;
    expect(found?.quote).toBe(
      "Le Sous-traitant informe le Responsable du traitement de toute violation de données sous 24 heures.",
    );
    expect(text.slice(found?.offset ?? -1)).toBe(found?.quote);
  });
});

describe("several periods in one sentence", () => {
  it("gives each period of an inline list to the term of its own clause", () => {
    const analysis = analyze(
      "DATA PROCESSING AGREEMENT\n\nThe Processor shall: (a) notify the Controller of any Personal Data Breach within 24 hours; (b) forward any data subject request it receives within two business days; (c) assist the Controller with its duty to notify the supervisory authority within 72 hours; and (d) upon termination, delete all personal data within 30 days.",
    );
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 24,
      unit: "hours",
      qualifier: null,
    });
    expect(term(analysis, "dsr_forwarding_to_controller")).toEqual({
      amount: 2,
      unit: "working_days",
      qualifier: null,
    });
    expect(term(analysis, "breach_notification_to_authority")).toEqual({
      amount: 72,
      unit: "hours",
      qualifier: null,
    });
    expect(term(analysis, "deletion_after_termination")).toEqual({
      amount: 30,
      unit: "days",
      qualifier: null,
    });
  });
});

describe("the law a document reproduces", () => {
  it("takes the parties' own clause over the GDPR text quoted above it", () => {
    const analysis = analyze(
      [
        "Article 28 - Sous-traitant",
        "Le sous-traitant notifie au responsable du traitement toute violation de données dans un délai de 24 heures.",
        "",
        "Article 9 – Violations",
        "Le Prestataire notifie au Client toute violation de données dans un délai de 48 heures.",
      ].join("\n"),
    );
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 48,
      unit: "hours",
      qualifier: null,
    });
  });
});

describe("joint controllers and their processor", () => {
  const kit = [
    "CONVENTION DE RESPONSABILITÉ CONJOINTE DE TRAITEMENT (ARTICLE 26 DU RGPD)",
    "",
    "Article 3 – Obligations des parties",
    "",
    "La commune alerte les autres parties de tout incident affectant le service dans un délai de 24 heures.",
    "",
    "Toute partie qui reçoit une demande d'exercice des droits la transmet aux autres parties sous 8 jours.",
    "",
    "Article 4 – Clause de sous-traitance",
    "",
    "Le titulaire s'engage à :",
    "- notifier aux responsables conjoints toute violation de données à caractère personnel au plus tard 12 heures après en avoir eu connaissance ;",
    "- transmettre les demandes d'exercice des droits qui lui parviennent dans un délai de 2 jours ouvrés.",
  ].join("\n");

  it("reads the alert the controllers owe one another apart from the processor's breach notice", () => {
    const analysis = analyze(kit);
    expect(analysis.kind).toBe("joint_controller_agreement");
    expect(term(analysis, "incident_alert_between_controllers")).toEqual({
      amount: 24,
      unit: "hours",
      qualifier: null,
    });
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 12,
      unit: "hours",
      qualifier: null,
    });
  });

  it("takes the processor's forwarding delay, not the one between controllers", () => {
    expect(term(analyze(kit), "dsr_forwarding_to_controller")).toEqual({
      amount: 2,
      unit: "working_days",
      qualifier: null,
    });
  });
});

describe("data-subject requests", () => {
  it("tells forwarding a request from assisting with it", () => {
    const analysis = analyze(
      [
        "Article 6 – Droits des personnes concernées",
        "",
        "Le Sous-traitant transmet au Responsable du traitement, dans un délai de deux jours ouvrés, toute demande d'exercice des droits qu'il reçoit directement d'une personne concernée.",
        "",
        "Le Sous-traitant aide le Responsable du traitement à répondre aux demandes d'exercice des droits en lui fournissant les informations nécessaires sous 5 jours ouvrés.",
      ].join("\n"),
    );
    expect(term(analysis, "dsr_forwarding_to_controller")).toEqual({
      amount: 2,
      unit: "working_days",
      qualifier: null,
    });
    expect(term(analysis, "dsr_assistance")).toEqual({ amount: 5, unit: "working_days", qualifier: null });
  });

  it("reads a request the processor must address to the controller", () => {
    const analysis = analyze(
      "Lorsque les personnes concernées exercent leurs droits auprès du Sous-traitant, celui-ci adresse ces demandes dès réception au Responsable du traitement, au plus tard sous quarante-huit heures.",
    );
    expect(term(analysis, "dsr_forwarding_to_controller")).toEqual({
      amount: 48,
      unit: "hours",
      qualifier: null,
    });
  });

  it("does not read the controller's month to answer the person as the processor's help", () => {
    const analysis = analyze(
      "Article 6 – Droits des personnes\n\nLe Responsable du traitement apporte une réponse aux demandes d'exercice des droits des personnes concernées dans un délai d'un mois.",
    );
    expect(analysis.terms.dsr_assistance).toBeUndefined();
  });

  it("reads an English forwarding clause", () => {
    const analysis = analyze(
      "The Processor shall forward to the Controller any data subject request it receives within 3 business days.",
    );
    expect(term(analysis, "dsr_forwarding_to_controller")).toEqual({
      amount: 3,
      unit: "working_days",
      qualifier: null,
    });
  });
});

describe("sub-processor changes", () => {
  it("tells the objection window from the notice before the annex changes", () => {
    const analysis = analyze(
      [
        "Article 8 – Sous-traitance ultérieure",
        "",
        "Le Sous-traitant informe le Responsable du traitement de tout ajout ou remplacement d'un sous-traitant ultérieur. Le Responsable du traitement dispose de vingt et un jours pour formuler ses objections.",
        "",
        "Article 12 – Annexes",
        "",
        "La liste figurant en annexe 3 est mise à jour par le Sous-traitant moyennant un préavis de 45 jours.",
      ].join("\n"),
    );
    expect(term(analysis, "subprocessor_objection_period")).toEqual({
      amount: 21,
      unit: "days",
      qualifier: null,
    });
    expect(term(analysis, "annex_update_notice")).toEqual({ amount: 45, unit: "days", qualifier: null });
  });
});

describe("notice of a new sub-processor", () => {
  it("reads a notice given some days before a new sub-processor starts", () => {
    const analysis = analyze(
      "The Vendor will inform the Customer at least 30 days before any new sub-processor starts processing Customer Data.",
    );
    expect(term(analysis, "annex_update_notice")).toEqual({ amount: 30, unit: "days", qualifier: null });
  });
});

describe("deletion", () => {
  it("tells deletion at the end from backups and from deletion on request", () => {
    const analysis = analyze(
      [
        "Article 9 – Sort des données",
        "",
        "À la fin du contrat, le Sous-traitant supprime toutes les données dans un délai de soixante jours.",
        "Les sauvegardes sont écrasées au plus tard 90 jours après cette suppression.",
        "Sur demande du Responsable du traitement, le Sous-traitant efface les données désignées sous 10 jours.",
      ].join("\n"),
    );
    expect(term(analysis, "deletion_after_termination")).toEqual({
      amount: 60,
      unit: "days",
      qualifier: null,
    });
    expect(term(analysis, "backup_deletion")).toEqual({ amount: 90, unit: "days", qualifier: null });
    expect(term(analysis, "data_deletion_on_request")).toEqual({ amount: 10, unit: "days", qualifier: null });
  });
});

describe("audits, termination, confidentiality and logs", () => {
  it("tells the audit notice from the corrective action plan", () => {
    const analysis = analyze(
      [
        "Section 11 – Audits",
        "",
        "The Controller may audit the Processor at most once per year, on 20 days' prior written notice.",
        "The Processor shall remedy any non-compliance identified by an audit within 45 days.",
      ].join("\n"),
    );
    expect(term(analysis, "audit_notice")).toEqual({ amount: 20, unit: "days", qualifier: null });
    expect(term(analysis, "corrective_action_plan")).toEqual({ amount: 45, unit: "days", qualifier: null });
    expect(analysis.auditFrequencyPerYear).toEqual({ min: null, max: 1 });
  });

  it("reads leave to audit once a year as a cap", () => {
    const analysis = analyze("Le Responsable du traitement peut réaliser un audit une fois par an.");
    expect(analysis.auditFrequencyPerYear).toEqual({ min: null, max: 1 });
  });

  it("reads an ordinary termination notice but not a force-majeure exit", () => {
    expect(
      term(
        analyze("Either party may terminate this Agreement by giving three months' written notice."),
        "termination_notice",
      ),
    ).toEqual({ amount: 3, unit: "months", qualifier: null });
    expect(
      analyze(
        "If force majeure lasts more than two months, either party may terminate the Agreement before its term.",
      ).terms.termination_notice,
    ).toBeUndefined();
  });

  it("reads how long confidentiality survives and how long logs are kept", () => {
    const analysis = analyze(
      "L'obligation de confidentialité survit cinq ans après la fin du contrat. Les journaux de connexion sont conservés pendant six mois.",
    );
    expect(term(analysis, "confidentiality_survival")).toEqual({ amount: 5, unit: "years", qualifier: null });
    expect(term(analysis, "log_retention")).toEqual({ amount: 6, unit: "months", qualifier: null });
  });

  it("sets no term from a period that bounds nothing the agreement promises", () => {
    const analysis = analyze("Le service est disponible depuis 12 ans. La formation dure 3 jours.");
    expect(analysis.terms).toEqual({});
  });
});

describe("clauses continued in the items a colon introduces", () => {
  it("reads the hours of a lead-in whose notice is in its items", () => {
    const analysis = analyze(
      [
        "7. Breaches",
        "",
        "Upon any Personal Data Breach, the Vendor shall, without undue delay and no later than 36 hours after becoming aware of it:",
        "",
        "(a) notify the Customer of the breach;",
        "(b) describe the likely consequences.",
      ].join("\n"),
    );
    expect(term(analysis, "breach_notification_to_controller")).toEqual({
      amount: 36,
      unit: "hours",
      qualifier: null,
    });
  });
});

describe("requests from data subjects", () => {
  it("reads a notice to the controller of a request received as passing the request on", () => {
    const en = analyze(
      "The Vendor shall notify the Customer within two business days if it receives a request from a data subject.",
    );
    expect(term(en, "dsr_forwarding_to_controller")).toEqual({
      amount: 2,
      unit: "working_days",
      qualifier: null,
    });
    const fr = analyze(
      "Le Prestataire informe le Client sous 5 jours de toute demande reçue de la part d'une personne concernée.",
    );
    expect(term(fr, "dsr_forwarding_to_controller")).toEqual({ amount: 5, unit: "days", qualifier: null });
  });
});
