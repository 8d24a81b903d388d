// `art28 breach record|update|assess|aware|notify-authority|list|show`: personal-data breaches, from the processor's
// fan-out to every controller to each controller's duties and the notice to the authority (GDPR Art. 33, 34).

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { addBreachUpdate } from "../app/breaches/add-breach-update.js";
import { assessBreachRiskFor } from "../app/breaches/assess-breach-risk.js";
import { listBreaches } from "../app/breaches/list-breaches.js";
import { notifyAuthority } from "../app/breaches/notify-authority.js";
import { recordBreach } from "../app/breaches/record-breach.js";
import { recordBreachAwareness } from "../app/breaches/record-breach-awareness.js";
import { showBreach } from "../app/breaches/show-breach.js";
import { BREACH_NATURE_LABELS, type BreachNature, NOTICE_ITEM_LABELS } from "../domain/breach.js";
import { RISK_LEVEL_LABELS } from "../domain/breach-risk.js";
import { invalidInput } from "../domain/error.js";
import type { CliContext } from "./context.js";
import { deliveryLine } from "./delivery-line.js";
import { withRegister } from "./register-session.js";

interface ReportOptions {
  file?: string;
  nature?: string[];
  discovered?: string;
  aware?: string;
  from?: string;
  until?: string;
  description?: string;
  categories?: string;
  people?: string;
  records?: string;
  consequences?: string;
  measuresTaken?: string;
  measuresProposed?: string;
  contact?: string;
  contactEmail?: string;
}

function count(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()))
    throw invalidInput(
      { fr: `${option} attend un nombre entier`, en: `${option} expects a whole number` },
      { argument: option },
    );
  return Number(text.trim());
}

function list(text: string | undefined): string[] | undefined {
  return text === undefined
    ? undefined
    : text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}

/** The report fields given on the command line, over those of a JSON file when one is named. */
function report(options: ReportOptions): Record<string, unknown> {
  let base: Record<string, unknown> = {};
  if (options.file) {
    try {
      base = JSON.parse(readFileSync(options.file, "utf8")) as Record<string, unknown>;
    } catch {
      throw invalidInput(
        {
          fr: `rapport illisible : ${options.file} (JSON attendu)`,
          en: `unreadable report: ${options.file} (JSON expected)`,
        },
        { argument: "--file" },
      );
    }
  }
  const given: Record<string, unknown> = {
    natures: options.nature,
    discoveredAt: options.discovered,
    awareAt: options.aware,
    occurredFrom: options.from,
    occurredUntil: options.until,
    description: options.description,
    dataCategories: list(options.categories),
    approximatePeople: count(options.people, "--people"),
    approximateRecords: count(options.records, "--records"),
    likelyConsequences: options.consequences,
    measuresTaken: options.measuresTaken,
    measuresProposed: options.measuresProposed,
    contact: options.contact ? { name: options.contact, email: options.contactEmail } : undefined,
  };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) base[key] = value;
  return base;
}

function reportOptions(command: Command, say: CliContext["say"]): Command {
  return command
    .option("--file <report.json>", say("rapport complet en JSON", "full report as JSON"))
    .option(
      "--nature <nature...>",
      say("confidentiality, integrity et/ou availability", "confidentiality, integrity and/or availability"),
    )
    .option("--discovered <instant>", say("découverte (ISO 8601)", "discovery (ISO 8601)"))
    .option("--aware <instant>", say("prise de connaissance (ISO 8601)", "awareness (ISO 8601)"))
    .option("--from <instant>", say("début de la violation", "start of the breach"))
    .option("--until <instant>", say("fin de la violation", "end of the breach"))
    .option("--description <text>", say("description", "description"))
    .option(
      "--categories <list>",
      say("catégories de données, séparées par des virgules", "data categories, comma-separated"),
    )
    .option("--people <n>", say("nombre approximatif de personnes", "approximate number of people"))
    .option("--records <n>", say("nombre approximatif d'enregistrements", "approximate number of records"))
    .option("--consequences <text>", say("conséquences probables", "likely consequences"))
    .option("--measures-taken <text>", say("mesures prises", "measures taken"))
    .option("--measures-proposed <text>", say("mesures proposées", "measures proposed"))
    .option("--contact <name>", say("point de contact", "contact point"))
    .option("--contact-email <email>", say("courriel du contact", "contact e-mail"))
    .option("--json", say("sortie JSON", "JSON output"));
}

export function registerBreachCommand(program: Command, context: CliContext): void {
  const { say, lang, print, when } = context;
  const breach = program
    .command("breach")
    .description(
      say("les violations de données (RGPD art. 33 et 34)", "personal-data breaches (GDPR Art. 33 and 34)"),
    );

  reportOptions(
    breach
      .command("record")
      .description(
        say(
          "enregistre une violation : celle d'un sous-traitant ouvre une notification par responsable de traitement ; celle d'un responsable, son registre (puis assess et aware)",
          "record a breach: a processor's opens one notification per controller; a controller's own opens its register entry (then assess and aware)",
        ),
      )
      .option("--processor <name>", say("le sous-traitant qui l'a subie", "the processor that suffered it"))
      .option(
        "--controller <name>",
        say(
          "ou le responsable de traitement qui l'a subie lui-même",
          "or the controller that suffered it itself",
        ),
      )
      .option(
        "--agreement <id...>",
        say(
          "accords touchés (par défaut : tous les accords actifs)",
          "affected agreements (default: all active ones)",
        ),
      )
      .option(
        "--notify",
        say("envoie tout de suite la notification initiale", "send the initial notice at once"),
      )
      .option(
        "--school <name>",
        say(
          "établissement touché d'un ENT (répétable) : la convention dit qui notifie la CNIL selon le périmètre",
          "school of an ENT the breach touches (repeatable): the convention says who notifies the CNIL by perimeter",
        ),
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option(
        "--territory",
        say("la violation touche tout le territoire de l'ENT", "the breach reaches the whole ENT territory"),
      ),
    say,
  ).action(
    async (
      options: ReportOptions & {
        processor?: string;
        controller?: string;
        agreement?: string[];
        notify?: boolean;
        school?: string[];
        territory?: boolean;
        json?: boolean;
      },
    ) => {
      const recorded = await withRegister(context, (register, principal) =>
        recordBreach({
          register,
          principal,
          input: {
            ...(options.processor !== undefined ? { processor: options.processor } : {}),
            ...(options.controller !== undefined ? { controller: options.controller } : {}),
            details: report(options),
            ...(options.agreement ? { agreements: options.agreement } : {}),
            notify: Boolean(options.notify),
            ...(options.school ? { schools: options.school } : {}),
            ...(options.territory ? { territory: true } : {}),
          },
          now: Date.now(),
        }),
      );
      if (options.json) {
        print(JSON.stringify(recorded, null, 2));
        return;
      }
      print(say(`violation enregistrée : ${recorded.breach.id}`, `breach recorded: ${recorded.breach.id}`));
      if (recorded.breach.side === "controller") {
        print(
          say(
            "inscrite au registre des violations (art. 33(5)) ; évaluez le risque (art28 breach assess), puis ouvrez les obligations envers l'autorité et les personnes (art28 breach aware)",
            "entered in the breach register (Art. 33(5)); assess the risk (art28 breach assess), then open the duties towards the authority and the people (art28 breach aware)",
          ),
        );
        return;
      }
      print(
        say(
          `${recorded.duties.length} responsable(s) de traitement à notifier (art28 obligations due)`,
          `${recorded.duties.length} controller(s) to notify (art28 obligations due)`,
        ),
      );
      if (recorded.joint) {
        print(
          say(
            `ENT ${recorded.joint.ent} : ${recorded.joint.duties.length} obligation(s) entre responsables conjoints ; la notification à l'autorité revient à ${recorded.joint.holder} (${recorded.joint.why.fr}) — art28 breach show ${recorded.breach.id.slice(0, 8)}`,
            `ENT ${recorded.joint.ent}: ${recorded.joint.duties.length} duty(ies) among joint controllers; the authority notice falls to ${recorded.joint.holder} (${recorded.joint.why.en}) — art28 breach show ${recorded.breach.id.slice(0, 8)}`,
          ),
        );
      }
      if (recorded.notice && recorded.delivery)
        print(
          `${say("notification initiale enregistrée : ", "initial notice recorded: ")}${deliveryLine(recorded.delivery, say)}`,
        );
    },
  );

  reportOptions(
    breach
      .command("update")
      .description(
        say(
          "envoie la notification suivante à chaque responsable : l'initiale, puis les mises à jour (art. 33(4))",
          "send the next notice to every controller: the initial one, then updates (Art. 33(4))",
        ),
      )
      .argument("<breach>", say("identifiant de la violation (ou son début)", "breach id (or its start)")),
    say,
  ).action(async (id: string, options: ReportOptions & { json?: boolean }) => {
    const changes = report(options);
    const result = await withRegister(context, (register, principal) =>
      addBreachUpdate({ register, principal, input: { breach: id, changes }, now: Date.now() }),
    );
    if (options.json) {
      print(JSON.stringify(result, null, 2));
      return;
    }
    const phase =
      result.notice.phase === "initial"
        ? say("notification initiale", "initial notice")
        : say(`mise à jour n° ${result.notice.sequence - 1}`, `update no. ${result.notice.sequence - 1}`);
    print(
      say(
        `${phase} enregistrée pour ${result.recipients} responsable(s) : ${deliveryLine(result.delivery, say)}`,
        `${phase} recorded for ${result.recipients} controller(s): ${deliveryLine(result.delivery, say)}`,
      ),
    );
    // GDPR Art. 33(4): what the notice could not give yet, to come in later updates.
    for (const item of result.notice.missing) {
      print(`  ${say("encore à fournir :", "still to give:")} ${NOTICE_ITEM_LABELS[item][lang]}`);
    }
  });

  breach
    .command("assess")
    .description(
      say(
        "évalue le risque pour les personnes (facteurs du CEPD) et le note au registre des violations (art. 33(5))",
        "assess the risk to people (EDPB factors) and keep it in the breach register (Art. 33(5))",
      ),
    )
    .argument("<breach>", say("identifiant de la violation", "breach id"))
    .requiredOption("--org <name>", say("l'organisation qui évalue", "the organisation assessing"))
    .option(
      "--data-kinds <list>",
      say(
        "types de données (health, assessment, credentials…)",
        "kinds of data (health, assessment, credentials…)",
      ),
    )
    .option(
      "--identifiability <level>",
      say("direct, easy, difficult ou negligible", "direct, easy, difficult or negligible"),
    )
    .option(
      "--exposure <level>",
      say(
        "unknown, public, limited, trusted_recipient ou none",
        "unknown, public, limited, trusted_recipient or none",
      ),
    )
    .option(
      "--severity <1-4>",
      say("gravité estimée des conséquences", "estimated severity of the consequences"),
    )
    .option(
      "--vulnerable",
      say("personnes vulnérables (enfants, élèves)", "vulnerable people (children, pupils)"),
    )
    .option(
      "--restored-within <hours>",
      say(
        "indisponibilité : données restaurées en tant d'heures",
        "availability: data restored within hours",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        id: string,
        options: {
          org: string;
          dataKinds?: string;
          identifiability?: string;
          exposure?: string;
          severity?: string;
          vulnerable?: boolean;
          restoredWithin?: string;
          json?: boolean;
        },
      ) => {
        const factors: Record<string, unknown> = {
          dataKinds: list(options.dataKinds) ?? [],
          vulnerablePeople: Boolean(options.vulnerable),
        };
        if (options.identifiability) factors.identifiability = options.identifiability;
        if (options.exposure) factors.exposure = options.exposure;
        if (options.severity !== undefined) factors.consequences = count(options.severity, "--severity");
        if (options.restoredWithin !== undefined)
          factors.restoredWithinHours = count(options.restoredWithin, "--restored-within");
        const assessment = await withRegister(context, (register, principal) =>
          assessBreachRiskFor({
            register,
            principal,
            input: { breach: id, keeper: options.org, factors },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(assessment, null, 2));
          return;
        }
        print(
          `${RISK_LEVEL_LABELS[assessment.level][lang]} (${say("vraisemblance", "likelihood")} ${assessment.likelihood}/4, ${say("gravité", "severity")} ${assessment.severity}/4)`,
        );
        for (const reason of assessment.reasons) print(`  - ${reason[lang]}`);
      },
    );

  breach
    .command("aware")
    .description(
      say(
        "le responsable note sa prise de connaissance : notification à l'autorité sous 72 h si risque, information des personnes si risque élevé",
        "the controller records its awareness: authority within 72 h if at risk, people told if high risk",
      ),
    )
    .argument("<breach>", say("identifiant de la violation", "breach id"))
    .requiredOption("--controller <name>", say("le responsable de traitement", "the controller"))
    .option(
      "--at <instant>",
      say(
        "prise de connaissance (défaut : réception de la notification)",
        "awareness (default: when the notice arrived)",
      ),
    )
    .option(
      "--unintelligible",
      say("données inintelligibles, art. 34(3)(a)", "data unintelligible, Art. 34(3)(a)"),
    )
    .option(
      "--risk-no-longer-likely",
      say("risque élevé écarté, art. 34(3)(b)", "high risk no longer likely, Art. 34(3)(b)"),
    )
    .option(
      "--disproportionate-effort",
      say("communication publique, art. 34(3)(c)", "public communication, Art. 34(3)(c)"),
    )
    .option(
      "--mandate-processor",
      say(
        "le sous-traitant notifie l'autorité pour lui",
        "the processor notifies the authority on its behalf",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        id: string,
        options: {
          controller: string;
          at?: string;
          unintelligible?: boolean;
          riskNoLongerLikely?: boolean;
          disproportionateEffort?: boolean;
          mandateProcessor?: boolean;
          json?: boolean;
        },
      ) => {
        const result = await withRegister(context, (register, principal) =>
          recordBreachAwareness({
            register,
            principal,
            input: {
              breach: id,
              controller: options.controller,
              ...(options.at ? { awareAt: options.at } : {}),
              exceptions: {
                unintelligible: Boolean(options.unintelligible),
                riskNoLongerLikely: Boolean(options.riskNoLongerLikely),
                disproportionateEffort: Boolean(options.disproportionateEffort),
              },
              mandateProcessor: Boolean(options.mandateProcessor),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(result, null, 2));
          return;
        }
        for (const decision of result.decisions) print(decision[lang]);
        for (const duty of result.duties) print(`  ${when(duty.due)}  ${duty.what[lang]}`);
      },
    );

  breach
    .command("notify-authority")
    .description(
      say(
        "note la notification à l'autorité (CNIL, APD), par le responsable ou par le sous-traitant pour ceux qui l'ont mandaté",
        "record the notice to the authority (CNIL, APD), by the controller or by the processor for those that mandated it",
      ),
    )
    .argument("<breach>", say("identifiant de la violation", "breach id"))
    .requiredOption("--by <name>", say("qui notifie", "who notifies"))
    .option(
      "--at <instant>",
      say("date de la notification (défaut : maintenant)", "when it was filed (default: now)"),
    )
    .option("--reference <text>", say("numéro de réception de l'autorité", "the authority's receipt number"))
    .option(
      "--reasons <text>",
      say("motifs du retard, après 72 h (art. 33(1))", "reasons for delay, after 72 h (Art. 33(1))"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        id: string,
        options: { by: string; at?: string; reference?: string; reasons?: string; json?: boolean },
      ) => {
        const filed = await withRegister(context, (register, principal) =>
          notifyAuthority({
            register,
            principal,
            input: {
              breach: id,
              by: options.by,
              ...(options.at ? { at: options.at } : {}),
              ...(options.reference ? { reference: options.reference } : {}),
              ...(options.reasons ? { reasonsForDelay: options.reasons } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(filed, null, 2));
          return;
        }
        for (const f of filed)
          print(
            say(
              `notifiée à la ${f.authority} pour ${f.onBehalfOf.length} responsable(s) ; ${f.closed.length} obligation(s) close(s)`,
              `notified to the ${f.authority} for ${f.onBehalfOf.length} controller(s); ${f.closed.length} obligation(s) closed`,
            ),
          );
      },
    );

  breach
    .command("list")
    .description(say("les violations enregistrées", "recorded breaches"))
    .option(
      "--org <name>",
      say(
        "seulement celles subies ou reçues par cette organisation",
        "only those this organisation suffered or received",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { org?: string; json?: boolean }) => {
      const found = await withRegister(context, (register, principal) =>
        listBreaches({ register, principal, input: options.org ? { organisation: options.org } : {} }),
      );
      if (options.json) {
        print(JSON.stringify(found, null, 2));
        return;
      }
      if (found.length === 0) print(say("aucune violation", "no breaches"));
      for (const b of found) {
        const natures = b.natures.map((n: BreachNature) => BREACH_NATURE_LABELS[n][lang]).join(", ");
        print(`${b.id.slice(0, 8)}  ${b.awareAt}  ${b.recordedBy.name}  ${natures}`);
        print(`    ${b.description}`);
      }
    });

  breach
    .command("show")
    .description(
      say(
        "une violation : notifications, avis envoyés, registres, obligations",
        "one breach: notifications, notices, registers, duties",
      ),
    )
    .argument("<breach>", say("identifiant de la violation", "breach id"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { json?: boolean }) => {
      const shown = await withRegister(context, (register, principal) =>
        showBreach({ register, principal, input: { breach: id } }),
      );
      if (options.json) {
        print(JSON.stringify(shown, null, 2));
        return;
      }
      print(`${shown.breach.id}  ${shown.recordedBy}`);
      print(`  ${shown.breach.description}`);
      print(
        say(
          `notifications (${shown.notifications.length}) :`,
          `notifications (${shown.notifications.length}):`,
        ),
      );
      for (const n of shown.notifications) {
        const interpreted =
          n.basis?.kind === "interpreted" ? say(" (délai interprété)", " (interpreted period)") : "";
        const late =
          n.lateByMinutes === null
            ? ""
            : say(
                ` — avis envoyé en retard (${n.firstNoticeAt}, ${lateness(n.lateByMinutes, "fr")} après l'échéance)`,
                ` — notice sent late (${n.firstNoticeAt}, ${lateness(n.lateByMinutes, "en")} after the deadline)`,
              );
        print(
          `  ${n.due}${interpreted}  ${n.controller}${n.mandated ? say(" — mandat au sous-traitant", " — processor mandated") : ""}${late}`,
        );
      }
      print(say(`avis envoyés : ${shown.notices.length}`, `notices sent: ${shown.notices.length}`));
      for (const r of shown.register)
        print(
          `  ${r.entry.side === "controller" ? say("registre du responsable", "controller's register") : say("registre du sous-traitant", "processor's register")}${say(" : ", ": ")}${r.entry.riskLevel ? RISK_LEVEL_LABELS[r.entry.riskLevel][lang] : say("risque non évalué", "risk not assessed")}`,
        );
      print(
        say(
          `obligations en attente (${shown.pending.length}) :`,
          `pending duties (${shown.pending.length}):`,
        ),
      );
      for (const o of shown.pending) print(`  ${o.due}  ${o.holder}  ${o.what[lang]}`);
    });
}

/** « 2 h 05 » / « 3 j 4 h »: how late a notice was. */
function lateness(minutes: number, lang: "fr" | "en"): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const d = lang === "fr" ? "j" : "d";
  if (days > 0) return `${days} ${d} ${hours} h`;
  return `${hours} h ${String(rest).padStart(2, "0")}`;
}
