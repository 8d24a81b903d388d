// Use case: fill an empty register with a believable world — an académie, a collectivité, schools, the vendors
// behind the shared seed agreements (read from their texts when present) and events that leave open duties.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Agreement, AgreementKind, Party } from "../../domain/agreement.js";
import { epochDayFromIso } from "../../domain/epoch-day.js";
import { Art28Error } from "../../domain/error.js";
import type { Organisation, OrganisationInput } from "../../domain/organisation.js";
import type { Principal } from "../../domain/principal.js";
import type { AgreementTerms } from "../../domain/terms.js";
import { setAgreementStatus } from "../agreements/change-agreement-status.js";
import { addAgreement } from "../agreements/create-agreement.js";
import {
  type AgreementDocument,
  addImportedAgreement,
  readAgreementDocument,
} from "../agreements/import-agreement.js";
import { addJointArrangement } from "../agreements/tie-agreement-to-ent.js";
import { addBreach } from "../breaches/record-breach.js";
import { addRecurringDuty } from "../obligations/schedule-recurring-duty.js";
import { addOrganisation } from "../organisations/create-organisation.js";
import { addRequest } from "../requests/receive-request.js";
import { addSubprocessorChange } from "../subprocessor-changes/announce-subprocessor-change.js";
import type { Register } from "./open-register.js";
import { inTransaction } from "./unit-of-work.js";

/** ../shared/seeds next to the package root, whatever the working directory (src/app/register or dist/app/register). */
export const DEFAULT_SEEDS_DIR = join(
  fileURLToPath(new URL("../../..", import.meta.url)),
  "..",
  "shared",
  "seeds",
);

export interface SeedDemoOptions {
  readonly register: Register;
  readonly principal: Principal;
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
  principal,
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

  const { result } = await inTransaction(register, principal, now, async (unit) => {
    unit.access.requireOperator({ fr: "registre", en: "register" });
    const head = await unit.journal.head(principal.tenant);
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
    const _entEcole = await addDpa("ent", "ecole", "ent");
    // GDPR Art. 26, as the Ministry's ENT kit writes it: one convention per lycée (model 2: académie, région and the
    // lycée) and one for the écoles (model 1: académie and région), grouped under the ENT; the vendor's agreement,
    // signed by the région for every joint controller, serves that ENT.
    const ENT = "ENT Auvergne-Rhône-Alpes (démo)";
    const joint = await addAgreement(unit, {
      kind: "joint_controller" as AgreementKind,
      title: "Convention de responsabilité conjointe — ENT, Lycée Marie-Curie (modèle 2)",
      parties: [
        { organisationId: orgs.academie.id, role: "joint_controller" },
        { organisationId: orgs.region.id, role: "joint_controller" },
        { organisationId: orgs.lycee.id, role: "joint_controller" },
      ] satisfies Party[],
      terms: {
        durations: { incident_alert_between_controllers: { amount: 24, unit: "hours" } },
        governingLaw: "FR",
      },
      status: "active",
      effectiveOn: EFFECTIVE,
      ent: { ent: ENT, model: 2 },
    });
    const ecoles = await addAgreement(unit, {
      kind: "joint_controller" as AgreementKind,
      title: "Convention de responsabilité conjointe — ENT, écoles (modèle 1)",
      parties: [
        { organisationId: orgs.academie.id, role: "joint_controller" },
        { organisationId: orgs.region.id, role: "joint_controller" },
      ] satisfies Party[],
      status: "active",
      effectiveOn: EFFECTIVE,
      ent: { ent: ENT, model: 1, schools: [orgs.ecole.id] },
    });
    agreements.push({ agreement: ecoles, source: "typed" });
    await addJointArrangement(unit, entRegion, { ent: ENT, signedForAllBy: orgs.region.id });
    agreements.push({ agreement: joint, source: "typed" });

    // The events go through the workflows' own steps, so the demo's breach, request and change are live records
    // that `art28 breach`, `request` and `subprocessor` carry on with.

    // People note the time of an incident to the minute.
    const minute = now - (now % 60_000);

    // 1. A breach at the Korrigo operator, known 5 hours ago: notice owed to each school (GDPR Art. 33(2)).
    const breach = await addBreach(unit, {
      processor: orgs.korrigo.id,
      agreements: [korrigoLycee.id, korrigoCollege.id],
      details: {
        natures: ["confidentiality"],
        discoveredAt: minute - 7 * HOUR,
        awareAt: minute - 5 * HOUR,
        description: "Copies numérisées consultables sans authentification pendant une mise à jour",
        dataCategories: ["copies d'examen", "noms des élèves"],
        approximatePeople: 340,
        measuresTaken: "Accès public coupé, liens régénérés",
      },
    });

    // 2. An access request received by Scolares yesterday: to be forwarded to the pouvoir organisateur.
    const request = await addRequest(unit, {
      right: "access",
      receivedBy: orgs.scolares.id,
      agreement: scolares.id,
      receivedAt: minute - 26 * HOUR,
      summary: "Un parent demande une copie du dossier de son enfant",
    });

    // 3. The ENT provider announced a new sub-processor two days ago: each customer's objection window (Art. 28(2)).
    const change = await addSubprocessorChange(unit, {
      processor: orgs.ent.id,
      kind: "addition",
      subprocessor: { name: "Hébergeur de sauvegardes (démo)", activity: "sauvegarde", location: "FR" },
      announcedAt: minute - 48 * HOUR,
    });
    // 4. Scolares reviews its security measures every year from the agreement's effect (GDPR Art. 32(1)(d)).
    const review = await addRecurringDuty(unit, {
      agreement: scolares.id,
      kind: "security_measures_review",
      every: "1 an",
    });

    const opened =
      [...breach.duties, request.duty, review.obligation].length +
      change.windows.filter((w) => w.obligationId !== null).length;
    unit.record({
      type: "demo.seeded",
      payload: {
        v: 1,
        organisations: Object.keys(orgs).length,
        agreements: agreements.length,
        obligations: opened,
      },
    });
    return {
      organisations: Object.values(orgs).map((o) => ({ id: o.id, name: o.name, type: o.type })),
      agreements: agreements.map(({ agreement, source }) => ({
        id: agreement.id,
        title: agreement.title,
        source,
      })),
      obligations: opened,
      seedsUsed: Object.values(seedPaths),
      seedsDir,
    };
  });
  return result;
}
