// `art28 audit request|finding|evidence`: audits of a processor (GDPR Art. 28(3)(h)) and an agreement's evidence pack.

import type { Command } from "commander";
import { buildEvidencePack } from "../app/agreements/build-evidence-pack.js";
import { recordAuditFinding } from "../app/audits-instructions/record-audit-finding.js";
import { requestAudit } from "../app/audits-instructions/request-audit.js";
import type { CliContext } from "./context.js";
import { instantOption, listOption } from "./instant-option.js";
import { withRegister } from "./register-session.js";

export function registerAuditCommand(program: Command, context: CliContext): void {
  const { say, lang, print, when } = context;
  const group = program
    .command("audit")
    .description(
      say(
        "audits du sous-traitant et dossier de preuves (art. 28(3)(h))",
        "processor audits and evidence pack (Art. 28(3)(h))",
      ),
    );

  group
    .command("request")
    .description(
      say(
        "le responsable demande un audit : date de début au plus tôt après le préavis, alerte de fréquence",
        "the controller requests an audit: earliest start after the notice, frequency warning",
      ),
    )
    .requiredOption(
      "--agreement <id>",
      say("l'accord (ou le début de son identifiant)", "the agreement (or its id's start)"),
    )
    .requiredOption("--scope <items>", say("périmètre, séparé par des virgules", "scope, comma-separated"))
    .option("--emergency", say("audit d'urgence après une violation", "emergency audit after a breach"))
    .option("--breach <id>", say("la violation qui le justifie", "the breach that justifies it"))
    .option(
      "--at <instant>",
      say("date de la demande (défaut : maintenant)", "when requested (default: now)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: {
        agreement: string;
        scope: string;
        emergency?: boolean;
        breach?: string;
        at?: string;
        json?: boolean;
      }) => {
        const audit = await withRegister(context, (register, principal) =>
          requestAudit({
            register,
            principal,
            input: {
              agreement: options.agreement,
              kind: options.emergency ? "emergency" : "ordinary",
              scope: listOption(options.scope),
              breach: options.breach ?? null,
            },
            now: instantOption(options.at, Date.now()),
          }),
        );
        if (options.json) {
          print(JSON.stringify(audit, null, 2));
          return;
        }
        print(say(`audit ${audit.id} demandé`, `audit ${audit.id} requested`));
        print(`  ${say("début au plus tôt", "earliest start")}: ${when(audit.earliestStart)}`);
        for (const w of audit.warnings) print(`  ${say("attention", "warning")}: ${w[lang]}`);
      },
    );

  group
    .command("finding")
    .description(
      say(
        "une constatation du rapport d'audit ; action corrective due selon l'accord",
        "a finding of the audit report; corrective action due under the agreement",
      ),
    )
    .argument("<audit>", say("identifiant de l'audit (ou son début)", "audit id (or its start)"))
    .requiredOption("--severity <level>", "critical | major | minor | observation")
    .requiredOption("--description <text>", say("la constatation", "the finding"))
    .option(
      "--report-at <instant>",
      say("remise du rapport (défaut : maintenant)", "report delivered (default: now)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        audit: string,
        options: { severity: string; description: string; reportAt?: string; json?: boolean },
      ) => {
        const now = Date.now();
        const findings = await withRegister(context, (register, principal) =>
          recordAuditFinding({
            register,
            principal,
            input: {
              audit,
              findings: [{ severity: options.severity, description: options.description }],
              reportDeliveredAt: instantOption(options.reportAt, now),
            },
            now,
          }),
        );
        if (options.json) {
          print(JSON.stringify(findings, null, 2));
          return;
        }
        for (const f of findings) {
          print(
            f.obligationId
              ? say(
                  `constatation ${f.id} : action corrective ${f.obligationId}`,
                  `finding ${f.id}: corrective action ${f.obligationId}`,
                )
              : say(
                  `constatation ${f.id} (observation, sans action corrective)`,
                  `finding ${f.id} (observation, no corrective action)`,
                ),
          );
        }
      },
    );

  group
    .command("evidence")
    .description(
      say(
        "écrit le dossier de preuves d'un accord (zip vérifiable, journal compris)",
        "write an agreement's evidence pack (a checkable zip, journal included)",
      ),
    )
    .requiredOption(
      "--agreement <id>",
      say("l'accord (ou le début de son identifiant)", "the agreement (or its id's start)"),
    )
    .requiredOption("--out <file>", say("le fichier zip à écrire", "the zip file to write"))
    .option("--json", say("sortie JSON (le manifeste)", "JSON output (the manifest)"))
    .action(async (options: { agreement: string; out: string; json?: boolean }) => {
      const built = await withRegister(context, (register, principal) =>
        buildEvidencePack({
          register,
          principal,
          input: { agreement: options.agreement, path: options.out },
          now: Date.now(),
        }),
      );
      if (options.json) {
        print(JSON.stringify({ path: built.path, sha256: built.sha256, manifest: built.manifest }, null, 2));
        return;
      }
      print(
        say(
          `dossier écrit : ${built.path} (sha256 ${built.sha256})`,
          `pack written: ${built.path} (sha256 ${built.sha256})`,
        ),
      );
      print(`  ${built.manifest.files.length} ${say("fichiers", "files")}`);
    });
}
