// Use case: fill an empty register with a believable world — an académie, a collectivité, schools, the vendors
// behind the shared seed agreements (read from their texts when present) and events that leave open duties.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Actor } from "../domain/actor.js";
import type { Agreement, AgreementKind, Party } from "../domain/agreement.js";
import { calendarFor } from "../domain/calendar.js";
import type { Duration } from "../domain/duration.js";
import { epochDayFromIso } from "../domain/epoch-day.js";
import { Art28Error, type LocalizedText } from "../domain/error.js";
import { dueUnderStatuteQualifier, dueUnderTerm, type ObligationDraft } from "../domain/obligation.js";
import type { Organisation, OrganisationInput } from "../domain/organisation.js";
import type { AgreementTerms, TermId } from "../domain/terms.js";
import { setAgreementStatus } from "./change-agreement-status.js";
import { addAgreement } from "./create-agreement.js";
import { addOrganisation } from "./create-organisation.js";
import { type AgreementDocument, addImportedAgreement, readAgreementDocument } from "./import-agreement.js";
import type { Register } from "./open-register.js";
import { recordObligations } from "./record-obligations.js";
import { inTransaction, newId } from "./unit-of-work.js";

/** ../shared/seeds next to the package root, whatever the working directory (src/app or dist/app). */
export const DEFAULT_SEEDS_DIR = join(
  fileURLToPath(new URL("../..", import.meta.url)),
  "..",
  "shared",
  "seeds",
);

export interface SeedDemoOptions {
  readonly register: Register;
  readonly actor: Actor;
  readonly input?: {
    /** Where the seed agreements are; null to use hand-entered equivalents only. */
    readonly seedsDir?: string | null;
  };
  readonly now: number;
  readonly lang?: "fr" | "en";
}

export interface DemoSummary {
  readonly organisations: readonly { readonly id: string; readonly name: string; readonly type: string }[];
  readonly agreements: readonly { readonly id: string; readonly title: string; readonly source: string }[];
  readonly obligations: number;
  readonly seedsUsed: readonly string[];
  readonly seedsDir: string | null;
}

const HOUR = 3_600_000;
const EFFECTIVE = "2025-09-01";

const ORGANISATIONS = {
  academie: { name: "Académie de Lyon", type: "academie", roles: ["controller"] },
  region: {
    name: "Région Auvergne-Rhône-Alpes",
    type: "collectivite",
    roles: ["controller"],
    identifiers: { siren: "200053767" },
  },
  ecole: {
    name: "École élémentaire Jean-Moulin",
    type: "ecole",
    roles: ["controller"],
    identifiers: { uai: "0691234S" },
  },
  college: {
    name: "Collège Louise-Michel",
    type: "college",
    roles: ["controller"],
    identifiers: { uai: "0692345Z" },
  },
  lycee: {
    name: "Lycée Marie-Curie",
    type: "lycee",
    roles: ["controller"],
    identifiers: { uai: "0693456G" },
    dpo: { name: "DPD académique", email: "dpd@example.org" },
  },
  pouvoir: {
    name: "Pouvoir organisateur Institut Saint-Michel",
    type: "pouvoir_organisateur",
    roles: ["controller"],
    country: "BE",
    calendar: "BE",
    identifiers: { bce: "0876543270" },
  },
  scolares: {
    name: "Scolares (ProEco, ProPMS)",
    type: "editeur",
    roles: ["processor"],
    country: "BE",
    calendar: "BE",
  },
  korrigo: { name: "Opérateur de Korrigo PMF", type: "editeur", roles: ["processor"] },
  ent: { name: "Prestataire ENT (démo)", type: "editeur", roles: ["processor"] },
} satisfies Record<string, OrganisationInput>;

type Key = keyof typeof ORGANISATIONS;

/** What each seed is recognised by, and the hand-entered terms that stand in for it when it is absent. */
const SEEDS = {
  scolares: {
    recognise: /ProECO|Scolares/i,
    typed: {
      durations: {
        breach_notification_to_controller: { amount: 48, unit: "hours" },
        dsr_forwarding_to_controller: { amount: 3, unit: "working_days" },
        subprocessor_objection_period: { amount: 30, unit: "days" },
        deletion_after_termination: { amount: 30, unit: "days" },
      },
      subprocessorAuthorization: "general",
      governingLaw: "BE",
    },
  },
  korrigo: {
    recognise: /Korrigo/i,
    typed: {
      durations: {
        breach_notification_to_controller: { amount: 24, unit: "hours" },
        subprocessor_objection_period: { amount: 30, unit: "days" },
        deletion_after_termination: { amount: 30, unit: "days" },
        audit_notice: { amount: 30, unit: "days" },
      },
      governingLaw: "FR",
    },
  },
  ent: {
    recognise: /Kit de conventionnement|espace num[ée]rique de travail/i,
    typed: {
      durations: {
        breach_notification_to_controller: { qualifier: "without_undue_delay" },
        subprocessor_objection_period: { amount: 4, unit: "weeks" },
        deletion_after_termination: { amount: 6, unit: "months" },
      },
      subprocessorAuthorization: "general",
      objectionSilence: "accepted",
      governingLaw: "FR",
    },
  },
} satisfies Record<string, { recognise: RegExp; typed: AgreementTerms }>;

type SeedKey = keyof typeof SEEDS;

function findSeeds(dir: string | null): Partial<Record<SeedKey, string>> {
  const found: Partial<Record<SeedKey, string>> = {};
  if (!dir || !existsSync(dir)) return found;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    let head: string;
    try {
      head = readFileSync(path).subarray(0, 20_000).toString("latin1");
    } catch {
      continue;
    }
    for (const key of Object.keys(SEEDS) as SeedKey[]) {
      if (!found[key] && SEEDS[key].recognise.test(head)) {
        found[key] = path;
        break;
      }
    }
  }
  return found;
}

export async function seedDemo({
  register,
  actor,
  input = {},
  now,
  lang = "fr",
}: SeedDemoOptions): Promise<DemoSummary> {
  const seedsDir = input.seedsDir === undefined ? DEFAULT_SEEDS_DIR : input.seedsDir;
  const seedPaths = findSeeds(seedsDir);
  // Documents are analysed before the transaction opens.
  const documents: Partial<Record<SeedKey, AgreementDocument>> = {};
  for (const key of Object.keys(seedPaths) as SeedKey[]) {
    documents[key] = await readAgreementDocument(seedPaths[key] as string, lang);
  }

  const { result } = await inTransaction(register, actor, now, async (unit) => {
    const head = await unit.journal.head(actor.tenant);
    if ((await unit.organisations.count()) > 0 || (head !== null && head.seq > 0)) {
      throw new Art28Error("conflict", {
        fr: "la démo ne remplit qu'une base vide : celle-ci contient déjà des données (choisissez un autre fichier avec DATABASE_URL=file:demo.sqlite)",
        en: "the demo only fills an empty database: this one already holds data (pick another file with DATABASE_URL=file:demo.sqlite)",
      });
    }
    const orgs = {} as Record<Key, Organisation>;
    for (const key of Object.keys(ORGANISATIONS) as Key[])
      orgs[key] = await addOrganisation(unit, ORGANISATIONS[key]);

    const agreements: { agreement: Agreement; source: string }[] = [];
    const addDpa = async (seed: SeedKey, controller: Key, processor: Key): Promise<Agreement> => {
      const document = documents[seed];
      let agreement: Agreement;
      if (document) {
        ({ agreement } = await addImportedAgreement(unit, document, {
          controller: orgs[controller],
          processor: orgs[processor],
          lang,
        }));
      } else {
        agreement = await addAgreement(unit, {
          kind: "dpa",
          title: `${orgs[processor].name} — ${orgs[controller].name}`,
          parties: [
            { organisationId: orgs[controller].id, role: "controller" },
            { organisationId: orgs[processor].id, role: "processor" },
          ],
          terms: SEEDS[seed].typed as AgreementTerms,
        });
      }
      agreement = await setAgreementStatus(unit, agreement, "active", {
        effectiveOn: epochDayFromIso(EFFECTIVE),
      });
      agreements.push({ agreement, source: document?.fileName ?? "typed" });
      return agreement;
    };

    const scolares = await addDpa("scolares", "pouvoir", "scolares");
    const korrigoLycee = await addDpa("korrigo", "lycee", "korrigo");
    const korrigoCollege = await addDpa("korrigo", "college", "korrigo");
    const entRegion = await addDpa("ent", "region", "ent");
    const entEcole = await addDpa("ent", "ecole", "ent");
    // GDPR Art. 26: the académie and the région jointly decide the ENT's purposes and means.
    const joint = await addAgreement(unit, {
      kind: "joint_controller" as AgreementKind,
      title: "Convention de responsabilité conjointe — ENT",
      parties: [
        { organisationId: orgs.academie.id, role: "joint_controller" },
        { organisationId: orgs.region.id, role: "joint_controller" },
      ] satisfies Party[],
      terms: {
        durations: { incident_alert_between_controllers: { amount: 24, unit: "hours" } },
        governingLaw: "FR",
      },
      status: "active",
      effectiveOn: EFFECTIVE,
    });
    agreements.push({ agreement: joint, source: "typed" });

    const drafts: ObligationDraft[] = [];
    const due = (
      agreement: Agreement,
      termId: TermId,
      holder: Organisation,
      trigger: number,
      fallback: { rule: string; qualifier: "without_undue_delay" | "reasonable" },
    ) => {
      const duration: Duration | undefined = agreement.terms.durations[termId];
      const calendar = calendarFor(holder.calendar);
      const interpretation = holder.qualifierInterpretation ?? undefined;
      return duration
        ? dueUnderTerm(trigger, termId, duration, calendar, interpretation)
        : dueUnderStatuteQualifier(trigger, fallback.rule, fallback.qualifier, calendar, interpretation);
    };

    // 1. A breach at the Korrigo operator, known 5 hours ago: notice owed to each school (GDPR Art. 33(2)).
    const breach = { id: newId(), at: now - 5 * HOUR };
    unit.record({
      type: "breach.recorded",
      payload: {
        v: 2,
        breachId: breach.id,
        side: "processor",
        recordedBy: orgs.korrigo.id,
        awareAt: breach.at,
        description: "Copies numérisées consultables sans authentification pendant une mise à jour",
      },
    });
    for (const agreement of [korrigoLycee, korrigoCollege]) {
      const controller = agreement.parties.find((p) => p.role === "controller")?.organisationId as string;
      const name = controller === orgs.lycee.id ? orgs.lycee.name : orgs.college.name;
      drafts.push({
        kind: "notify_breach_to_controller",
        holderId: orgs.korrigo.id,
        counterpartyId: controller,
        agreementId: agreement.id,
        trigger: { type: "breach.recorded", id: breach.id, at: breach.at },
        ...due(agreement, "breach_notification_to_controller", orgs.korrigo, breach.at, {
          rule: "GDPR Art. 33(2)",
          qualifier: "without_undue_delay",
        }),
        what: text(
          `Notifier la violation de données à ${name}`,
          `Notify the personal data breach to ${name}`,
        ),
      });
    }

    // 2. An access request received by Scolares yesterday: to be forwarded to the pouvoir organisateur.
    const request = { id: newId(), at: now - 26 * HOUR };
    unit.record({
      type: "request.received",
      payload: {
        v: 1,
        requestId: request.id,
        receivedBy: orgs.scolares.id,
        receivedAt: request.at,
        right: "access",
      },
    });
    drafts.push({
      kind: "forward_request_to_controller",
      holderId: orgs.scolares.id,
      counterpartyId: orgs.pouvoir.id,
      agreementId: scolares.id,
      trigger: { type: "request.received", id: request.id, at: request.at },
      ...due(scolares, "dsr_forwarding_to_controller", orgs.scolares, request.at, {
        rule: "GDPR Art. 28(3)(e)",
        qualifier: "without_undue_delay",
      }),
      what: text(
        `Transmettre la demande d'accès d'un parent à ${orgs.pouvoir.name}`,
        `Forward a parent's access request to ${orgs.pouvoir.name}`,
      ),
    });

    // 3. The ENT provider announced a new sub-processor two days ago: each customer's objection window (Art. 28(2)).
    const change = { id: newId(), at: now - 48 * HOUR };
    unit.record({
      type: "subprocessor_change.announced",
      payload: {
        v: 1,
        changeId: change.id,
        processorId: orgs.ent.id,
        change: "addition",
        subprocessor: "Hébergeur de sauvegardes (démo)",
        announcedAt: change.at,
      },
    });
    for (const [agreement, controller] of [
      [entRegion, orgs.region],
      [entEcole, orgs.ecole],
    ] as const) {
      drafts.push({
        kind: "decide_on_subprocessor_change",
        holderId: controller.id,
        counterpartyId: orgs.ent.id,
        agreementId: agreement.id,
        trigger: { type: "subprocessor_change.announced", id: change.id, at: change.at },
        ...due(agreement, "subprocessor_objection_period", controller, change.at, {
          rule: "GDPR Art. 28(2)",
          qualifier: "reasonable",
        }),
        what: text(
          "Accepter ou refuser le nouveau sous-traitant ultérieur du prestataire ENT",
          "Accept or object to the ENT provider's new sub-processor",
        ),
      });
    }
    const obligations = await recordObligations(unit, drafts);
    unit.record({
      type: "demo.seeded",
      payload: {
        v: 1,
        organisations: Object.keys(orgs).length,
        agreements: agreements.length,
        obligations: obligations.length,
      },
    });
    return {
      organisations: Object.values(orgs).map((o) => ({ id: o.id, name: o.name, type: o.type })),
      agreements: agreements.map(({ agreement, source }) => ({
        id: agreement.id,
        title: agreement.title,
        source,
      })),
      obligations: obligations.length,
      seedsUsed: Object.values(seedPaths),
      seedsDir,
    };
  });
  return result;
}

function text(fr: string, en: string): LocalizedText {
  return { fr, en };
}
