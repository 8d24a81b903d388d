// `art28 journal verify`: recompute the journal's chain and name the first event altered, missing, reordered or added past the head.

import type { Command } from "commander";
import { verifyJournal } from "../app/register/verify-journal.js";
import { Art28Error } from "../domain/error.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

const REASONS = {
  altered: { fr: "modifié", en: "altered" },
  missing: { fr: "manquant", en: "missing" },
  reordered: { fr: "déplacé", en: "reordered" },
  added: { fr: "ajouté", en: "added" },
} as const;

export function registerJournalCommand(program: Command, context: CliContext): void {
  const { say, lang, print } = context;
  const journal = program
    .command("journal")
    .description(say("le journal inaltérable des événements", "the tamper-evident journal of events"));
  journal
    .command("verify")
    .description(
      say(
        "vérifie la chaîne d'empreintes du journal (sortie 0 : intacte ; 1 : premier événement fautif)",
        "check the journal's hash chain (exit 0: intact; 1: the first faulty event)",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { json?: boolean }) => {
      const result = await withRegister(context, (register, principal) =>
        verifyJournal({ register, principal }),
      );
      if (options.json) print(JSON.stringify({ ...result, ok: result.fault === null }, null, 2));
      if (result.fault) {
        throw new Art28Error(
          "integrity_violation",
          {
            fr: `journal compromis : événement n° ${result.fault.seq} ${REASONS[result.fault.reason].fr} — ${result.fault.detail.fr}`,
            en: `journal compromised: event #${result.fault.seq} ${REASONS[result.fault.reason].en} — ${result.fault.detail.en}`,
          },
          { seq: result.fault.seq, reason: result.fault.reason },
        );
      }
      if (options.json) return;
      const head = result.head ? result.head.hash : say("(vide)", "(empty)");
      print(
        lang === "fr"
          ? `journal intègre : ${result.count} événement(s), empreinte de tête ${head}`
          : `journal intact: ${result.count} event(s), head hash ${head}`,
      );
    });
}
