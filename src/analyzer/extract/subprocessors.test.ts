import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyzeText } from "../analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

describe("the list of sub-processors", () => {
  it("reads a markdown table whatever the order of its columns", () => {
    const analysis = analyze(
      [
        "## Annexe 2 – Sous-traitants ultérieurs autorisés",
        "",
        "| Sous-traitant | Localisation | Activité |",
        "|---|---|---|",
        "| NuageSûr | France | Hébergement |",
        "| PostExpress | Irlande | Envoi des courriels |",
        "| [À compléter] | - | - |",
      ].join("\n"),
    );
    expect(analysis.subprocessors).toEqual([
      { name: "NuageSûr", activity: "Hébergement", location: "France" },
      { name: "PostExpress", activity: "Envoi des courriels", location: "Irlande" },
    ]);
  });

  it("reads a tab-separated table of sub-processors", () => {
    const analysis = analyze(
      [
        "Sub-processors",
        "",
        "Name\tActivity\tLocation",
        "Hostly\tHosting\tGermany",
        "Mailo\tE-mail delivery\tUSA",
      ].join("\n"),
    );
    expect(analysis.subprocessors).toEqual([
      { name: "Hostly", activity: "Hosting", location: "Germany" },
      { name: "Mailo", activity: "E-mail delivery", location: "USA" },
    ]);
  });

  it("reads columns a PDF laid out on lines, with wrapped cells", () => {
    const analysis = analyze(
      [
        "ANNEXE 3 : LISTE DES SOUS-TRAITANTS ULTÉRIEURS",
        "",
        "Nom Localisation Activité",
        "",
        "Hébergix UE (FR) Hébergement des",
        "",
        "serveurs applicatifs",
        "",
        "Textos SA UE Envoi de SMS",
      ].join("\n"),
    );
    expect(analysis.subprocessors).toEqual([
      { name: "Hébergix", activity: "Hébergement des serveurs applicatifs", location: "UE (FR)" },
      { name: "Textos SA", activity: "Envoi de SMS", location: "UE" },
    ]);
  });

  it("reads sub-processors named in a sentence", () => {
    const analysis = analyze(
      "Le Sous-traitant fait appel aux sous-traitants ultérieurs suivants : Hébergix (hébergement, France) et Textos (envoi de SMS, Belgique).",
    );
    expect(analysis.subprocessors).toEqual([
      { name: "Hébergix", activity: "hébergement", location: "France" },
      { name: "Textos", activity: "envoi de SMS", location: "Belgique" },
    ]);
  });

  it("reads a list introduced as the sub-processors", () => {
    const analysis = analyze(
      [
        "The Processor uses the following sub-processors:",
        "- Hostly – hosting – Germany",
        "- Mailo – e-mail delivery – USA",
      ].join("\n"),
    );
    expect(analysis.subprocessors.map((s) => s.name)).toEqual(["Hostly", "Mailo"]);
    expect(analysis.subprocessors[0]).toEqual({ name: "Hostly", activity: "hosting", location: "Germany" });
  });

  it("reads the companies an engaging sentence names with their legal form, not the processor itself", () => {
    const analysis = analyze(
      "Nordlys AS may use subcontractors. The only subcontractors we use are Vindkraft d.o.o. (content delivery) and Fjellhost GmbH (servers in Germany).",
    );
    expect(analysis.subprocessors).toEqual([
      { name: "Vindkraft d.o.o.", activity: "content delivery", location: null },
      { name: "Fjellhost GmbH", activity: "servers in Germany", location: "Germany" },
    ]);
  });

  it("reads list items under a heading that names the sub-processors, a name opening each item", () => {
    const analysis = analyze(
      [
        "## Appendix 2 – Nordlys Subprocessors",
        "",
        "- Vindkraft AB (reg. no: 556000-0000), runs the network for Nordlys AS",
        "- Fjellhost Oy (Finland), hosts the servers",
      ].join("\n"),
    );
    expect(analysis.subprocessors).toEqual([
      { name: "Vindkraft AB", activity: "runs the network for Nordlys AS", location: null },
      { name: "Fjellhost Oy", activity: "hosts the servers", location: "Finland" },
    ]);
  });

  it("does not take an item's label or an obligation under a sub-processors heading for a sub-processor", () => {
    const analysis = analyze(
      [
        "## 9. Sub-processors",
        "",
        "- Notice",
        "- The Processor informs the Customer of any new sub-processor in advance",
        "- Customer may object within 10 days",
      ].join("\n"),
    );
    expect(analysis.subprocessors).toEqual([]);
  });

  it("reads a table written as rows without outer pipes", () => {
    const analysis = analyze(
      [
        "Le prestataire fait appel aux sous-traitants ultérieurs listés dans le tableau suivant.",
        "",
        "Sous-traitant | Activité de traitement | Garanties",
        "Hébergix | Hébergement | Clauses contractuelles",
        "Textos | Envoi de SMS | Clauses contractuelles",
      ].join("\n"),
    );
    expect(analysis.subprocessors.map((entry) => [entry.name, entry.activity])).toEqual([
      ["Hébergix", "Hébergement"],
      ["Textos", "Envoi de SMS"],
    ]);
  });

  it("takes a label naming an activity for the activity, and the company after it for the sub-processor", () => {
    const analysis = analyze(
      [
        "Le prestataire fait appel aux sous-traitants ultérieurs suivants :",
        "- Hébergement : Nuage Atlantique SAS (France)",
        "- Paiement : Caisse Rapide (Belgique)",
      ].join("\n"),
    );
    expect(analysis.subprocessors).toEqual([
      { name: "Nuage Atlantique SAS", activity: "Hébergement", location: "France" },
      { name: "Caisse Rapide", activity: "Paiement", location: "Belgique" },
    ]);
  });
});
