// Use case: data the processor must keep after the end because a law requires it, with that law and how long
// (GDPR Art. 28(3)(g): "unless Union or Member State law requires storage").

import { invalidInput } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import type { StoredRetentionException } from "../../store/termination-repository.js";
import { SIDE } from "../access/access.js";
import { agreementSidesOf } from "../agreements/load-agreement-clock.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, newId } from "../register/unit-of-work.js";
import { terminationOf } from "./choose-return-or-deletion.js";

export interface RecordRetentionExceptionOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    readonly dataCategories: readonly string[];
    /** The law that requires storage, e.g. "Code du patrimoine, art. L212-2". */
    readonly ground: string;
    /** Until when, as an instant. */
    readonly until: number;
  };
  readonly now: number;
}

export async function recordRetentionException({
  register,
  principal,
  input,
  now,
}: RecordRetentionExceptionOptions): Promise<StoredRetentionException> {
  const dataCategories = input.dataCategories.map((c) => c.trim()).filter((c) => c !== "");
  const ground = input.ground.trim();
  if (dataCategories.length === 0 || ground === "") {
    throw invalidInput(
      {
        fr: "une conservation légale nomme ses données et le texte qui l'impose",
        en: "a legal retention names its data and the law that requires it",
      },
      { argument: ground === "" ? "ground" : "data" },
    );
  }
  if (input.until <= now) {
    throw invalidInput(
      {
        fr: "la conservation légale doit durer au-delà d'aujourd'hui",
        en: "the retention must last beyond today",
      },
      { argument: "until" },
    );
  }
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const agreement = await findAgreement(unit, input.agreement);
    unit.access.actFor((await agreementSidesOf(unit, agreement)).processor.id, SIDE.processor);
    const termination = await terminationOf(unit, agreement.id);
    const exception: StoredRetentionException = {
      id: newId(),
      agreementId: agreement.id,
      terminationId: termination.id,
      dataCategories,
      ground,
      until: input.until,
    };
    await unit.terminations.insertException(exception, now);
    unit.record({
      type: "retention_exception.recorded",
      payload: {
        v: 1,
        agreementId: agreement.id,
        exceptionId: exception.id,
        dataCategories,
        ground,
        until: input.until,
      },
    });
    return exception;
  });
  return result;
}
