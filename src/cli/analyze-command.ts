// `art28 analyze`: read a data-processing agreement and say what it promises, what it lacks and what to watch.

import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { Art28Error } from "../domain/error.js";
import type { CliContext } from "./context.js";

interface AnalyzeFlags {
  readonly json?: boolean;
  readonly html?: string;
  readonly policy?: string;
}

export function registerAnalyzeCommand(program: Command, { say, lang, print }: CliContext): void {
  program
    .command("analyze")
    .description(
      say(
        "analyse un contrat de sous-traitance (RGPD art. 28) : délais, sous-traitants ultérieurs, liste de contrôle, alertes",
        "analyse a data-processing agreement (GDPR Art. 28): periods, sub-processors, checklist, flags",
      ),
    )
    .argument(
      "<file>",
      say(
        "le contrat : .txt, .md, .html, .docx, .odt ou .pdf",
        "the agreement: .txt, .md, .html, .docx, .odt or .pdf",
      ),
    )
    .option("--json", say("sortie JSON (schéma art28.analysis/1)", "JSON output (schema art28.analysis/1)"))
    .option(
      "--html <out.html>",
      say(
        "écrit aussi un rapport HTML autonome où chaque constat renvoie à sa citation",
        "also write a standalone HTML report in which every finding links to its quote",
      ),
    )
    .option(
      "--policy <policy.json>",
      say(
        "vérifie le contrat au regard des exigences du responsable de traitement (JSON)",
        "check the agreement against the controller's requirements (JSON)",
      ),
    )
    .action(async (file: string, options: AnalyzeFlags) => {
      // Loaded on use: the PDF and Word readers weigh more than the rest of the CLI together.
      const { analyzeAgreement } = await import("../app/agreements/analyze-agreement.js");
      const result = await analyzeAgreement({ input: { path: file, policyPath: options.policy }, lang });
      if (options.html !== undefined) {
        try {
          await writeFile(options.html, result.htmlReport(), "utf8");
        } catch (error) {
          const code = String((error as { code?: unknown } | null)?.code ?? "");
          throw new Art28Error(
            "invalid_input",
            {
              fr: `impossible d'écrire le rapport dans ${options.html} (${code || "erreur d'écriture"})`,
              en: `cannot write the report to ${options.html} (${code || "write error"})`,
            },
            { argument: "html" },
          );
        }
      }
      if (options.json) {
        print(result.toJson());
        return;
      }
      print(result.textReport().trimEnd());
      if (options.html !== undefined)
        print(say(`\nRapport HTML : ${options.html}`, `\nHTML report: ${options.html}`));
    });
}
