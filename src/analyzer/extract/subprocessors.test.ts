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
});
