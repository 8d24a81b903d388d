// `art28 generate`: list the templates, print one's example data, or write a document from a data file.

import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { Art28Error } from "../domain/error.js";
import type { CliContext } from "./context.js";

interface GenerateFlags {
  readonly list?: boolean;
  readonly example?: boolean;
  readonly data?: string;
  readonly format?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly which?: boolean;
  readonly users?: string;
}

/** One answer typed at the terminal; none when standard input is not one (the flag is then required). */
async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Art28Error(
      "invalid_input",
      {
        fr: "--users manquant : premier, second ou both",
        en: "missing --users: first_degree, second_degree or both",
      },
      { argument: "--users" },
    );
  }
  const { createInterface } = await import("node:readline/promises");
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await reader.question(question);
  } finally {
    reader.close();
  }
}

export function registerGenerateCommand(program: Command, { say, lang, print }: CliContext): void {
  program
    .command("generate")
    .description(
      say(
        "rédige un document : contrat de sous-traitance, convention de responsabilité conjointe, attestation, notification, registre…",
        "write a document: data-processing agreement, joint-controller arrangement, certificate, notice, register…",
      ),
    )
    .argument("[id]", say("le modèle (voir --list)", "the template (see --list)"))
    .option("--list", say("liste les modèles", "list the templates"))
    .option(
      "--example",
      say("affiche un exemple de données du modèle (JSON)", "print example data for the template (JSON)"),
    )
    .option("--data <file.json>", say("les données du document (JSON)", "the document's data (JSON)"))
    .option(
      "--format <format>",
      say("docx, pdf, html, xlsx ou csv (par défaut : pdf)", "docx, pdf, html, xlsx or csv (default: pdf)"),
    )
    .option(
      "--out <file>",
      say("fichier à écrire (sinon : la sortie standard)", "file to write (else: standard output)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .option(
      "--which",
      say(
        "indique les modèles à utiliser pour un ENT (arbre de décision du kit)",
        "name the templates to use for an ENT (the kit's decision tree)",
      ),
    )
    .option(
      "--users <users>",
      say(
        "avec --which : l'ENT sert le premier degré (premier), le second (second) ou les deux (both)",
        "with --which: the ENT serves primary schools (first_degree), secondary (second_degree) or both",
      ),
    )
    .action(async (id: string | undefined, options: GenerateFlags) => {
      if (options.which === true) {
        const users =
          options.users ??
          (await ask(
            say(
              "L'ENT sert-il le premier degré (premier), le second (second) ou les deux (both) ? ",
              "Does the ENT serve primary schools (first_degree), secondary (second_degree) or both? ",
            ),
          ));
        const { chooseTemplates } = await import("../app/documents/choose-templates.js");
        const choices = chooseTemplates({ input: { users }, lang });
        if (options.json === true) print(JSON.stringify(choices, null, 2));
        else for (const c of choices) print(`${c.template.padEnd(24)} ${c.why}`);
        return;
      }
      const { listTemplates } = await import("../app/documents/list-templates.js");
      if (options.list === true || id === undefined) {
        const templates = listTemplates({ lang });
        if (options.json === true) {
          print(
            JSON.stringify(
              templates.map(({ example: _example, ...t }) => t),
              null,
              2,
            ),
          );
          return;
        }
        for (const t of templates)
          print(`${t.id.padEnd(30)} ${t.title} — ${t.summary} (${t.formats.join(", ")})`);
        return;
      }
      if (options.example === true) {
        const [template] = listTemplates({ lang, only: id });
        print(JSON.stringify(template?.example, null, 2));
        return;
      }
      if (options.data === undefined) {
        throw new Art28Error(
          "invalid_input",
          {
            fr: `données manquantes : --data FICHIER.json (un exemple : art28 generate ${id} --example)`,
            en: `missing data: --data FILE.json (an example: art28 generate ${id} --example)`,
          },
          { argument: "--data" },
        );
      }
      const { generateDocument } = await import("../app/documents/generate-document.js");
      const document = await generateDocument({
        input: { template: id, dataPath: options.data, format: options.format ?? "pdf" },
        lang,
      });
      if (options.out === undefined) {
        process.stdout.write(document.bytes);
        return;
      }
      try {
        writeFileSync(options.out, document.bytes);
      } catch (error) {
        const code = String((error as { code?: unknown } | null)?.code ?? "");
        throw new Art28Error(
          "invalid_input",
          { fr: `impossible d'écrire ${options.out} (${code})`, en: `cannot write ${options.out} (${code})` },
          { argument: "--out" },
        );
      }
      if (options.json === true) {
        const { bytes, ...rest } = document;
        print(JSON.stringify({ ...rest, out: options.out, size: bytes.byteLength }, null, 2));
        return;
      }
      print(
        say(
          `${options.out} : ${document.title} (${document.format}, ${document.bytes.byteLength} octets, sha256 ${document.sha256})`,
          `${options.out}: ${document.title} (${document.format}, ${document.bytes.byteLength} bytes, sha256 ${document.sha256})`,
        ),
      );
    });
}
