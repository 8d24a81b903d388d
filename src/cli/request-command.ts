// `art28 request receive|forward|assist|extend|verify-identity|answer|list|show`: data-subject requests, from their
// receipt to the answer, each step on its clock (GDPR Art. 12, 15-22, 28(3)(e)).

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { answerRequest } from "../app/requests/answer-request.js";
import { extendRequest } from "../app/requests/extend-request.js";
import { forwardRequest } from "../app/requests/forward-request.js";
import { listRequests } from "../app/requests/list-requests.js";
import { receiveRequest } from "../app/requests/receive-request.js";
import { requestAssistance } from "../app/requests/request-assistance.js";
import { showRequest } from "../app/requests/show-request.js";
import { verifyIdentity } from "../app/requests/verify-identity.js";
import { RIGHT_LABELS, RIGHTS } from "../domain/data-subject-request.js";
import { invalidInput } from "../domain/error.js";
import type { PortableDataset } from "../domain/portability-export.js";
import type { CliContext } from "./context.js";
import { deliveryLine } from "./delivery-line.js";
import { withRegister } from "./register-session.js";

const STATE_LABELS: Record<string, { fr: string; en: string }> = {
  received: { fr: "reçue", en: "received" },
  forwarded: { fr: "transmise au responsable", en: "forwarded to the controller" },
  identity_pending: { fr: "vérification d'identité en cours", en: "identity check pending" },
  in_progress: { fr: "en cours", en: "in progress" },
  answered: { fr: "répondue", en: "answered" },
  closed_unverified: { fr: "close, identité non confirmée", en: "closed, identity not confirmed" },
};

function readDatasets(path: string): PortableDataset[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw invalidInput(
      { fr: `données illisibles : ${path} (JSON attendu)`, en: `unreadable data: ${path} (JSON expected)` },
      { argument: "--data" },
    );
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { datasets?: unknown }).datasets;
  const valid =
    Array.isArray(list) &&
    list.every(
      (d) =>
        typeof d === "object" &&
        d !== null &&
        typeof (d as PortableDataset).name === "string" &&
        Array.isArray((d as PortableDataset).rows),
    );
  if (!valid) {
    throw invalidInput(
      {
        fr: `${path} : liste attendue de jeux { "name": …, "rows": [ … ] }`,
        en: `${path}: expected a list of datasets { "name": …, "rows": [ … ] }`,
      },
      { argument: "--data" },
    );
  }
  return list as PortableDataset[];
}

export function registerRequestCommand(program: Command, context: CliContext): void {
  const { say, lang, print, when } = context;
  const request = program
    .command("request")
    .description(
      say(
        "les demandes d'exercice de droits des personnes (RGPD art. 12 à 22)",
        "data-subject requests (GDPR Art. 12 to 22)",
      ),
    );
  const printDuty = (d: { due: number; what: { fr: string; en: string } }) =>
    print(`  ${say("échéance", "due")} ${when(d.due)}  ${d.what[lang]}`);

  request
    .command("receive")
    .description(
      say(
        "enregistre une demande reçue : transmission due par le sous-traitant, ou réponse due sous un mois par le responsable",
        "record a request received: forwarding due from the processor, or the controller's answer due within a month",
      ),
    )
    .requiredOption("--right <right>", RIGHTS.join(", "))
    .requiredOption("--by <name>", say("l'organisation qui l'a reçue", "the organisation that received it"))
    .option(
      "--agreement <id>",
      say(
        "l'accord (obligatoire si reçue par le sous-traitant)",
        "the agreement (required if the processor received it)",
      ),
    )
    .option("--at <instant>", say("date de réception (défaut : maintenant)", "when received (default: now)"))
    .option(
      "--summary <text>",
      say("objet de la demande (sans pièce d'identité)", "what it asks (no identity document)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: {
        right: string;
        by: string;
        agreement?: string;
        at?: string;
        summary?: string;
        json?: boolean;
      }) => {
        const received = await withRegister(context, (register, principal) =>
          receiveRequest({
            register,
            principal,
            input: {
              right: options.right,
              receivedBy: options.by,
              ...(options.agreement ? { agreement: options.agreement } : {}),
              ...(options.at ? { receivedAt: options.at } : {}),
              ...(options.summary ? { summary: options.summary } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(received, null, 2));
          return;
        }
        print(
          say(`demande enregistrée : ${received.request.id}`, `request recorded: ${received.request.id}`),
        );
        print(`  ${RIGHT_LABELS[received.request.right][lang]}`);
        printDuty(received.duty);
      },
    );

  request
    .command("forward")
    .description(
      say(
        "le sous-traitant transmet la demande au responsable",
        "the processor forwards the request to the controller",
      ),
    )
    .argument("<request>", say("identifiant de la demande (ou son début)", "request id (or its start)"))
    .option(
      "--at <instant>",
      say("date de transmission (défaut : maintenant)", "when forwarded (default: now)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { at?: string; json?: boolean }) => {
      const forwarded = await withRegister(context, (register, principal) =>
        forwardRequest({
          register,
          principal,
          input: { request: id, ...(options.at ? { at: options.at } : {}) },
          now: Date.now(),
        }),
      );
      if (options.json) {
        print(JSON.stringify(forwarded, null, 2));
        return;
      }
      print(
        `${say("demande transmise au responsable de traitement : ", "request forwarded to the controller: ")}${deliveryLine(forwarded.delivery, say)}`,
      );
      printDuty(forwarded.answer);
    });

  request
    .command("assist")
    .description(
      say(
        "le responsable sollicite l'aide du sous-traitant (art. 28(3)(e))",
        "the controller asks the processor for help (Art. 28(3)(e))",
      ),
    )
    .argument("<request>", say("identifiant de la demande", "request id"))
    .option(
      "--agreement <id>",
      say("l'accord avec le sous-traitant sollicité", "the agreement with the processor asked"),
    )
    .option("--at <instant>", say("date de la sollicitation", "when asked"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { agreement?: string; at?: string; json?: boolean }) => {
      const duty = await withRegister(context, (register, principal) =>
        requestAssistance({
          register,
          principal,
          input: {
            request: id,
            ...(options.agreement ? { agreement: options.agreement } : {}),
            ...(options.at ? { at: options.at } : {}),
          },
          now: Date.now(),
        }),
      );
      if (options.json) print(JSON.stringify(duty, null, 2));
      else {
        printDuty(duty);
        print(deliveryLine(duty.delivery, say));
      }
    });

  request
    .command("extend")
    .description(
      say(
        "prolonge de deux mois, avec avis motivé à la personne avant la fin du premier mois (art. 12(3))",
        "extend by two months, telling the person with reasons before the first month ends (Art. 12(3))",
      ),
    )
    .argument("<request>", say("identifiant de la demande", "request id"))
    .requiredOption("--reasons <text>", say("motifs de la prolongation", "reasons for the extension"))
    .option("--at <instant>", say("date de l'avis à la personne", "when the person was told"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { reasons: string; at?: string; json?: boolean }) => {
      const extended = await withRegister(context, (register, principal) =>
        extendRequest({
          register,
          principal,
          input: {
            request: id,
            reasons: options.reasons,
            ...(options.at ? { noticeSentAt: options.at } : {}),
          },
          now: Date.now(),
        }),
      );
      if (options.json) {
        print(JSON.stringify(extended, null, 2));
        return;
      }
      print(say("délai prolongé de deux mois", "period extended by two months"));
      printDuty(extended.answer);
    });

  request
    .command("verify-identity")
    .description(
      say(
        "vérification d'identité : demande de précisions, puis résultat (art. 12(6))",
        "identity check: ask, then its result (Art. 12(6))",
      ),
    )
    .argument("<request>", say("identifiant de la demande", "request id"))
    .option("--ask <what>", say("ce qui est demandé à la personne", "what the person is asked for"))
    .option("--confirm", say("identité confirmée", "identity confirmed"))
    .option(
      "--reject",
      say("identité non confirmée : la demande est close", "identity not confirmed: the request is closed"),
    )
    .option("--at <instant>", say("date", "when"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        id: string,
        options: { ask?: string; confirm?: boolean; reject?: boolean; at?: string; json?: boolean },
      ) => {
        const chosen = [options.ask !== undefined, Boolean(options.confirm), Boolean(options.reject)].filter(
          Boolean,
        ).length;
        if (chosen !== 1) {
          throw invalidInput(
            { fr: "indiquez --ask, --confirm ou --reject", en: "give --ask, --confirm or --reject" },
            { argument: "--ask" },
          );
        }
        const step = options.ask !== undefined ? "ask" : options.confirm ? "confirm" : "reject";
        const updated = await withRegister(context, (register, principal) =>
          verifyIdentity({
            register,
            principal,
            input: {
              request: id,
              step,
              ...(options.ask ? { note: options.ask } : {}),
              ...(options.at ? { at: options.at } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) print(JSON.stringify(updated, null, 2));
        else print(STATE_LABELS[updated.state]?.[lang] ?? updated.state);
      },
    );

  request
    .command("answer")
    .description(
      say(
        "répond à la demande ; pour la portabilité, exporte les données en JSON et CSV",
        "answer the request; for portability, export the data as JSON and CSV",
      ),
    )
    .argument("<request>", say("identifiant de la demande", "request id"))
    .requiredOption("--outcome <outcome>", "granted, partially_granted, refused, no_data_held")
    .option(
      "--reasons <text>",
      say("motifs (obligatoires pour un refus, art. 12(4))", "reasons (required for a refusal, Art. 12(4))"),
    )
    .option(
      "--data <datasets.json>",
      say("données de la personne : [{ name, rows }]", "the person's data: [{ name, rows }]"),
    )
    .option(
      "--out <file.json>",
      say("fichier d'export (CSV écrits à côté)", "export file (CSV written beside it)"),
    )
    .option("--at <instant>", say("date de la réponse", "when answered"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        id: string,
        options: {
          outcome: string;
          reasons?: string;
          data?: string;
          out?: string;
          at?: string;
          json?: boolean;
        },
      ) => {
        if (Boolean(options.data) !== Boolean(options.out)) {
          throw invalidInput(
            { fr: "--data et --out vont ensemble", en: "--data and --out go together" },
            { argument: options.data ? "--out" : "--data" },
          );
        }
        const datasets = options.data ? readDatasets(options.data) : null;
        const answered = await withRegister(context, (register, principal) =>
          answerRequest({
            register,
            principal,
            input: {
              request: id,
              outcome: options.outcome,
              ...(options.reasons ? { reasons: options.reasons } : {}),
              ...(options.at ? { at: options.at } : {}),
              ...(datasets && options.out ? { export: { datasets, file: options.out } } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(answered, null, 2));
          return;
        }
        print(
          say(
            `réponse enregistrée : ${answered.request.outcome?.kind}`,
            `answer recorded: ${answered.request.outcome?.kind}`,
          ),
        );
        for (const f of answered.files) print(`  ${f.path}  sha256 ${f.sha256}`);
      },
    );

  request
    .command("list")
    .description(say("les demandes enregistrées", "recorded requests"))
    .option("--org <name>", say("seulement celles de cette organisation", "only this organisation's"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { org?: string; json?: boolean }) => {
      const found = await withRegister(context, (register, principal) =>
        listRequests({ register, principal, input: options.org ? { organisation: options.org } : {} }),
      );
      if (options.json) {
        print(JSON.stringify(found, null, 2));
        return;
      }
      if (found.length === 0) print(say("aucune demande", "no requests"));
      for (const r of found)
        print(
          `${r.id.slice(0, 8)}  ${when(r.receivedAt)}  ${RIGHT_LABELS[r.right][lang]}  ${STATE_LABELS[r.state]?.[lang] ?? r.state}`,
        );
    });

  request
    .command("show")
    .description(say("une demande et ses obligations en attente", "one request and its pending duties"))
    .argument("<request>", say("identifiant de la demande", "request id"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { json?: boolean }) => {
      const shown = await withRegister(context, (register, principal) =>
        showRequest({ register, principal, input: { request: id } }),
      );
      if (options.json) {
        print(JSON.stringify(shown, null, 2));
        return;
      }
      const r = shown.request;
      print(`${r.id}  ${RIGHT_LABELS[r.right][lang]}`);
      print(
        `  ${say("responsable", "controller")}: ${shown.controller}${shown.processor ? `  ${say("sous-traitant", "processor")}: ${shown.processor}` : ""}`,
      );
      print(`  ${say("état", "state")}: ${STATE_LABELS[r.state]?.[lang] ?? r.state}`);
      for (const a of r.attachments) print(`  ${a.name}  sha256 ${a.sha256}`);
      for (const d of shown.pending) printDuty(d);
    });
}
