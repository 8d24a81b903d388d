// Use case: a person sets or confirms an agreement's terms (the periods, what silence means, the authorisation of
// sub-processors, transfers), after reading the document the analyzer could not settle. Each term set is recorded
// as typed by that person, in a new version; obligations already open keep the deadline they were given.

import type { Agreement, Provenance, TermKey } from "../../domain/agreement.js";
import type { Duration } from "../../domain/duration.js";
import { parseDuration } from "../../domain/duration-parser.js";
import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { readTrigger, type TermTrigger } from "../../domain/term-trigger.js";
import {
  type AgreementTerms,
  OBJECTION_SILENCES,
  SUBPROCESSOR_AUTHORIZATIONS,
  TERM_IDS,
  type TermId,
  TRANSFER_RULES,
} from "../../domain/terms.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";
import { reviseAgreement } from "./amend-agreement.js";

export interface SetAgreementTermsOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    /** The agreement's id or first characters. */
    readonly agreement: string;
    /** Periods by term: "48 heures", "30 jours ouvrés", "sans délai"… */
    readonly periods?: Readonly<Record<string, string>>;
    readonly objectionSilence?: string;
    readonly subprocessorAuthorization?: string;
    readonly transfersOutsideEEA?: string;
    readonly note?: string;
  };
  readonly now: number;
}

export interface SetTerms {
  readonly agreement: Agreement;
  /** The terms set, as provenance keys. */
  readonly set: readonly TermKey[];
}

export async function setAgreementTerms({
  register,
  principal,
  input,
  now,
}: SetAgreementTermsOptions): Promise<SetTerms> {
  const durations: Partial<Record<TermId, Duration>> = {};
  const triggers: Partial<Record<TermId, TermTrigger | null>> = {};
  for (const [term, text] of Object.entries(input.periods ?? {})) {
    // « 24 heures suivant la découverte »: the period, and the event it runs from.
    const { trigger, rest } = readTrigger(text);
    const id = readTerm(term);
    durations[id] = readPeriod(term, rest);
    triggers[id] = trigger ?? null;
  }
  const rules: Partial<Omit<AgreementTerms, "durations">> = {
    ...(input.objectionSilence !== undefined
      ? { objectionSilence: oneOf(OBJECTION_SILENCES, input.objectionSilence, "silence") }
      : {}),
    ...(input.subprocessorAuthorization !== undefined
      ? {
          subprocessorAuthorization: oneOf(
            SUBPROCESSOR_AUTHORIZATIONS,
            input.subprocessorAuthorization,
            "authorization",
          ),
        }
      : {}),
    ...(input.transfersOutsideEEA !== undefined
      ? { transfersOutsideEEA: oneOf(TRANSFER_RULES, input.transfersOutsideEEA, "transfers") }
      : {}),
  };
  const set = [...Object.keys(durations), ...Object.keys(rules)] as TermKey[];
  if (set.length === 0) {
    throw invalidInput(
      { fr: "aucun terme à fixer", en: "no term to set" },
      {
        argument: "set",
        accepted: { fr: "--set TERME=DÉLAI, --silence…", en: "--set TERM=PERIOD, --silence…" },
      },
    );
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const current = await findAgreement(unit, input.agreement);
    // Set by a person, even to the value the analyzer read: that is what confirming a term means.
    const provenance: Partial<Record<TermKey, Provenance>> = { ...current.provenance };
    for (const key of set) provenance[key] = { kind: "typed", by: principal.id, at: now };
    // A period typed again without an event loses the event it had: the person stated the term anew.
    const nextTriggers: Partial<Record<TermId, TermTrigger>> = { ...current.terms.triggers };
    for (const [id, trigger] of Object.entries(triggers) as [TermId, TermTrigger | null][]) {
      if (trigger) nextTriggers[id] = trigger;
      else delete nextTriggers[id];
    }
    const terms: AgreementTerms = {
      ...current.terms,
      ...rules,
      durations: { ...current.terms.durations, ...durations },
      ...(Object.keys(nextTriggers).length > 0 ? { triggers: nextTriggers } : {}),
    };
    if (Object.keys(nextTriggers).length === 0) delete (terms as { triggers?: unknown }).triggers;
    const agreement = await reviseAgreement(unit, current, { terms, provenance }, input.note?.trim() || null);
    return { agreement, set };
  });
  return result;
}

function readTerm(text: string): TermId {
  const term = text.trim().toLowerCase() as TermId;
  if (!TERM_IDS.includes(term)) {
    throw invalidInput(
      { fr: `terme inconnu « ${text} »`, en: `unknown term "${text}"` },
      { argument: "set", accepted: { fr: TERM_IDS.join(", "), en: TERM_IDS.join(", ") } },
    );
  }
  return term;
}

function readPeriod(term: string, text: string): Duration {
  const duration = parseDuration(text);
  if (!duration) {
    throw invalidInput(
      { fr: `${term} : délai illisible « ${text} »`, en: `${term}: unreadable period "${text}"` },
      {
        argument: "set",
        accepted: {
          fr: "48 heures, 30 jours, 10 jours ouvrés, 1 mois, sans délai…",
          en: "48 hours, 30 days, 10 working days, 1 month, without undue delay…",
        },
      },
    );
  }
  return duration;
}

function oneOf<T extends string>(values: readonly T[], text: string, argument: string): T {
  const value = text.trim().toLowerCase() as T;
  if (!values.includes(value)) {
    throw invalidInput(
      { fr: `valeur inconnue « ${text} »`, en: `unknown value "${text}"` },
      { argument, accepted: { fr: values.join(", "), en: values.join(", ") } },
    );
  }
  return value;
}
