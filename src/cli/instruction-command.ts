// `art28 instruction record|contest|answer|list`: the controller's documented instructions (GDPR Art. 28(3)(a)).

import type { Command } from "commander";
import { answerInstruction } from "../app/audits-instructions/answer-instruction.js";
import { contestInstruction } from "../app/audits-instructions/contest-instruction.js";
import { listInstructions } from "../app/audits-instructions/list-instructions.js";
import { recordInstruction } from "../app/audits-instructions/record-instruction.js";
import type { CliContext } from "./context.js";
import { deliveryLine } from "./delivery-line.js";
import { instantOption } from "./instant-option.js";
import { withRegister } from "./register-session.js";

const STATUS_WORDS: Record<string, { fr: string; en: string }> = {
  in_force: { fr: "en vigueur", en: "in force" },
  suspended: { fr: "suspendue (contestée)", en: "suspended (contested)" },
  withdrawn: { fr: "retirée", en: "withdrawn" },
  maintained: { fr: "maintenue malgré la contestation", en: "maintained despite the contest" },
};

export function registerInstructionCommand(program: Command, context: CliContext): void {
  const { say, lang, print } = context;
  const group = program
    .command("instruction")
    .description(
      say(
        "instructions documentées du responsable (art. 28(3)(a))",
        "the controller's documented instructions (Art. 28(3)(a))",
      ),
    );

  const show = (i: { id: string; status: string; text: string }) =>
    print(`${i.id}  ${STATUS_WORDS[i.status]?.[lang] ?? i.status}\n    ${i.text}`);

  group
    .command("record")
    .description(say("enregistre une instruction documentée", "record a documented instruction"))
    .requiredOption(
      "--agreement <id>",
      say("l'accord (ou le début de son identifiant)", "the agreement (or its id's start)"),
    )
    .requiredOption("--channel <channel>", "agreement | letter | email | platform")
    .requiredOption("--text <text>", say("le contenu de l'instruction", "what it instructs"))
    .option("--at <instant>", say("date de l'instruction (défaut : maintenant)", "when given (default: now)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: { agreement: string; channel: string; text: string; at?: string; json?: boolean }) => {
        const now = Date.now();
        const instruction = await withRegister(context, (register, principal) =>
          recordInstruction({
            register,
            principal,
            input: {
              agreement: options.agreement,
              channel: options.channel,
              text: options.text,
              givenAt: instantOption(options.at, now),
            },
            now,
          }),
        );
        if (options.json) print(JSON.stringify(instruction, null, 2));
        else show(instruction);
      },
    );

  group
    .command("contest")
    .description(
      say(
        "le sous-traitant conteste une instruction contraire au droit : elle est suspendue",
        "the processor contests an unlawful instruction: it is suspended",
      ),
    )
    .argument("<instruction>", say("identifiant (ou son début)", "id (or its start)"))
    .requiredOption("--grounds <text>", say("la règle enfreinte", "the rule infringed"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { grounds: string; json?: boolean }) => {
      const instruction = await withRegister(context, (register, principal) =>
        contestInstruction({
          register,
          principal,
          input: { instruction: id, grounds: options.grounds },
          now: Date.now(),
        }),
      );
      if (options.json) print(JSON.stringify(instruction, null, 2));
      else {
        show(instruction);
        print(deliveryLine(instruction.delivery, say));
      }
    });

  group
    .command("answer")
    .description(say("le responsable répond à la contestation", "the controller answers the contest"))
    .argument("<instruction>", say("identifiant (ou son début)", "id (or its start)"))
    .requiredOption("--decision <decision>", "withdraw | amend | maintain")
    .requiredOption("--reasons <text>", say("les motifs", "the reasons"))
    .option(
      "--text <text>",
      say("pour une modification : le nouveau texte", "for an amendment: the new text"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (id: string, options: { decision: string; reasons: string; text?: string; json?: boolean }) => {
        const instruction = await withRegister(context, (register, principal) =>
          answerInstruction({
            register,
            principal,
            input: {
              instruction: id,
              decision: options.decision,
              reasons: options.reasons,
              ...(options.text !== undefined ? { text: options.text } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) print(JSON.stringify(instruction, null, 2));
        else show(instruction);
      },
    );

  group
    .command("list")
    .description(say("les instructions d'un accord", "an agreement's instructions"))
    .requiredOption(
      "--agreement <id>",
      say("l'accord (ou le début de son identifiant)", "the agreement (or its id's start)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { agreement: string; json?: boolean }) => {
      const list = await withRegister(context, (register, principal) =>
        listInstructions({ register, principal, input: { agreement: options.agreement } }),
      );
      if (options.json) print(JSON.stringify(list, null, 2));
      else if (list.length === 0) print(say("aucune instruction", "no instruction"));
      else for (const i of list) show(i);
    });
}
