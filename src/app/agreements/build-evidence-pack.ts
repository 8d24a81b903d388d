// Use case: the evidence pack of one agreement (GDPR Art. 28(3)(h), Art. 5(2)): the agreement, its terms with their
// provenance, measures, sub-processors, certificates, and the journal extract from this agreement's first event to
// the head — verified here with the store's verifier before it is packed — written as a reproducible zip.

import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { type EvidencePack, buildEvidencePack as pack } from "../../documents/evidence-pack/evidence-pack.js";
import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { subprocessorsInUse } from "../../domain/subprocessor-use.js";
import { type ChainLink, ChainVerifier } from "../../store/journal.js";
import { findAgreement } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction, reader } from "../register/unit-of-work.js";

export interface BuildEvidencePackOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: {
    readonly agreement: string;
    /** Where to write the zip; not written when absent. */
    readonly path?: string;
  };
  readonly now: number;
}

export interface BuiltEvidencePack extends EvidencePack {
  readonly sha256: string;
  readonly path: string | null;
}

export async function buildEvidencePack({
  register,
  principal,
  input,
  now,
}: BuildEvidencePackOptions): Promise<BuiltEvidencePack> {
  const repositories = reader(register, principal);
  const agreement = await findAgreement(repositories, input.agreement);
  const uses = await repositories.subprocessorChanges.usesOfAgreements([agreement.id]);
  const windows = await repositories.subprocessorChanges.windowsOfAgreement(agreement.id);
  const certificates = await repositories.terminations.certificatesOf(agreement.id);
  const obligations = await repositories.obligations.forAgreement(agreement.id);
  const audits = await repositories.audits.ofAgreement(agreement.id);
  const instructions = await repositories.instructions.ofAgreement(agreement.id);
  const termination = await repositories.terminations.ofAgreement(agreement.id);

  // Everything whose id may name this agreement's events in the journal.
  const ids = new Set<string>([agreement.id]);
  for (const x of [...obligations, ...audits, ...instructions, ...certificates]) ids.add(x.id);
  for (const w of windows) {
    ids.add(w.id);
    ids.add(w.changeId);
  }
  if (termination) ids.add(termination.id);
  const relevant = (row: { payload: string }) => {
    for (const id of ids) if (row.payload.includes(id)) return true;
    return false;
  };

  // The whole chain is verified; the extract starts at this agreement's first event.
  const head = await repositories.journal.head(principal.tenant);
  const verifier = new ChainVerifier();
  const extract: ChainLink[] = [];
  if (head && head.seq > 0) {
    let holds = true;
    for await (const page of repositories.journal.stream(principal.tenant, undefined, head.seq)) {
      for (const row of page) {
        holds = verifier.push(row);
        if (!holds) break;
        if (extract.length > 0 || relevant(row)) extract.push(row);
      }
      if (!holds) break;
    }
  }
  const fault = verifier.finish(head);
  if (fault) {
    throw new Art28Error(
      "integrity_violation",
      {
        fr: `le journal ne se vérifie pas (n° ${fault.seq}) : ${fault.detail.fr}`,
        en: `the journal does not verify (seq ${fault.seq}): ${fault.detail.en}`,
      },
      { seq: fault.seq },
    );
  }
  const built = pack({
    agreementId: agreement.id,
    generatedAt: now,
    agreement: {
      id: agreement.id,
      kind: agreement.kind,
      title: agreement.title,
      status: agreement.status,
      parties: agreement.parties,
      effectiveOn: agreement.effectiveOn,
      endsOn: agreement.endsOn,
      processing: agreement.processing,
      version: agreement.version,
      source: agreement.source,
      termination: termination ?? null,
      audits,
      instructions,
    },
    terms: { terms: agreement.terms, provenance: agreement.provenance },
    securityMeasures: agreement.securityMeasures,
    subprocessors: {
      listed: agreement.subprocessors,
      inUse: subprocessorsInUse(agreement.subprocessors, uses, now),
      changes: windows,
    },
    documents: [],
    certificates: certificates.map((c) => ({ name: `${c.kind}-${c.id}.json`, canonicalJson: c.content })),
    journal: extract,
    relevant,
  });
  const sha256 = createHash("sha256").update(built.zip).digest("hex");
  if (input.path) writeFileSync(input.path, built.zip);
  await inTransaction(register, principal, now, async (unit) => {
    unit.record({
      type: "evidence_pack.built",
      payload: {
        v: 1,
        agreementId: agreement.id,
        zipSha256: sha256,
        journalHead: built.manifest.journalHead,
      },
    });
  });
  return { ...built, sha256, path: input.path ?? null };
}
