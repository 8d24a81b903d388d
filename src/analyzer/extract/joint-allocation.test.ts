import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyzeText } from "../analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

const CONVENTION = [
  "Convention de responsabilité conjointe pour l'ENT des collèges de la Drôme",
  "",
  "Article 4 – Obligations des parties",
  "",
  "4.1 – Obligations du département :",
  "- héberger les modules de restauration scolaire qu'il propose ;",
  "- alerter sans délai les autres signataires de tout incident touchant l'ENT.",
  "",
  "4.2 – Obligations de l'autorité académique :",
  "- notifier à la CNIL les violations de données qui touchent plusieurs collèges, et en informer les personnes concernées si nécessaire.",
  "",
  "4.3 – Obligations du collège :",
  "- signaler à la CNIL les violations limitées aux élèves et personnels de son établissement.",
  "",
  "Article 5 – Droits des personnes",
  "",
  "Les demandes sont réparties ainsi :",
  "- le principal du collège traite toute demande relative à son établissement ;",
  "- les demandes qui dépassent un collège sont traitées par le rectorat.",
  "",
  "Article 6 – Point de contact",
  "",
  "Le DPD du collège est désigné comme point de contact des familles.",
].join("\n");

describe("the allocation of duties among joint controllers (GDPR Art. 26)", () => {
  const allocation = analyze(CONVENTION).jointControl?.allocation ?? [];
  const held = (duty: string) =>
    allocation.filter((e) => e.duty === duty).map((e) => `${e.holder}/${e.perimeter}`);

  it("gives breaches touching several schools to the académie and those of one school to the school", () => {
    expect(held("notify_authority")).toEqual(["academie/several_schools", "school/one_school"]);
    expect(held("inform_people_of_breach")).toEqual(["academie/several_schools"]);
  });

  it("reads who answers requests, by perimeter", () => {
    expect(held("answer_requests")).toEqual(["school/one_school", "academie/several_schools"]);
  });

  it("reads the contact point and who alerts the others", () => {
    expect(held("contact_point")).toEqual(["school/any"]);
    expect(held("alert_controllers")).toEqual(["collectivite/any"]);
  });

  it("quotes each sentence at its offset", () => {
    const text = CONVENTION;
    for (const entry of allocation)
      expect(text.slice(entry.offset, entry.offset + entry.quote.length)).toBe(entry.quote);
  });

  it("finds no allocation in a processor agreement", () => {
    const analysis = analyze(
      "Le sous-traitant notifie au responsable de traitement toute violation de données dans les 48 heures. Il traite les données sur instruction documentée.",
    );
    expect(analysis.jointControl).toBeNull();
  });
});
