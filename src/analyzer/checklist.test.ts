import { describe, expect, it } from "vitest";
import type { Analysis } from "./analysis.js";
import { analyzeText } from "./analyze-text.js";

function analyze(text: string): Analysis {
  return analyzeText({ text, format: "txt", encodingRepaired: false, sha256: "0".repeat(64) });
}

function statusOf(analysis: Analysis, id: string): string | undefined {
  return analysis.checklist.find((item) => item.id === id)?.status;
}

const COMPLETE = [
  "ACCORD DE SOUS-TRAITANCE",
  "",
  "Article 1 – Description du traitement",
  "L'objet du traitement est la gestion des inscriptions ; la durée du traitement est celle du contrat. La nature du traitement est l'hébergement des dossiers et sa finalité la gestion administrative. Les catégories de données sont l'identité et la scolarité ; les catégories de personnes concernées sont les élèves et leurs parents.",
  "Article 2 – Instructions",
  "Le Sous-traitant traite les données uniquement sur instruction documentée du Responsable du traitement, y compris pour les transferts vers un pays tiers. Il informe immédiatement le Responsable du traitement si une instruction lui paraît contraire au RGPD.",
  "Article 3 – Confidentialité",
  "Les personnes autorisées à traiter les données sont soumises à une obligation de confidentialité.",
  "Article 4 – Sécurité",
  "Le Sous-traitant met en œuvre les mesures techniques et organisationnelles de l'article 32 du RGPD.",
  "Article 5 – Sous-traitance ultérieure",
  "Le Sous-traitant ne recrute un sous-traitant ultérieur qu'avec l'autorisation écrite préalable et spécifique du Responsable du traitement. Il impose au sous-traitant ultérieur les mêmes obligations en matière de protection des données et demeure pleinement responsable de leur exécution.",
  "Article 6 – Assistance",
  "Le Sous-traitant aide le Responsable du traitement à donner suite aux demandes d'exercice des droits des personnes concernées.",
  "Le Sous-traitant aide le Responsable du traitement à garantir la sécurité du traitement (article 32), à notifier les violations de données, à réaliser les analyses d'impact et la consultation préalable.",
  "Article 7 – Fin du contrat",
  "À la fin du contrat, le Sous-traitant supprime les données ou les restitue au Responsable du traitement, selon son choix.",
  "Article 8 – Audits",
  "Le Sous-traitant met à disposition toutes les informations nécessaires pour démontrer le respect de ses obligations et permet la réalisation d'audits.",
].join("\n");

describe("the Art. 28 checklist", () => {
  it("lists every item in the order of the Article", () => {
    expect(analyze("").checklist.map((item) => item.id)).toEqual([
      "28.3.subject",
      "28.3.a",
      "28.3.a-infringement",
      "28.3.b",
      "28.3.c",
      "28.3.d",
      "28.3.e",
      "28.3.f",
      "28.3.g",
      "28.3.h",
      "28.2",
      "28.4",
    ]);
  });

  it("finds each stipulation of a complete agreement, with a quote", () => {
    const analysis = analyze(COMPLETE);
    for (const item of analysis.checklist) {
      expect({ id: item.id, status: item.status }).toEqual({ id: item.id, status: "present" });
      expect(item.quotes.length).toBeGreaterThan(0);
    }
  });

  it("says missing when a text stipulates nothing", () => {
    const analysis = analyze("Compte rendu de la réunion du conseil d'école du 3 mars.");
    expect(analysis.checklist.every((item) => item.status === "missing" && item.quotes.length === 0)).toBe(
      true,
    );
  });

  it("counts the GDPR text a document reproduces as no stipulation of the parties", () => {
    const analysis = analyze(
      [
        "Article 28 - Sous-traitant",
        "Le sous-traitant demeure pleinement responsable devant le responsable du traitement ; les mêmes obligations sont imposées à l'autre sous-traitant par contrat.",
      ].join("\n"),
    );
    const item = analysis.checklist.find((i) => i.id === "28.4");
    expect(item?.status).toBe("partial");
    expect(item?.quotes.length).toBeGreaterThan(0);
  });

  it("says partial when only part of an item is there", () => {
    const analysis = analyze(
      "À la fin du contrat, le Sous-traitant supprime toutes les données du Responsable du traitement.",
    );
    expect(statusOf(analysis, "28.3.g")).toBe("partial");
  });
});
