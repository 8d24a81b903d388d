// A controller's requirements for its processors' agreements, and whether an analysed agreement meets them.

import { z } from "zod";
import {
  DURATION_UNITS,
  type Duration,
  type DurationUnit,
  type FixedDuration,
  formatDuration,
  isFixed,
  type Language,
} from "../domain/duration.js";
import { compareDurations, isSurelyAtLeast, isSurelyAtMost } from "../domain/duration-comparison.js";
import { parseDuration } from "../domain/duration-parser.js";
import { invalidInput, type LocalizedText } from "../domain/error.js";
import { AUTHORIZATION_LABELS, SILENCE_LABELS, TERM_LABELS, TRANSFER_LABELS } from "../domain/term-labels.js";
import {
  OBJECTION_SILENCES,
  type ObjectionSilence,
  SUBPROCESSOR_AUTHORIZATIONS,
  type SubprocessorAuthorization,
  type TermId,
  TRANSFER_RULES,
  type TransferRule,
} from "../domain/terms.js";
import type { Analysis, Flag, FoundTerm } from "./analysis.js";
import { CHECKLIST_LABELS, checklistLabel, STATUS_LABELS } from "./report/labels.js";

type Bound = "max" | "min";

interface DurationRequirement {
  readonly term: TermId;
  readonly bound: Bound;
}

/**
 * The periods a policy may bound, from the controller's side: a maximum for what the processor
 * must do quickly, a minimum for the notice or the time the controller is given.
 */
export const DURATION_REQUIREMENTS = {
  maxBreachNotice: { term: "breach_notification_to_controller", bound: "max" },
  maxIncidentAlert: { term: "incident_alert_between_controllers", bound: "max" },
  maxDsrForwarding: { term: "dsr_forwarding_to_controller", bound: "max" },
  maxDsrAssistance: { term: "dsr_assistance", bound: "max" },
  maxDeletionOnRequest: { term: "data_deletion_on_request", bound: "max" },
  maxDeletionAfterTermination: { term: "deletion_after_termination", bound: "max" },
  maxBackupDeletion: { term: "backup_deletion", bound: "max" },
  maxAuditNotice: { term: "audit_notice", bound: "max" },
  maxCorrectiveActionPlan: { term: "corrective_action_plan", bound: "max" },
  maxLogRetention: { term: "log_retention", bound: "max" },
  minLogRetention: { term: "log_retention", bound: "min" },
  minSubprocessorObjection: { term: "subprocessor_objection_period", bound: "min" },
  minAnnexUpdateNotice: { term: "annex_update_notice", bound: "min" },
  minTerminationNotice: { term: "termination_notice", bound: "min" },
  minConfidentialitySurvival: { term: "confidentiality_survival", bound: "min" },
} as const satisfies Record<string, DurationRequirement>;

export type DurationRequirementKey = keyof typeof DURATION_REQUIREMENTS;

const ISSUE: unique symbol = Symbol("localized issue");

/** Adds an issue whose message a person can read in either language. */
function fail(ctx: z.RefinementCtx, text: LocalizedText): never {
  ctx.addIssue({ code: "custom", message: text.en, params: { [ISSUE]: text } });
  return z.NEVER;
}

/** "a, b ou c" / "a, b or c". */
function or(values: readonly string[], lang: Language): string {
  return values.join(", ").replace(/, ([^,]*)$/, lang === "fr" ? " ou $1" : " or $1");
}

const DURATION_ACCEPTED: LocalizedText = {
  fr: `une durée comme « 48 heures », « 30 jours », « 3 jours ouvrés », ou { "amount": 48, "unit": "hours" } (unités : ${DURATION_UNITS.join(", ")})`,
  en: `a period such as "48 hours", "30 days", "3 working days", or { "amount": 48, "unit": "hours" } (units: ${DURATION_UNITS.join(", ")})`,
};

const durationValue = z.unknown().transform((value, ctx): FixedDuration => {
  if (typeof value === "string") {
    const duration = parseDuration(value);
    if (duration && isFixed(duration)) return duration;
    return fail(ctx, {
      fr: `« ${value} » n'est pas une durée chiffrée ; attendu : ${DURATION_ACCEPTED.fr}`,
      en: `"${value}" is not a period with a number; expected ${DURATION_ACCEPTED.en}`,
    });
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const { amount, unit, ...rest } = value as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (
      extra.length === 0 &&
      typeof amount === "number" &&
      Number.isInteger(amount) &&
      amount > 0 &&
      typeof unit === "string" &&
      (DURATION_UNITS as readonly string[]).includes(unit)
    )
      return { amount, unit: unit as DurationUnit };
  }
  return fail(ctx, {
    fr: `durée invalide ; attendu : ${DURATION_ACCEPTED.fr}`,
    en: `not a valid period; expected ${DURATION_ACCEPTED.en}`,
  });
});

/** One value of a closed list, or (when `many`) a list of them. */
function oneOf<T extends string>(values: readonly T[]) {
  return z.unknown().transform((value, ctx): T => {
    if (typeof value === "string" && (values as readonly string[]).includes(value)) return value as T;
    return fail(ctx, {
      fr: `${JSON.stringify(value)} n'est pas accepté ; attendu : ${or(values, "fr")}`,
      en: `${JSON.stringify(value)} is not accepted; expected ${or(values, "en")}`,
    });
  });
}

/** Reads one value or a non-empty list of values: from a closed list, or matching `check`. */
function readList<T extends string>(
  value: unknown,
  ctx: z.RefinementCtx,
  values: readonly T[] | null,
  what: LocalizedText,
  check?: RegExp,
): T[] {
  const items = typeof value === "string" ? [value] : value;
  const accepted = values ? { fr: or(values, "fr"), en: or(values, "en") } : what;
  if (!Array.isArray(items) || items.length === 0)
    return fail(ctx, {
      fr: `attendu : une liste non vide (${accepted.fr})`,
      en: `expected a non-empty list (${accepted.en})`,
    });
  const out: T[] = [];
  for (const item of items) {
    const ok =
      typeof item === "string" &&
      (values ? (values as readonly string[]).includes(item) : (check?.test(item) ?? true));
    if (!ok)
      return fail(ctx, {
        fr: `${JSON.stringify(item)} n'est pas accepté ; attendu : ${accepted.fr}`,
        en: `${JSON.stringify(item)} is not accepted; expected ${accepted.en}`,
      });
    out.push(item as T);
  }
  return out;
}

function listOf<T extends string>(values: readonly T[] | null, what: LocalizedText, check?: RegExp) {
  return z.unknown().transform((value, ctx): T[] => readList(value, ctx, values, what, check));
}

const durationShape = Object.fromEntries(
  Object.keys(DURATION_REQUIREMENTS).map((key) => [key, durationValue.optional()]),
) as { [K in DurationRequirementKey]: z.ZodOptional<typeof durationValue> };

const CHECKLIST_IDS = Object.keys(CHECKLIST_LABELS);
// Closed lists describe themselves by their values.
const NO_DESCRIPTION: LocalizedText = { fr: "", en: "" };

/** A controller's policy file (JSON). Every field is optional; unknown fields are refused. */
export const policySchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    ...durationShape,
    transfersOutsideEEA: listOf(TRANSFER_RULES, NO_DESCRIPTION).optional(),
    subprocessorAuthorization: oneOf(SUBPROCESSOR_AUTHORIZATIONS).optional(),
    objectionSilence: oneOf(OBJECTION_SILENCES).optional(),
    governingLaw: listOf(
      null,
      {
        fr: "des codes pays ISO à deux lettres, p. ex. FR, BE",
        en: "two-letter ISO country codes, e.g. FR, BE",
      },
      /^[A-Z]{2}$/,
    ).optional(),
    minAuditsPerYear: z
      .unknown()
      .transform((value, ctx): number => {
        if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 12) return value;
        return fail(ctx, {
          fr: `${JSON.stringify(value)} n'est pas accepté ; attendu : un nombre entier de 1 à 12`,
          en: `${JSON.stringify(value)} is not accepted; expected a whole number from 1 to 12`,
        });
      })
      .optional(),
    requireChecklist: z
      .unknown()
      .transform((value, ctx): string[] =>
        value === "all" ? [...CHECKLIST_IDS] : readList(value, ctx, CHECKLIST_IDS, NO_DESCRIPTION),
      )
      .optional(),
    forbiddenFlags: listOf(
      null,
      {
        fr: "des identifiants d'alerte, p. ex. silence_deemed_acceptance",
        en: "flag ids, e.g. silence_deemed_acceptance",
      },
      /^[a-z][a-z0-9_]*$/,
    ).optional(),
  })
  .strict();

export type Policy = z.output<typeof policySchema>;

function issueText(issue: z.core.$ZodIssue): LocalizedText {
  if (issue.code === "custom") {
    const text = (issue.params as Record<symbol, LocalizedText> | undefined)?.[ISSUE];
    if (text) return text;
  }
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(policySchema.shape).filter((k) => k !== "$schema");
    return {
      fr: `champ inconnu ${issue.keys.map((k) => `« ${k} »`).join(", ")} ; champs acceptés : ${known.join(", ")}`,
      en: `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}; accepted fields: ${known.join(", ")}`,
    };
  }
  if (issue.code === "invalid_type" && issue.path.length === 0)
    return { fr: "le fichier doit contenir un objet JSON", en: "the file must hold a JSON object" };
  return { fr: issue.message, en: issue.message };
}

/**
 * Reads a policy from parsed JSON, or throws an `invalid_input` error whose one line names the field
 * at fault ("maxBreachNotice : « bientôt » n'est pas une durée chiffrée…").
 */
export function parsePolicy(json: unknown): Policy {
  const result = policySchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const text = issueText(issue);
  const field = issue.path.map(String).join(".");
  throw invalidInput(field ? { fr: `${field} : ${text.fr}`, en: `${field}: ${text.en}` } : text, {
    argument: "policy",
  });
}

// --- Evaluation -------------------------------------------------------------------------------------

const POLICY_FLAG_PREFIX = "policy_";

/** Whether a flag is a policy result rather than a risk the analyzer found. */
export function isPolicyFlag(flag: Flag): boolean {
  return flag.id.startsWith(POLICY_FLAG_PREFIX);
}

/** A policy result is compliant when low, non-compliant when high (see `verdict`). */
export function isCompliant(flag: Flag): boolean {
  return isPolicyFlag(flag) && flag.severity === "low";
}

function flagId(key: string): string {
  // maxBreachNotice → policy_max_breach_notice; transfersOutsideEEA → policy_transfers_outside_eea.
  return `${POLICY_FLAG_PREFIX}${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()}`;
}

function statedDuration(term: FoundTerm): Duration | null {
  if (term.amount !== null && term.unit !== null) return { amount: term.amount, unit: term.unit };
  if (term.qualifier !== null) return { qualifier: term.qualifier };
  return null;
}

interface Outcome {
  readonly compliant: boolean;
  /** What the agreement says, as the reason for the verdict. */
  readonly reason: LocalizedText;
  readonly quote: string | null;
}

function verdict(
  key: string,
  requirement: LocalizedText,
  { compliant, reason, quote }: Outcome,
  lang: Language,
): Flag {
  const message =
    lang === "fr"
      ? `${requirement.fr} : ${compliant ? "conforme" : "non conforme"} (${reason.fr}).`
      : `${requirement.en}: ${compliant ? "compliant" : "non-compliant"} (${reason.en}).`;
  return { id: flagId(key), severity: compliant ? "low" : "high", message, quote };
}

function both(build: (lang: Language) => string): LocalizedText {
  return { fr: build("fr"), en: build("en") };
}

function durationOutcome(found: FoundTerm | undefined, bound: Bound, limit: FixedDuration): Outcome {
  const stated = found ? statedDuration(found) : null;
  const quote = found?.quote ?? null;
  if (!stated)
    return {
      compliant: false,
      reason: { fr: "l'accord ne fixe pas ce délai", en: "the agreement sets no such period" },
      quote,
    };
  const says = both((lang) => formatDuration(stated, lang));
  const ok = bound === "max" ? isSurelyAtMost(stated, limit) : isSurelyAtLeast(stated, limit);
  if (ok)
    return {
      compliant: true,
      reason: { fr: `l'accord prévoit ${says.fr}`, en: `the agreement says ${says.en}` },
      quote,
    };
  if (!isFixed(stated))
    return {
      compliant: false,
      reason: {
        fr: `l'accord dit seulement « ${says.fr} », sans délai chiffré`,
        en: `the agreement only says "${says.en}", with no number`,
      },
      quote,
    };
  const order = bound === "max" ? compareDurations(stated, limit) : compareDurations(limit, stated);
  if (order === "undetermined") {
    const limitText = both((lang) => formatDuration(limit, lang));
    return {
      compliant: false,
      reason:
        bound === "max"
          ? {
              fr: `l'accord prévoit ${says.fr}, qui peuvent dépasser ${limitText.fr} selon le jour de départ`,
              en: `the agreement says ${says.en}, which can exceed ${limitText.en} depending on the starting day`,
            }
          : {
              fr: `l'accord prévoit ${says.fr}, qui peuvent être plus courts que ${limitText.fr} selon le jour de départ`,
              en: `the agreement says ${says.en}, which can be shorter than ${limitText.en} depending on the starting day`,
            },
      quote,
    };
  }
  return {
    compliant: false,
    reason: { fr: `l'accord prévoit ${says.fr}`, en: `the agreement says ${says.en}` },
    quote,
  };
}

const NOT_STATED: LocalizedText = { fr: "l'accord n'en dit rien", en: "the agreement does not say" };

function choiceOutcome<T extends string>(
  found: T | null,
  accepted: readonly T[],
  labels: Record<T, LocalizedText>,
): Outcome {
  if (found === null) return { compliant: false, reason: NOT_STATED, quote: null };
  const label = labels[found];
  return {
    compliant: accepted.includes(found),
    reason: { fr: `l'accord prévoit : ${label.fr}`, en: `the agreement says: ${label.en}` },
    quote: null,
  };
}

/** Compares an analysed agreement with a policy: one `policy_*` flag per requirement, compliant or not. */
export function evaluatePolicy(analysis: Analysis, policy: Policy, lang: Language): Flag[] {
  const flags: Flag[] = [];
  for (const [key, { term, bound }] of Object.entries(DURATION_REQUIREMENTS) as [
    DurationRequirementKey,
    DurationRequirement,
  ][]) {
    const limit = policy[key];
    if (!limit) continue;
    const label = TERM_LABELS[term];
    const limitText = both((l) => formatDuration(limit, l));
    const requirement =
      bound === "max"
        ? { fr: `${label.fr}, ${limitText.fr} au plus`, en: `${label.en}, at most ${limitText.en}` }
        : { fr: `${label.fr}, ${limitText.fr} au moins`, en: `${label.en}, at least ${limitText.en}` };
    flags.push(verdict(key, requirement, durationOutcome(analysis.terms[term], bound, limit), lang));
  }

  if (policy.transfersOutsideEEA) {
    const accepted = policy.transfersOutsideEEA;
    const list = both((l) =>
      or(
        accepted.map((rule) => TRANSFER_LABELS[rule][l]),
        l,
      ),
    );
    flags.push(
      verdict(
        "transfersOutsideEEA",
        { fr: `Transferts hors EEE (${list.fr})`, en: `Transfers outside the EEA (${list.en})` },
        choiceOutcome<TransferRule>(analysis.transfersOutsideEEA, accepted, TRANSFER_LABELS),
        lang,
      ),
    );
  }

  if (policy.subprocessorAuthorization) {
    // A specific authorisation is stricter than a general one, so it always satisfies a policy.
    const required: SubprocessorAuthorization = policy.subprocessorAuthorization;
    const accepted: SubprocessorAuthorization[] =
      required === "general" ? ["general", "specific"] : ["specific"];
    const label = AUTHORIZATION_LABELS[required];
    flags.push(
      verdict(
        "subprocessorAuthorization",
        {
          fr: `Sous-traitants ultérieurs, art. 28.2 (${label.fr})`,
          en: `Sub-processors, Art. 28(2) (${label.en})`,
        },
        choiceOutcome(analysis.subprocessorAuthorization, accepted, AUTHORIZATION_LABELS),
        lang,
      ),
    );
  }

  if (policy.objectionSilence) {
    // Silence read as refusal protects the controller more, so it satisfies either policy.
    const required: ObjectionSilence = policy.objectionSilence;
    const accepted: ObjectionSilence[] = required === "accepted" ? ["accepted", "refused"] : ["refused"];
    flags.push(
      verdict(
        "objectionSilence",
        {
          fr: `Silence pendant le délai d'opposition (${SILENCE_LABELS[required].fr})`,
          en: `Silence during the objection window (${SILENCE_LABELS[required].en})`,
        },
        choiceOutcome(analysis.objectionSilence, accepted, SILENCE_LABELS),
        lang,
      ),
    );
  }

  if (policy.governingLaw) {
    const accepted = policy.governingLaw;
    const found = analysis.governingLaw;
    flags.push(
      verdict(
        "governingLaw",
        { fr: `Droit applicable (${or(accepted, "fr")})`, en: `Governing law (${or(accepted, "en")})` },
        found === null
          ? { compliant: false, reason: NOT_STATED, quote: null }
          : {
              compliant: accepted.includes(found),
              reason: { fr: `l'accord prévoit : ${found}`, en: `the agreement says: ${found}` },
              quote: null,
            },
        lang,
      ),
    );
  }

  if (policy.minAuditsPerYear !== undefined) {
    const wanted = policy.minAuditsPerYear;
    const cap = analysis.auditFrequencyPerYear?.max ?? null;
    flags.push(
      verdict(
        "minAuditsPerYear",
        {
          fr: `Audits, art. 28.3.h (au moins ${wanted} par an)`,
          en: `Audits, Art. 28(3)(h) (at least ${wanted} a year)`,
        },
        cap === null
          ? {
              compliant: true,
              reason: { fr: "l'accord ne limite pas leur nombre", en: "the agreement sets no cap" },
              quote: null,
            }
          : {
              compliant: cap >= wanted,
              reason: {
                fr: `l'accord en permet ${cap} par an au plus`,
                en: `the agreement allows at most ${cap} a year`,
              },
              quote: null,
            },
        lang,
      ),
    );
  }

  if (policy.requireChecklist) {
    const wanted = policy.requireChecklist;
    const lacking = wanted.filter(
      (id) => analysis.checklist.find((item) => item.id === id)?.status !== "present",
    );
    const describe = (l: Language) =>
      lacking
        .map((id) => {
          const status = analysis.checklist.find((item) => item.id === id)?.status ?? "missing";
          return `${checklistLabel(id, l)}${l === "fr" ? " : " : ": "}${STATUS_LABELS[status][l]}`;
        })
        .join(l === "fr" ? " ; " : "; ");
    flags.push(
      verdict(
        "requireChecklist",
        CHECKLIST_IDS.every((id) => wanted.includes(id))
          ? { fr: "Clauses exigées de l'art. 28 (toutes)", en: "Required Art. 28 clauses (all)" }
          : {
              fr: `Clauses exigées de l'art. 28 (${wanted.join(", ")})`,
              en: `Required Art. 28 clauses (${wanted.join(", ")})`,
            },
        lacking.length === 0
          ? {
              compliant: true,
              reason: { fr: "toutes présentes", en: "all present" },
              quote: null,
            }
          : {
              compliant: false,
              reason: both(describe),
              quote: null,
            },
        lang,
      ),
    );
  }

  if (policy.forbiddenFlags) {
    const forbidden = policy.forbiddenFlags;
    const raised = analysis.flags.filter((flag) => forbidden.includes(flag.id));
    const ids = [...new Set(raised.map((flag) => flag.id))];
    flags.push(
      verdict(
        "forbiddenFlags",
        {
          fr: `Alertes exclues (${forbidden.join(", ")})`,
          en: `Excluded flags (${forbidden.join(", ")})`,
        },
        ids.length === 0
          ? { compliant: true, reason: { fr: "aucune levée", en: "none raised" }, quote: null }
          : {
              compliant: false,
              reason: { fr: `levée : ${ids.join(", ")}`, en: `raised: ${ids.join(", ")}` },
              quote: raised[0]?.quote ?? null,
            },
        lang,
      ),
    );
  }
  return flags;
}
