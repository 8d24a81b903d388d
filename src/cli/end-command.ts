// `art28 end terminate|choose|retain|certify|acknowledge`: the end of the service (GDPR Art. 28(3)(g)).

import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { acknowledgeCertificate } from "../app/end-of-service/acknowledge-certificate.js";
import { chooseReturnOrDeletion } from "../app/end-of-service/choose-return-or-deletion.js";
import { issueDeletionCertificate } from "../app/end-of-service/issue-deletion-certificate.js";
import { recordRetentionException } from "../app/end-of-service/record-retention-exception.js";
import { terminateAgreement } from "../app/end-of-service/terminate-agreement.js";
import { dueWords } from "../domain/due-words.js";
import type { CliContext } from "./context.js";
import { deliveryLine } from "./delivery-line.js";
import { instantOption, listOption } from "./instant-option.js";
import { withRegister } from "./register-session.js";

export function registerEndCommand(program: Command, context: CliContext): void {
  const { say, print } = context;
  const group = program
    .command("end")
    .description(
      say(
        "fin du service : résiliation, restitution ou suppression, certificat",
        "end of the service: termination, return or deletion, certificate",
      ),
    );
  const agreementOption = say(
    "l'accord (ou le début de son identifiant)",
    "the agreement (or its id's start)",
  );

  group
    .command("terminate")
    .description(
      say(
        "résilie un accord : ordinaire (préavis de l'accord) ou pour faute (avec motifs)",
        "end an agreement: ordinary (the agreement's notice) or for cause (with grounds)",
      ),
    )
    .requiredOption("--agreement <id>", agreementOption)
    .requiredOption("--by <party>", say("la partie qui résilie", "the party ending it"))
    .option(
      "--for-cause <grounds>",
      say("résiliation pour faute, avec ses motifs", "termination for cause, with its grounds"),
    )
    .option(
      "--end <instant>",
      say("fin demandée (défaut : au plus tôt)", "requested end (default: the earliest)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: { agreement: string; by: string; forCause?: string; end?: string; json?: boolean }) => {
        const now = Date.now();
        const termination = await withRegister(context, (register, principal) =>
          terminateAgreement({
            register,
            principal,
            input: {
              agreement: options.agreement,
              kind: options.forCause !== undefined ? "for_cause" : "ordinary",
              by: options.by,
              ...(options.end !== undefined ? { end: instantOption(options.end, now) } : {}),
              ...(options.forCause !== undefined ? { grounds: options.forCause } : {}),
            },
            now,
          }),
        );
        if (options.json) print(JSON.stringify(termination, null, 2));
        else
          print(
            say(
              `accord résilié ; en vigueur ${dueWords(termination.endsAt, termination.timeZone, "fr")} ; ${deliveryLine(termination.delivery, say)}`,
              `agreement terminated; in force ${dueWords(termination.endsAt, termination.timeZone, "en")}; ${deliveryLine(termination.delivery, say)}`,
            ),
          );
      },
    );

  group
    .command("choose")
    .description(
      say(
        "le responsable choisit la restitution ou la suppression",
        "the controller chooses return or deletion",
      ),
    )
    .requiredOption("--agreement <id>", agreementOption)
    .requiredOption("--choice <choice>", "deletion | return")
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { agreement: string; choice: string; json?: boolean }) => {
      const chosen = await withRegister(context, (register, principal) =>
        chooseReturnOrDeletion({ register, principal, input: options, now: Date.now() }),
      );
      if (options.json) print(JSON.stringify(chosen, null, 2));
      else {
        print(
          say(
            `choix enregistré : ${chosen.choice} ; ${deliveryLine(chosen.delivery, say)}`,
            `choice recorded: ${chosen.choice}; ${deliveryLine(chosen.delivery, say)}`,
          ),
        );
        for (const d of chosen.subprocessorDuties)
          print(`  ${say("sous-traitant ultérieur", "sub-processor")}: ${d.name} → ${d.obligationId}`);
      }
    });

  group
    .command("retain")
    .description(
      say(
        "une conservation imposée par la loi, avec son fondement",
        "a retention the law requires, with its ground",
      ),
    )
    .requiredOption("--agreement <id>", agreementOption)
    .requiredOption(
      "--data <categories>",
      say("catégories de données, séparées par des virgules", "data categories, comma-separated"),
    )
    .requiredOption("--ground <law>", say("le texte qui impose la conservation", "the law requiring storage"))
    .requiredOption("--until <instant>", say("jusqu'à quand", "until when"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: { agreement: string; data: string; ground: string; until: string; json?: boolean }) => {
        const now = Date.now();
        const exception = await withRegister(context, (register, principal) =>
          recordRetentionException({
            register,
            principal,
            input: {
              agreement: options.agreement,
              dataCategories: listOption(options.data),
              ground: options.ground,
              until: instantOption(options.until, now),
            },
            now,
          }),
        );
        if (options.json) print(JSON.stringify(exception, null, 2));
        else
          print(
            say(`conservation enregistrée : ${exception.ground}`, `retention recorded: ${exception.ground}`),
          );
      },
    );

  group
    .command("certify")
    .description(
      say(
        "le sous-traitant délivre le certificat de suppression ou de restitution (son sha256 au journal)",
        "the processor issues the deletion or return certificate (its sha256 in the journal)",
      ),
    )
    .requiredOption("--agreement <id>", agreementOption)
    .requiredOption(
      "--method <text>",
      say("comment les données ont été traitées", "how the data was dealt with"),
    )
    .option(
      "--performed-at <instant>",
      say("date de l'opération (défaut : maintenant)", "when done (default: now)"),
    )
    .option(
      "--out <file>",
      say(
        "écrit le certificat (JSON canonique) dans ce fichier",
        "write the certificate (canonical JSON) to this file",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: {
        agreement: string;
        method: string;
        performedAt?: string;
        out?: string;
        json?: boolean;
      }) => {
        const now = Date.now();
        const issued = await withRegister(context, (register, principal) =>
          issueDeletionCertificate({
            register,
            principal,
            input: {
              agreement: options.agreement,
              method: options.method,
              performedAt: instantOption(options.performedAt, now),
            },
            now,
          }),
        );
        if (options.out) {
          writeFileSync(options.out, issued.stored.content);
        }
        if (options.json) print(JSON.stringify(issued, null, 2));
        else
          print(
            say(
              `certificat ${issued.stored.id} délivré, sha256 ${issued.stored.sha256}`,
              `certificate ${issued.stored.id} issued, sha256 ${issued.stored.sha256}`,
            ),
          );
      },
    );

  group
    .command("acknowledge")
    .description(
      say("le responsable accuse réception du certificat", "the controller acknowledges the certificate"),
    )
    .requiredOption("--agreement <id>", agreementOption)
    .option(
      "--sha256 <hash>",
      say("l'empreinte du certificat reçu", "the digest of the certificate received"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { agreement: string; sha256?: string; json?: boolean }) => {
      const acknowledged = await withRegister(context, (register, principal) =>
        acknowledgeCertificate({
          register,
          principal,
          input: { agreement: options.agreement, ...(options.sha256 ? { sha256: options.sha256 } : {}) },
          now: Date.now(),
        }),
      );
      if (options.json) print(JSON.stringify(acknowledged, null, 2));
      else
        print(
          say(
            `accusé de réception du certificat ${acknowledged.sha256}`,
            `certificate ${acknowledged.sha256} acknowledged`,
          ),
        );
    });
}
