// `art28 subprocessor announce|respond|settle|list|publish`: sub-processor changes and their objection windows
// (GDPR Art. 28(2)), and the processor's public list.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { announceSubprocessorChange } from "../app/subprocessor-changes/announce-subprocessor-change.js";
import { listSubprocessorChanges } from "../app/subprocessor-changes/list-subprocessor-changes.js";
import { publishSubprocessorList } from "../app/subprocessor-changes/publish-subprocessor-list.js";
import { respondToSubprocessorChange } from "../app/subprocessor-changes/respond-to-subprocessor-change.js";
import { settleSubprocessorWindows } from "../app/subprocessor-changes/settle-subprocessor-windows.js";
import { showSubprocessorChange } from "../app/subprocessor-changes/show-subprocessor-change.js";
import { dueWords } from "../domain/due-words.js";
import { invalidInput } from "../domain/error.js";
import {
  CHANGE_KIND_LABELS,
  SETTLEMENT_STATUS_LABELS,
  SETTLEMENT_STATUSES,
} from "../domain/subprocessor-change.js";
import { SILENCE_LABELS } from "../domain/term-labels.js";
import { requireNotFuture } from "../domain/time-order.js";
import type { CliContext } from "./context.js";
import { deliveryLine } from "./delivery-line.js";
import { instantOption } from "./instant-option.js";
import { withRegister } from "./register-session.js";

export function registerSubprocessorCommand(program: Command, context: CliContext): void {
  const { say, lang, print, when } = context;
  const group = program
    .command("subprocessor")
    .description(
      say(
        "changements de sous-traitants ultérieurs et fenêtres d'opposition (art. 28(2))",
        "sub-processor changes and objection windows (Art. 28(2))",
      ),
    );

  group
    .command("announce")
    .description(
      say(
        "le sous-traitant annonce un ajout, un remplacement ou un retrait ; une fenêtre par accord actif",
        "the processor announces an addition, replacement or removal; one window per active agreement",
      ),
    )
    .requiredOption("--processor <name>", say("le sous-traitant qui annonce", "the announcing processor"))
    .requiredOption("--kind <kind>", "addition | replacement | removal")
    .requiredOption("--name <name>", say("le sous-traitant ultérieur", "the sub-processor"))
    .option("--siret <siret>", "SIRET")
    .requiredOption("--activity <text>", say("son activité", "its activity"))
    .requiredOption(
      "--location <place>",
      say("où les données sont traitées (FR, IE, US…)", "where data is processed (FR, IE, US…)"),
    )
    .option(
      "--transfer <mechanism>",
      say(
        "encadrement du transfert hors EEE (none, adequacy_decision, standard_contractual_clauses…)",
        "transfer mechanism outside the EEA (none, adequacy_decision, standard_contractual_clauses…)",
      ),
    )
    .option(
      "--replaces <name>",
      say("pour un remplacement : le sous-traitant remplacé", "for a replacement: the one replaced"),
    )
    .option("--at <instant>", say("date de l'annonce (défaut : maintenant)", "when announced (default: now)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: {
        processor: string;
        kind: string;
        name: string;
        siret?: string;
        activity: string;
        location: string;
        transfer?: string;
        replaces?: string;
        at?: string;
        json?: boolean;
      }) => {
        const now = instantOption(options.at, Date.now());
        const announced = await withRegister(context, (register, principal) =>
          announceSubprocessorChange({
            register,
            principal,
            input: {
              processor: options.processor,
              kind: options.kind,
              subprocessor: {
                name: options.name,
                siret: options.siret ?? null,
                activity: options.activity,
                location: options.location,
                ...(options.transfer ? { transferMechanism: options.transfer } : {}),
              },
              replaces: options.replaces ?? null,
            },
            now,
          }),
        );
        if (options.json) {
          print(JSON.stringify(announced, null, 2));
          return;
        }
        print(
          say(
            `changement ${announced.change.id} annoncé à ${announced.agreements} accord(s) : ${deliveryLine(announced.delivery, say)}`,
            `change ${announced.change.id} announced to ${announced.agreements} agreement(s): ${deliveryLine(announced.delivery, say)}`,
          ),
        );
        for (const w of announced.windows) {
          print(
            `  ${w.agreementId.slice(0, 8)}  ${say("ouverte", "open")} ${dueWords(w.closesAt, w.timeZone, lang)}  ${SILENCE_LABELS[w.silence][lang]}${w.blocked ? `  ${w.blocked[lang]}` : ""}`,
          );
        }
      },
    );

  group
    .command("respond")
    .description(
      say(
        "le responsable de traitement accepte ou s'oppose (avec motifs) sous un accord",
        "the controller approves or objects (with reasons) under one agreement",
      ),
    )
    .argument("<change>", say("identifiant du changement (ou son début)", "change id (or its start)"))
    .requiredOption(
      "--agreement <id>",
      say("l'accord (ou le début de son identifiant)", "the agreement (or its id's start)"),
    )
    .option("--approve", say("accepter", "approve"))
    .option("--object <reasons>", say("s'opposer, avec les motifs", "object, with the reasons"))
    .option("--at <instant>", say("date de la réponse (défaut : maintenant)", "when answered (default: now)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        change: string,
        options: { agreement: string; approve?: boolean; object?: string; at?: string; json?: boolean },
      ) => {
        if (Boolean(options.approve) === (options.object !== undefined)) {
          throw invalidInput(
            { fr: "indiquez --approve ou --object <motifs>", en: "give --approve or --object <reasons>" },
            { argument: "--approve" },
          );
        }
        const answered = await withRegister(context, (register, principal) =>
          respondToSubprocessorChange({
            register,
            principal,
            input: {
              change,
              agreement: options.agreement,
              answer: options.approve ? "approve" : "object",
              reasons: options.object ?? null,
            },
            now: instantOption(options.at, Date.now()),
          }),
        );
        if (options.json) {
          print(JSON.stringify(answered, null, 2));
          return;
        }
        print(
          say(
            `réponse enregistrée : ${SETTLEMENT_STATUS_LABELS[answered.window.status].fr}`,
            `answer recorded: ${SETTLEMENT_STATUS_LABELS[answered.window.status].en}`,
          ),
        );
      },
    );

  group
    .command("changes")
    .description(
      say(
        "les changements annoncés, et où en sont leurs fenêtres d'opposition",
        "the changes announced, and where their objection windows stand",
      ),
    )
    .option("--processor <name>", say("d'un seul sous-traitant", "of one processor only"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { processor?: string; json?: boolean }) => {
      const changes = await withRegister(context, (register, principal) =>
        listSubprocessorChanges({
          register,
          principal,
          input: options.processor ? { processor: options.processor } : {},
        }),
      );
      if (options.json) {
        print(JSON.stringify(changes, null, 2));
        return;
      }
      if (changes.length === 0) print(say("aucun changement annoncé", "no change announced"));
      for (const c of changes) {
        const replaced = c.replaces ? say(` (remplace ${c.replaces})`, ` (replaces ${c.replaces})`) : "";
        print(
          `${c.id.slice(0, 8)}  ${when(c.announcedAt)}  ${c.processor.name}${say(" : ", ": ")}${CHANGE_KIND_LABELS[c.kind][lang]} ${c.subprocessor}${replaced}`,
        );
        const counts = SETTLEMENT_STATUSES.filter((status) => c.windows[status]).map(
          (status) => `${SETTLEMENT_STATUS_LABELS[status][lang]}${say(" : ", ": ")}${c.windows[status]}`,
        );
        const next =
          c.nextClose === null
            ? ""
            : say(` ; prochaine fin ${when(c.nextClose)}`, `; next closes ${when(c.nextClose)}`);
        print(`    ${counts.length ? counts.join(", ") : say("aucune fenêtre", "no window")}${next}`);
      }
    });

  group
    .command("show")
    .description(say("un changement, accord par accord", "one change, agreement by agreement"))
    .argument("<change>", say("identifiant (ou son début)", "id (or its start)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (reference: string, options: { json?: boolean }) => {
      const detail = await withRegister(context, (register, principal) =>
        showSubprocessorChange({ register, principal, input: { change: reference } }),
      );
      if (options.json) {
        print(JSON.stringify(detail, null, 2));
        return;
      }
      const { change } = detail;
      print(
        `${change.id}  ${detail.processor.name}${say(" : ", ": ")}${CHANGE_KIND_LABELS[change.kind][lang]} ${change.subprocessor.name} (${change.subprocessor.activity}, ${change.subprocessor.location})`,
      );
      print(`  ${say("annoncé le", "announced")} ${when(change.announcedAt)}`);
      for (const w of detail.windows) {
        const end =
          w.settledAt === null
            ? say(`fin ${when(w.closesAt)}`, `closes ${when(w.closesAt)}`)
            : say(`réglée le ${when(w.settledAt)}`, `settled ${when(w.settledAt)}`);
        print(
          `  ${w.agreement.id.slice(0, 8)}  ${w.controller.name}  ${SETTLEMENT_STATUS_LABELS[w.status][lang]}  ${end}  (${SILENCE_LABELS[w.silence][lang]}${w.approvalRequired ? say(", accord exprès requis", ", explicit approval required") : ""})`,
        );
        if (w.answer) {
          const answered =
            w.answer.kind === "approve"
              ? say(`accepté le ${when(w.answer.at)}`, `approved ${when(w.answer.at)}`)
              : say(`opposition le ${when(w.answer.at)}`, `objected ${when(w.answer.at)}`);
          print(`      ${answered}${w.answer.reasons ? ` : ${w.answer.reasons}` : ""}`);
        }
        if (w.note) print(`      ${w.note[lang]}`);
      }
    });

  group
    .command("settle")
    .description(
      say(
        "règle chaque fenêtre échue, accord par accord (à lancer régulièrement)",
        "settle every window whose end has come, agreement by agreement (run it regularly)",
      ),
    )
    .option(
      "--at <instant>",
      say("instant du règlement (défaut : maintenant)", "when to settle (default: now)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { at?: string; json?: boolean }) => {
      const settled = await withRegister(context, (register, principal) =>
        settleSubprocessorWindows({ register, principal, now: settlementInstant(options.at) }),
      );
      if (options.json) {
        print(JSON.stringify(settled, null, 2));
        return;
      }
      if (settled.length === 0) {
        print(say("aucune fenêtre à régler", "no window to settle"));
        return;
      }
      for (const s of settled) {
        print(
          `  ${s.agreementId.slice(0, 8)}  ${SETTLEMENT_STATUS_LABELS[s.status][lang]}${s.mayUse ? say(" — en service", " — in use") : ""}`,
        );
      }
    });

  group
    .command("list")
    .description(
      say(
        "la liste publique des sous-traitants ultérieurs en service",
        "the public list of sub-processors in use",
      ),
    )
    .requiredOption("--processor <name>", say("le sous-traitant", "the processor"))
    .option("--at <instant>", say("à cet instant (défaut : maintenant)", "at this instant (default: now)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { processor: string; at?: string; json?: boolean }) => {
      const published = await withRegister(context, (register, principal) =>
        publishSubprocessorList({
          register,
          principal,
          input: { processor: options.processor, baseUrl: context.config.publicUrl },
          now: instantOption(options.at, Date.now()),
          lang,
        }),
      );
      if (options.json) {
        print(published.json.trimEnd());
        return;
      }
      print(published.list.processor.name);
      for (const s of published.list.subprocessors) {
        print(`  ${s.name}${s.activity ? ` — ${s.activity}` : ""}${s.location ? ` (${s.location})` : ""}`);
      }
      if (published.list.subprocessors.length === 0) print(say("  aucun", "  none"));
    });

  group
    .command("publish")
    .description(
      say(
        "écrit la page publique en HTML, JSON et Atom (dans --out, sinon le HTML sur la sortie standard)",
        "write the public page as HTML, JSON and Atom (into --out, else the HTML to standard output)",
      ),
    )
    .requiredOption("--processor <name>", say("le sous-traitant", "the processor"))
    .option(
      "--out <dir>",
      say("dossier où écrire les trois fichiers", "directory to write the three files to"),
    )
    .option("--format <format>", "html | json | atom", "html")
    .option("--at <instant>", say("à cet instant (défaut : maintenant)", "at this instant (default: now)"))
    .option("--json", say("sortie JSON (les chemins écrits)", "JSON output (the paths written)"))
    .action(
      async (options: { processor: string; out?: string; format: string; at?: string; json?: boolean }) => {
        const published = await withRegister(context, (register, principal) =>
          publishSubprocessorList({
            register,
            principal,
            input: { processor: options.processor, baseUrl: context.config.publicUrl },
            now: instantOption(options.at, Date.now()),
            lang,
          }),
        );
        if (!options.out) {
          const text =
            options.format === "json"
              ? published.json
              : options.format === "atom"
                ? published.atom
                : published.html;
          process.stdout.write(text);
          return;
        }
        mkdirSync(options.out, { recursive: true });
        const files = {
          html: join(options.out, "subprocessors.html"),
          json: join(options.out, "subprocessors.json"),
          atom: join(options.out, "subprocessors.atom"),
        };
        writeFileSync(files.html, published.html);
        writeFileSync(files.json, published.json);
        writeFileSync(files.atom, published.atom);
        if (options.json) print(JSON.stringify(files, null, 2));
        else
          print(
            say(`écrit : ${Object.values(files).join(", ")}`, `written: ${Object.values(files).join(", ")}`),
          );
      },
    );
}

/** A settlement happens now or was missed in the past; one dated in the future would settle windows still open. */
function settlementInstant(text: string | undefined): number {
  const now = Date.now();
  const at = instantOption(text, now);
  requireNotFuture(
    { what: { fr: "le règlement des fenêtres d'opposition", en: "settling the objection windows" }, at },
    now,
    "--at",
    "Europe/Paris",
  );
  return at;
}
