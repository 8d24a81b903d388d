// Time runs forward within a record: no step dated before the step it follows, nothing settled or closed in the future.

import { Art28Error, type LocalizedText } from "./error.js";
import { formatInstant } from "./instant.js";

/** A dated step of a record, named as a person reads it: « la réception de la demande ». */
export interface DatedStep {
  readonly what: LocalizedText;
  readonly at: number;
}

/**
 * Refuses `step` when it is dated before `previous`, the step it follows; the refusal names both instants in
 * `timeZone` and the argument that dated the step.
 */
export function requireNotBefore(
  step: DatedStep,
  previous: DatedStep,
  argument: string,
  timeZone: string,
): void {
  if (step.at >= previous.at) return;
  const at = formatInstant(step.at, timeZone);
  const before = formatInstant(previous.at, timeZone);
  throw new Art28Error(
    "invalid_input",
    {
      fr: `${step.what.fr} (${at}) ne peut précéder ${previous.what.fr} (${before})`,
      en: `${step.what.en} (${at}) cannot precede ${previous.what.en} (${before})`,
    },
    {
      argument,
      accepted: {
        fr: `un instant à partir de ${before}`,
        en: `an instant from ${before} on`,
      },
    },
  );
}

/** Refuses `step` when it is dated after `now`: a settlement, a closing or a receipt cannot lie in the future. */
export function requireNotFuture(step: DatedStep, now: number, argument: string, timeZone: string): void {
  if (step.at <= now) return;
  const at = formatInstant(step.at, timeZone);
  const current = formatInstant(now, timeZone);
  throw new Art28Error(
    "invalid_input",
    {
      fr: `${step.what.fr} (${at}) serait dans le futur (il est ${current})`,
      en: `${step.what.en} (${at}) would lie in the future (it is ${current})`,
    },
    { argument, accepted: { fr: `un instant jusqu'à ${current}`, en: `an instant up to ${current}` } },
  );
}
