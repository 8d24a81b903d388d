// `art28 journal verify`: recompute the journal's chain and name the first event altered, missing, reordered or added past the head.

import { readFile } from "node:fs/promises";
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
    .option(
      "--against <file>",
      say(
        "vérifie aussi la chaîne contre une tête exportée plus tôt (la sortie de journal verify --json) : une fin retranchée est trouvée",
        "also check the chain against a head exported earlier (the output of journal verify --json): a cut-off tail is found",
      ),
    )
    .action(async (options: { json?: boolean; against?: string }) => {
      const exported = options.against === undefined ? undefined : await readExportedHead(options.against);
      const result = await withRegister(context, (register, principal) =>
        verifyJournal({ register, principal, exported }),
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

/** A head exported by `journal verify --json` (its `head` field), or a bare {seq, hash}. */
async function readExportedHead(path: string): Promise<{ seq: number; hash: string }> {
  const refused = (why: { fr: string; en: string }) =>
    new Art28Error("invalid_input", why, {
      argument: "--against",
      accepted: {
        fr: 'la sortie de art28 journal verify --json, ou {"seq": n, "hash": "…64 hex…"}',
        en: 'the output of art28 journal verify --json, or {"seq": n, "hash": "…64 hex…"}',
      },
    });
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch {
    throw refused({
      fr: `${path} n'est pas un fichier JSON lisible`,
      en: `${path} is not a readable JSON file`,
    });
  }
  const head = (json as { head?: unknown } | null)?.head ?? json;
  const { seq, hash } = (head ?? {}) as { seq?: unknown; hash?: unknown };
  if (
    !Number.isSafeInteger(seq) ||
    (seq as number) < 0 ||
    typeof hash !== "string" ||
    !/^[0-9a-f]{64}$/.test(hash)
  ) {
    throw refused({ fr: `${path} ne contient pas de tête de journal`, en: `${path} holds no journal head` });
  }
  return { seq: seq as number, hash };
}
