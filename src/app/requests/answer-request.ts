// Use case: the controller answers a request with its outcome, closing the answer duty; for portability the data is
// exported as JSON and as CSV per dataset to the file the user names, each file's sha256 kept (GDPR Art. 12, 20).

import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { calendarFor } from "../../domain/calendar.js";
import { applyRequestEvent, OUTCOMES, type Outcome } from "../../domain/data-subject-request.js";
import { invalidInput } from "../../domain/error.js";
import { type PortableDataset, portabilityCsv, portabilityJson } from "../../domain/portability-export.js";
import type { Principal } from "../../domain/principal.js";
import type { RequestAttachment, StoredRequest } from "../../store/request-repository.js";
import { settleObligation } from "../obligations/close-obligation.js";
import { readPastInstant } from "../organisations/read-instant.js";
import { findOrganisation, findRequest } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";

export interface AnswerRequestOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly request: string;
    readonly outcome: string;
    /** Required for a refusal or a partial grant (Art. 12(4)). */
    readonly reasons?: string;
    readonly at?: string | number;
    /** Portability: the person's data, by dataset, and the JSON file to write (CSV files beside it). */
    readonly export?: { readonly datasets: readonly PortableDataset[]; readonly file: string };
  };
  readonly now: number;
}

export interface AnsweredRequest {
  readonly request: StoredRequest;
  /** Files written, with their sha256. */
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
}

export async function answerRequest({
  register,
  principal,
  input,
  now,
}: AnswerRequestOptions): Promise<AnsweredRequest> {
  const outcome = input.outcome.trim().toLowerCase().replaceAll("-", "_") as Outcome;
  if (!OUTCOMES.includes(outcome)) {
    throw invalidInput(
      { fr: `issue inconnue : « ${input.outcome} »`, en: `unknown outcome: "${input.outcome}"` },
      { argument: "outcome", accepted: { fr: OUTCOMES.join(", "), en: OUTCOMES.join(", ") } },
    );
  }
  const written: { path: string; content: string; sha256: string }[] = [];
  const { result } = await inTransaction(register, principal, now, async (unit) => {
    const stored = await findRequest(unit, input.request);
    const controller = await findOrganisation(unit, stored.controllerId, "controller");
    const at = readPastInstant(input.at, calendarFor(controller.calendar), "at", now);
    const next = applyRequestEvent(stored, {
      type: "answer",
      at,
      outcome,
      ...(input.reasons !== undefined ? { reasons: input.reasons } : {}),
    });
    const attachments: RequestAttachment[] = [...stored.attachments];
    if (input.export) {
      if (stored.right !== "portability") {
        throw invalidInput(
          {
            fr: "un export de portabilité ne répond qu'à une demande de portabilité (art. 20)",
            en: "a portability export answers a portability request only (Art. 20)",
          },
          { argument: "export" },
        );
      }
      const base = input.export.file.replace(/\.json$/i, "");
      const exported = {
        requestId: stored.id,
        controller: controller.name,
        generatedAt: at,
        datasets: input.export.datasets,
      };
      written.push(file(`${base}.json`, portabilityJson(exported)));
      for (const dataset of input.export.datasets) {
        written.push(
          file(`${base}.${dataset.name.replace(/[^A-Za-z0-9_-]/g, "_")}.csv`, portabilityCsv(dataset)),
        );
      }
      for (const w of written) {
        attachments.push({
          name: w.path.split(/[\\/]/).pop() as string,
          format: w.path.endsWith(".json") ? "json" : "csv",
          sha256: w.sha256,
          bytes: Buffer.byteLength(w.content),
        });
      }
    }
    const request: StoredRequest = { ...stored, ...next, attachments, updatedAt: now };
    await unit.requests.save(request);
    for (const duty of await unit.requests.pendingDuties(request.id, ["answer_data_subject_request"])) {
      await settleObligation(unit, duty, "done", {
        note: `answered: ${outcome}`,
        ...(written[0] ? { sha256: written[0].sha256 } : {}),
        at,
        by: principal.id,
      });
    }
    unit.record({
      type: "request.answered",
      payload: {
        v: 1,
        requestId: request.id,
        at,
        outcome,
        attachments: written.map((w) => ({ name: w.path.split(/[\\/]/).pop() as string, sha256: w.sha256 })),
      },
    });
    return request;
  });
  // Written once the answer is committed, so a refused answer leaves no file behind.
  for (const w of written) writeFileSync(w.path, w.content);
  return { request: result, files: written.map((w) => ({ path: w.path, sha256: w.sha256 })) };
}

function file(path: string, content: string) {
  return { path, content, sha256: createHash("sha256").update(content).digest("hex") };
}
