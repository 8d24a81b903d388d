// The evidence pack of one agreement: a zip an auditor can check alone, every file listed with its sha256.

import { createHash } from "node:crypto";
import { strToU8, type Zippable, zipSync } from "fflate";
import { invalidInput } from "../../domain/error.js";
import { JOURNAL_VERIFY_SCRIPT } from "./journal-verify-script.js";

/** A journal row as stored: the payload is its canonical JSON text (the register's chain). */
export interface JournalRow {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly tenant: string;
  readonly type: string;
  readonly payload: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface EvidencePackInput {
  readonly agreementId: string;
  readonly generatedAt: number;
  /** The agreement as the register holds it: parties, status, processing description… */
  readonly agreement: unknown;
  /** Its terms with their provenance (generated, typed, or analysed with the document's sha256 and quote). */
  readonly terms: unknown;
  readonly securityMeasures: unknown;
  readonly subprocessors: unknown;
  /** The signed documents themselves (PDF, DOCX…), by file name. */
  readonly documents: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** Deletion or return certificates, each as the canonical JSON whose sha256 the journal holds. */
  readonly certificates: readonly { readonly name: string; readonly canonicalJson: string }[];
  /** A contiguous run of the tenant's chain, from the first event of this agreement to the head. */
  readonly journal: readonly JournalRow[];
  /** Which of those rows belong to this agreement; the others are reduced to their links. */
  readonly relevant: (row: JournalRow) => boolean;
}

export interface EvidencePack {
  readonly zip: Uint8Array;
  readonly manifest: {
    readonly schema: "art28.evidence/1";
    readonly agreementId: string;
    readonly generatedAt: string;
    readonly journalHead: { readonly seq: number; readonly hash: string } | null;
    readonly files: readonly { readonly path: string; readonly sha256: string; readonly bytes: number }[];
  };
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,120}$/;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function json(value: unknown): Uint8Array {
  return strToU8(`${JSON.stringify(value, null, 2)}\n`);
}

const README = `art28 — dossier de preuves / evidence pack

FR
- manifest.json liste chaque fichier avec son empreinte sha256.
- agreement.json, terms.json (avec la provenance de chaque clause), security-measures.json, subprocessors.json :
  l'accord tel que le registre le tient. documents/ : les pièces signées. certificates/ : les certificats de
  suppression ou de restitution, dont l'empreinte sha256 figure dans le journal.
- journal/extract.jsonl : une suite continue du journal jusqu'à sa tête. Les événements de cet accord y sont
  complets ; ceux d'autres dossiers sont réduits à {seq, prevHash, hash}, ce qui garde la chaîne vérifiable
  sans rien en dévoiler. Vérification : node verify-journal.mjs journal/extract.jsonl
  hash = sha256(prevHash ‖ JSON canonique RFC 8785 de {actor, at, payload, seq, tenant, type}).
  Comparez la tête affichée à celle que donne « art28 journal verify ».

EN
- manifest.json lists every file with its sha256.
- agreement.json, terms.json (with each term's provenance), security-measures.json, subprocessors.json: the
  agreement as the register holds it. documents/: the signed documents. certificates/: deletion or return
  certificates, whose sha256 the journal records.
- journal/extract.jsonl: a contiguous run of the journal up to its head. This agreement's events are whole;
  other matters' are reduced to {seq, prevHash, hash}, which keeps the chain checkable and discloses nothing.
  Check it with: node verify-journal.mjs journal/extract.jsonl
  hash = sha256(prevHash ‖ RFC 8785 canonical JSON of {actor, at, payload, seq, tenant, type}).
  Compare the head it prints with the one "art28 journal verify" prints.
`;

/** Builds the zip. File times are the generation instant, so the same input gives the same bytes. */
export function buildEvidencePack(input: EvidencePackInput): EvidencePack {
  const rows = input.journal;
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i] as JournalRow).seq !== (rows[i - 1] as JournalRow).seq + 1) {
      throw invalidInput({
        fr: "l'extrait du journal doit être une suite continue",
        en: "the journal extract must be a contiguous run",
      });
    }
  }
  const names = [...input.documents.map((d) => d.name), ...input.certificates.map((c) => c.name)];
  for (const name of names) {
    if (!SAFE_NAME.test(name) || name.includes("..")) {
      throw invalidInput(
        { fr: `nom de fichier refusé : ${name}`, en: `file name refused: ${name}` },
        { argument: "name" },
      );
    }
  }
  const files: Record<string, Uint8Array> = {
    "README.txt": strToU8(README),
    "agreement.json": json(input.agreement),
    "terms.json": json(input.terms),
    "security-measures.json": json(input.securityMeasures),
    "subprocessors.json": json(input.subprocessors),
    "journal/extract.jsonl": strToU8(
      input.journal
        .map((row) =>
          JSON.stringify(
            input.relevant(row) ? row : { seq: row.seq, prevHash: row.prevHash, hash: row.hash },
          ),
        )
        .map((line) => `${line}\n`)
        .join(""),
    ),
    "verify-journal.mjs": strToU8(JOURNAL_VERIFY_SCRIPT),
  };
  for (const d of input.documents) files[`documents/${d.name}`] = d.bytes;
  for (const c of input.certificates) files[`certificates/${c.name}`] = strToU8(c.canonicalJson);

  const last = input.journal.at(-1);
  const manifest: EvidencePack["manifest"] = {
    schema: "art28.evidence/1",
    agreementId: input.agreementId,
    generatedAt: new Date(input.generatedAt).toISOString(),
    journalHead: last ? { seq: last.seq, hash: last.hash } : null,
    files: Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length })),
  };
  const zippable: Zippable = { "manifest.json": json(manifest) };
  for (const [path, bytes] of Object.entries(files)) zippable[path] = bytes;
  return { zip: zipSync(zippable, { level: 6, mtime: new Date(input.generatedAt) }), manifest };
}
