// `art28 agreements import|list|show`: agreements in the register, read from their documents or typed in.

import type { Command } from "commander";
import { changeAgreementStatus } from "../app/agreements/change-agreement-status.js";
import { createAgreement, type PartyReference } from "../app/agreements/create-agreement.js";
import { importAgreement } from "../app/agreements/import-agreement.js";
import { listAgreements } from "../app/agreements/list-agreements.js";
import { setAgreementTerms } from "../app/agreements/set-agreement-terms.js";
import { setJointAllocation } from "../app/agreements/set-joint-allocation.js";
import { showAgreement } from "../app/agreements/show-agreement.js";
import {
  type AgreementKind,
  agreementStatusLabel,
  PARTY_ROLE_LABELS,
  type Provenance,
} from "../domain/agreement.js";
import { allocationLines } from "../domain/allocation-lines.js";
import { calendarFor } from "../domain/calendar.js";
import { type Duration, formatDuration, type Language } from "../domain/duration.js";
import { epochDayToIso } from "../domain/epoch-day.js";
import { invalidInput } from "../domain/error.js";
import { formatInstant } from "../domain/instant.js";
import { parseJointDuty, parseKitModel, parsePerimeter } from "../domain/joint-allocation.js";
import { OBLIGATION_STATUS_LABELS } from "../domain/obligation.js";
import { AUTHORIZATION_LABELS, SILENCE_LABELS, TERM_LABELS, TRANSFER_LABELS } from "../domain/term-labels.js";
import { TERM_TRIGGER_LABELS } from "../domain/term-trigger.js";
import { type AgreementTerms, TERM_IDS, type TermId } from "../domain/terms.js";
import type { CliContext } from "./context.js";
import { withRegister } from "./register-session.js";

export function registerAgreementsCommand(program: Command, context: CliContext): void {
  const { say, lang, print, when } = context;
  const agreements = program
    .command("agreements")
    .description(
      say("les accords du registre (art. 26 et 28 RGPD)", "agreements in the register (GDPR Art. 26 and 28)"),
    );

  agreements
    .command("import")
    .description(
      say(
        "lit un accord (txt, md, html, docx, odt, pdf) et l'enregistre en brouillon avec ses termes et leur source",
        "read an agreement (txt, md, html, docx, odt, pdf) and record it as a draft with its terms and their source",
      ),
    )
    .argument("<file>", say("le document", "the document"))
    .requiredOption(
      "--controller <name>",
      say("responsable de traitement (créé s'il manque)", "controller (created if missing)"),
    )
    .requiredOption(
      "--processor <name>",
      say("sous-traitant (créé s'il manque)", "processor (created if missing)"),
    )
    .option(
      "--calendar <calendar>",
      say(
        "calendrier d'un responsable créé : FR (défaut), FR-ALSACE-MOSELLE, BE",
        "calendar of a created controller: FR (default), FR-ALSACE-MOSELLE, BE",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        file: string,
        options: { controller: string; processor: string; calendar?: string; json?: boolean },
      ) => {
        const imported = await withRegister(context, (register, principal) =>
          importAgreement({
            register,
            principal,
            input: {
              path: file,
              controller: options.controller,
              processor: options.processor,
              calendar: options.calendar,
            },
            now: Date.now(),
            lang,
          }),
        );
        if (options.json) {
          print(JSON.stringify(imported, null, 2));
          return;
        }
        const a = imported.agreement;
        print(say(`accord enregistré en brouillon : ${a.id}`, `agreement recorded as a draft: ${a.id}`));
        print(`  ${a.title}`);
        for (const o of imported.createdOrganisations)
          print(say(`  organisation créée : ${o.name}`, `  organisation created: ${o.name}`));
        const durations = TERM_IDS.filter((id) => a.terms.durations[id] !== undefined);
        print(
          say(
            `  ${durations.length} délai(s) lu(s), ${a.subprocessors.length} sous-traitant(s) ultérieur(s)`,
            `  ${durations.length} period(s) read, ${a.subprocessors.length} sub-processor(s)`,
          ),
        );
        for (const id of durations)
          print(`    ${id}: ${formatDuration(a.terms.durations[id] as Duration, lang)}`);
        if (imported.confirm.length === 0) {
          print(say("  rien à confirmer", "  nothing to confirm"));
        } else {
          print(
            say(`  à confirmer (${imported.confirm.length}) :`, `  to confirm (${imported.confirm.length}):`),
          );
          for (const c of imported.confirm)
            print(`    - ${c.text[lang]}${c.quote ? ` — « ${c.quote.slice(0, 160)} »` : ""}`);
        }
        print(
          say(
            `  ensuite : art28 agreements terms ${a.id.slice(0, 8)} --set TERME=DÉLAI pour fixer ou confirmer un terme, art28 agreements status ${a.id.slice(0, 8)} active --effective AAAA-MM-JJ pour le mettre en vigueur`,
            `  next: art28 agreements terms ${a.id.slice(0, 8)} --set TERM=PERIOD to set or confirm a term, art28 agreements status ${a.id.slice(0, 8)} active --effective YYYY-MM-DD to put it in force`,
          ),
        );
      },
    );

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  agreements
    .command("add")
    .description(
      say(
        "enregistre un accord sans document à lire (papier, convention type) ; ses termes se fixent avec agreements terms",
        "record an agreement with no document to read (paper, model convention); set its terms with agreements terms",
      ),
    )
    .requiredOption("--title <title>", say("son intitulé", "its title"))
    .option("--kind <kind>", "dpa | joint_controller | subprocessing", "dpa")
    .option("--controller <name>", say("responsable de traitement", "controller"))
    .option(
      "--joint-controller <name>",
      say("responsable conjoint (répétable)", "joint controller (repeatable)"),
      collect,
    )
    .option("--processor <name>", say("sous-traitant", "processor"))
    .option("--sub-processor <name>", say("sous-traitant ultérieur", "sub-processor"))
    .option(
      "--ent <name>",
      say(
        "l'ENT auquel l'accord appartient (conventions et accord de l'éditeur groupés sous ce nom)",
        "the ENT the agreement belongs to (conventions and the vendor's agreement grouped under this name)",
      ),
    )
    .option(
      "--model <n>",
      say(
        "convention du kit ENT du ministère : 1 écoles, 2 un EPLE, 3 un territoire (répartition des devoirs préremplie)",
        "the Ministry's ENT kit convention: 1 écoles, 2 one EPLE, 3 a territory (allocation of duties preset)",
      ),
    )
    .option(
      "--school <name>",
      say(
        "établissement couvert par la convention sans en être partie (répétable)",
        "school the convention covers without being a party (repeatable)",
      ),
      collect,
    )
    .option(
      "--signed-for-all-by <name>",
      say(
        "accord de l'éditeur : la partie qui l'a signé pour tous les responsables conjoints",
        "vendor's agreement: the party that signed it for every joint controller",
      ),
    )
    .option("--effective <date>", say("date d'effet (AAAA-MM-JJ)", "effective date (YYYY-MM-DD)"))
    .option(
      "--active",
      say("en vigueur dès maintenant (demande --effective)", "in force at once (needs --effective)"),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (options: {
        title: string;
        kind: string;
        controller?: string;
        jointController?: string[];
        processor?: string;
        subProcessor?: string;
        ent?: string;
        model?: string;
        school?: string[];
        signedForAllBy?: string;
        effective?: string;
        active?: boolean;
        json?: boolean;
      }) => {
        const model = options.model === undefined ? null : parseKitModel(options.model);
        if (model !== null && options.kind !== "joint_controller") {
          throw invalidInput(
            {
              fr: "--model s'applique à une convention de responsabilité conjointe (--kind joint_controller)",
              en: "--model applies to a joint-controller convention (--kind joint_controller)",
            },
            { argument: "model" },
          );
        }
        const entName = options.ent ?? (model !== null ? options.title : undefined);
        const parties: PartyReference[] = [
          ...(options.controller ? [{ organisation: options.controller, role: "controller" as const }] : []),
          ...(options.jointController ?? []).map((organisation) => ({
            organisation,
            role: "joint_controller" as const,
          })),
          ...(options.processor ? [{ organisation: options.processor, role: "processor" as const }] : []),
          ...(options.subProcessor
            ? [{ organisation: options.subProcessor, role: "sub_processor" as const }]
            : []),
        ];
        const agreement = await withRegister(context, (register, principal) =>
          createAgreement({
            register,
            principal,
            input: {
              kind: options.kind as AgreementKind,
              title: options.title,
              parties,
              ...(options.effective ? { effectiveOn: options.effective } : {}),
              status: options.active ? "active" : "draft",
              ...(entName !== undefined
                ? {
                    ent: {
                      ent: entName,
                      model,
                      schools: options.school ?? [],
                      signedForAllBy: options.signedForAllBy ?? null,
                    },
                  }
                : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(agreement, null, 2));
          return;
        }
        print(
          say(
            `accord enregistré (${agreementStatusLabel(agreement.status).fr}) : ${agreement.id}`,
            `agreement recorded (${agreementStatusLabel(agreement.status).en}): ${agreement.id}`,
          ),
        );
        print(
          say(
            `  ensuite : art28 agreements terms ${agreement.id.slice(0, 8)} --set TERME=DÉLAI pour ses délais`,
            `  next: art28 agreements terms ${agreement.id.slice(0, 8)} --set TERM=PERIOD for its periods`,
          ),
        );
      },
    );

  agreements
    .command("list")
    .description(say("liste les accords", "list agreements"))
    .option(
      "--org <name>",
      say(
        "seulement ceux d'une organisation (nom, UAI, SIRET…)",
        "only one organisation's (name, UAI, SIRET…)",
      ),
    )
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (options: { org?: string; json?: boolean }) => {
      const list = await withRegister(context, (register, principal) =>
        listAgreements({ register, principal, input: { organisation: options.org } }),
      );
      if (options.json) {
        print(JSON.stringify(list, null, 2));
        return;
      }
      if (list.length === 0) {
        print(say("aucun accord", "no agreements"));
        return;
      }
      for (const a of list) {
        const parties = a.parties.map((p) => `${p.name} (${PARTY_ROLE_LABELS[p.role][lang]})`).join(", ");
        print(`${a.id.slice(0, 8)}  ${a.title} — ${agreementStatusLabel(a.status)[lang]}, v${a.version}`);
        print(`          ${parties}`);
        print(
          `          ${say(`${a.terms} terme(s), ${a.subprocessors} sous-traitant(s) ultérieur(s)`, `${a.terms} term(s), ${a.subprocessors} sub-processor(s)`)}${a.effectiveOn ? say(`, en vigueur le ${a.effectiveOn}`, `, effective ${a.effectiveOn}`) : ""}`,
        );
      }
    });

  agreements
    .command("status")
    .description(
      say(
        "fait passer un accord de brouillon à en vigueur, puis résilié et clos ; les procédures ne suivent que les accords en vigueur",
        "move an agreement from draft to active, then terminated and closed; the workflows follow active agreements only",
      ),
    )
    .argument("<id>", say("identifiant (ou son début)", "id (or its start)"))
    .argument("<status>", "active | terminated | closed")
    .option(
      "--effective <date>",
      say("date d'effet (AAAA-MM-JJ), pour l'entrée en vigueur", "effective date (YYYY-MM-DD)"),
    )
    .option("--ends <date>", say("date de fin (AAAA-MM-JJ)", "end date (YYYY-MM-DD)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (id: string, status: string, options: { effective?: string; ends?: string; json?: boolean }) => {
        const moved = await withRegister(context, (register, principal) =>
          changeAgreementStatus({
            register,
            principal,
            input: {
              id,
              to: status,
              ...(options.effective ? { effectiveOn: options.effective } : {}),
              ...(options.ends ? { endsOn: options.ends } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(moved, null, 2));
          return;
        }
        const since =
          moved.effectiveOn !== null
            ? say(
                ` depuis le ${epochDayToIso(moved.effectiveOn)}`,
                ` since ${epochDayToIso(moved.effectiveOn)}`,
              )
            : "";
        print(
          `${moved.title} (${moved.id.slice(0, 8)})${say(" : ", ": ")}${agreementStatusLabel(moved.status)[lang]}${moved.status === "active" ? since : ""}`,
        );
      },
    );

  const auditsPerYear = ({ min, max }: { min: number | null; max: number | null }): string | undefined => {
    if (min !== null && max !== null)
      return min === max ? String(min) : say(`de ${min} à ${max}`, `${min} to ${max}`);
    if (max !== null) return say(`au plus ${max}`, `at most ${max}`);
    if (min !== null) return say(`au moins ${min}`, `at least ${min}`);
    return undefined;
  };
  /** The terms that are rules rather than periods: key, label, value in words (undefined when not set). */
  const ruleRows = (t: AgreementTerms): [string, string, string | undefined][] => [
    [
      "subprocessorAuthorization",
      say("sous-traitants ultérieurs", "sub-processors"),
      t.subprocessorAuthorization && AUTHORIZATION_LABELS[t.subprocessorAuthorization][lang],
    ],
    [
      "objectionSilence",
      say("silence du responsable", "controller's silence"),
      t.objectionSilence && SILENCE_LABELS[t.objectionSilence][lang],
    ],
    [
      "transfersOutsideEEA",
      say("transferts hors EEE", "transfers outside the EEA"),
      t.transfersOutsideEEA && TRANSFER_LABELS[t.transfersOutsideEEA][lang],
    ],
    [
      "auditFrequencyPerYear",
      say("audits par an", "audits a year"),
      t.auditFrequencyPerYear && auditsPerYear(t.auditFrequencyPerYear),
    ],
    ["governingLaw", say("droit applicable", "governing law"), t.governingLaw ?? undefined],
  ];

  agreements
    .command("terms")
    .description(
      say(
        "fixe ou confirme des termes lus dans le document (délais, silence, autorisation, transferts) : nouvelle version",
        "set or confirm terms read in the document (periods, silence, authorisation, transfers): a new version",
      ),
    )
    .argument("<id>", say("identifiant (ou son début)", "id (or its start)"))
    .option(
      "--set <term=period>",
      say(
        'un délai, p. ex. breach_notification_to_controller="48 heures" (répétable)',
        'a period, e.g. breach_notification_to_controller="48 hours" (repeatable)',
      ),
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--silence <meaning>", "accepted | refused")
    .option("--authorization <kind>", "general | specific")
    .option("--transfers <rule>", "prohibited | with_authorization | allowed_with_safeguards")
    .option("--note <text>", say("d'où vient ce terme (article, échange…)", "where the term comes from"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(
      async (
        id: string,
        options: {
          set?: string[];
          silence?: string;
          authorization?: string;
          transfers?: string;
          note?: string;
          json?: boolean;
        },
      ) => {
        const periods: Record<string, string> = {};
        for (const pair of options.set ?? []) {
          const at = pair.indexOf("=");
          if (at <= 0) {
            throw invalidInput(
              { fr: `« ${pair} » : attendu TERME=DÉLAI`, en: `"${pair}": expected TERM=PERIOD` },
              { argument: "set" },
            );
          }
          periods[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
        }
        const result = await withRegister(context, (register, principal) =>
          setAgreementTerms({
            register,
            principal,
            input: {
              agreement: id,
              periods,
              ...(options.silence !== undefined ? { objectionSilence: options.silence } : {}),
              ...(options.authorization !== undefined
                ? { subprocessorAuthorization: options.authorization }
                : {}),
              ...(options.transfers !== undefined ? { transfersOutsideEEA: options.transfers } : {}),
              ...(options.note !== undefined ? { note: options.note } : {}),
            },
            now: Date.now(),
          }),
        );
        if (options.json) {
          print(JSON.stringify(result, null, 2));
          return;
        }
        const { agreement: a } = result;
        print(say(`${a.title} : version ${a.version}`, `${a.title}: version ${a.version}`));
        const rules = ruleRows(a.terms);
        for (const key of result.set) {
          const duration = a.terms.durations[key as TermId];
          const [, label, value] = duration
            ? [key, TERM_LABELS[key as TermId][lang], periodWords(a.terms, key as TermId, lang)]
            : (rules.find(([rule]) => rule === key) ?? [key, key, ""]);
          print(`  ${label}${say(" : ", ": ")}${value ?? ""}`);
        }
      },
    );

  agreements
    .command("allocate")
    .description(
      say(
        "fixe qui tient un devoir d'une convention de responsabilité conjointe (art. 26), pour un périmètre ou tous",
        "set who holds a duty of a joint-controller convention (Art. 26), for one perimeter or all",
      ),
    )
    .argument(
      "<agreement>",
      say("la convention (id ou ses premiers caractères)", "the convention (id or its first characters)"),
    )
    .requiredOption(
      "--duty <duty>",
      "contact_point | inform_people | answer_requests | notify_authority | inform_people_of_breach | publish_essence | alert_controllers",
    )
    .option("--perimeter <perimeter>", "any | one_school | several_schools | territory", "any")
    .requiredOption(
      "--holder <party>",
      say(
        "la partie (nom, UAI, id), ou school_touched, ou each_party",
        "the party (name, UAI, id), or school_touched, or each_party",
      ),
    )
    .option(
      "--otherwise <party>",
      say(
        "avec school_touched : qui répond pour un établissement qui n'est pas partie",
        "with school_touched: who answers for a school that is not a party",
      ),
    )
    .action(
      async (
        agreement: string,
        options: { duty: string; perimeter: string; holder: string; otherwise?: string },
      ) => {
        const arrangement = await withRegister(context, async (register, principal) => {
          const set = await setJointAllocation({
            register,
            principal,
            input: {
              agreement,
              duty: parseJointDuty(options.duty),
              perimeter: parsePerimeter(options.perimeter),
              holder: options.holder,
              ...(options.otherwise ? { otherwise: options.otherwise } : {}),
            },
            now: Date.now(),
          });
          const detail = await showAgreement({ register, principal, input: { id: set.agreementId } });
          return { set, detail };
        });
        const name = (id: string) => arrangement.detail.organisations[id]?.name ?? id;
        print(say("répartition des devoirs (art. 26) :", "allocation of duties (Art. 26):"));
        for (const line of allocationLines(arrangement.set.allocation, name, lang)) print(`  ${line}`);
      },
    );

  agreements
    .command("show")
    .description(say("affiche un accord en entier", "show one agreement in full"))
    .argument("<id>", say("identifiant (ou ses 8 premiers caractères)", "id (or its first 8 characters)"))
    .option("--json", say("sortie JSON", "JSON output"))
    .action(async (id: string, options: { json?: boolean }) => {
      const detail = await withRegister(context, (register, principal) =>
        showAgreement({ register, principal, input: { id } }),
      );
      if (options.json) {
        print(JSON.stringify(detail, null, 2));
        return;
      }
      const { agreement: a, organisations, versions, obligations } = detail;
      const colon = say(" : ", ": ");
      const name = (id: string) => organisations[id]?.name ?? id;
      const provenance = (p: Provenance | undefined): string => {
        if (!p) return "";
        if (p.kind === "analysed")
          return say(
            ` — lu : « ${p.quote} » (car. ${p.offset})`,
            ` — read: "${p.quote}" (char. ${p.offset})`,
          );
        if (p.kind === "typed") return say(` — saisi par ${p.by}`, ` — typed by ${p.by}`);
        return say(` — modèle ${p.template}`, ` — template ${p.template}`);
      };
      print(`${a.title}`);
      print(`  id: ${a.id}`);
      print(`  ${say("type", "kind")}: ${a.kind} — ${agreementStatusLabel(a.status)[lang]} — v${a.version}`);
      for (const p of a.parties) print(`  ${PARTY_ROLE_LABELS[p.role][lang]}: ${name(p.organisationId)}`);
      if (a.effectiveOn !== null)
        print(`  ${say("date d'effet", "effective")}: ${epochDayToIso(a.effectiveOn)}`);
      if (a.endsOn !== null) print(`  ${say("fin", "ends")}: ${epochDayToIso(a.endsOn)}`);
      if (a.source)
        print(`  ${say("document", "document")}: ${a.source.fileName} (sha256 ${a.source.sha256})`);
      print(say("  délais :", "  periods:"));
      let any = false;
      for (const termId of TERM_IDS) {
        const duration = a.terms.durations[termId];
        if (!duration) continue;
        any = true;
        print(
          `    ${TERM_LABELS[termId][lang]}${colon}${periodWords(a.terms, termId, lang)}${provenance(a.provenance[termId])}`,
        );
      }
      if (!any) print(say("    (aucun)", "    (none)"));
      const t = a.terms;
      const rules = ruleRows(t);
      for (const [, label, value] of rules) if (value) print(`    ${label}${colon}${value}`);
      if (a.subprocessors.length > 0) {
        print(say("  sous-traitants ultérieurs :", "  sub-processors:"));
        for (const s of a.subprocessors) {
          print(
            `    ${s.name}${s.activity ? ` — ${s.activity}` : ""}${s.location ? ` — ${s.location}` : ""} (${s.transferMechanism})`,
          );
        }
      }
      const processing = a.processing;
      if (processing.purposes.length > 0 || processing.subjectMatter) {
        print(say("  traitement (art. 28(3)) :", "  processing (Art. 28(3)):"));
        if (processing.subjectMatter)
          print(`    ${say("objet", "subject-matter")}: ${processing.subjectMatter}`);
        if (processing.purposes.length > 0)
          print(`    ${say("finalités", "purposes")}: ${processing.purposes.join("; ")}`);
        if (processing.dataCategories.length > 0)
          print(
            `    ${say("données", "data")}: ${processing.dataCategories.map((d) => `${d.name} (${d.sensitivity})`).join("; ")}`,
          );
        if (processing.dataSubjects.length > 0)
          print(`    ${say("personnes", "data subjects")}: ${processing.dataSubjects.join("; ")}`);
        if (processing.retention) print(`    ${say("conservation", "retention")}: ${processing.retention}`);
      }
      if (a.securityMeasures.length > 0) {
        print(say("  mesures de sécurité :", "  security measures:"));
        for (const m of a.securityMeasures) print(`    ${m.category}: ${m.description}`);
      }
      print(say("  versions :", "  versions:"));
      for (const v of versions) {
        print(
          `    v${v.version} ${v.reason === "created" ? say("création", "created") : say("avenant", "amendment")} ${when(v.at)} ${v.by}${v.note ? ` — ${v.note}` : ""}`,
        );
      }
      if (detail.arrangement) {
        const arrangement = detail.arrangement;
        print(
          `  ENT${colon}${arrangement.ent}${arrangement.model !== null ? say(` (modèle ${arrangement.model} du kit)`, ` (kit model ${arrangement.model})`) : ""}`,
        );
        if (arrangement.schools.length > 0)
          print(
            `  ${say("établissements couverts", "schools covered")}${colon}${arrangement.schools.map(name).join(", ")}`,
          );
        if (arrangement.signedForAllBy !== null)
          print(
            `  ${say("signé pour tous les responsables conjoints par", "signed for every joint controller by")}${colon}${name(arrangement.signedForAllBy)}`,
          );
        if (arrangement.allocation.length > 0) {
          print(say("  répartition des devoirs (art. 26) :", "  allocation of duties (Art. 26):"));
          for (const line of allocationLines(arrangement.allocation, name, lang)) print(`    ${line}`);
        }
      }
      if (obligations.length > 0) {
        print(say("  obligations :", "  obligations:"));
        for (const o of obligations) {
          const zone = calendarFor(organisations[o.holderId]?.calendar ?? "FR").timeZone;
          print(
            `    ${formatInstant(o.due, zone)}  ${OBLIGATION_STATUS_LABELS[o.status][lang]}  ${name(o.holderId)}${colon}${o.what[lang]}`,
          );
        }
      }
    });
}

/** « 24 heures à compter de la découverte »: a term's period with the event it runs from, when the term names one. */
function periodWords(terms: AgreementTerms, termId: TermId, lang: Language): string {
  const duration = terms.durations[termId];
  if (!duration) return "";
  const trigger = terms.triggers?.[termId];
  return `${formatDuration(duration, lang)}${trigger ? ` ${TERM_TRIGGER_LABELS[trigger][lang]}` : ""}`;
}
