// Use case: read an agreement file, analyse it, check it against a controller's policy, and render the reports.

import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { ANALYSIS_SCHEMA, type Analysis } from "../../analyzer/analysis.js";
import { analyzeFile } from "../../analyzer/analyze-file.js";
import { evaluatePolicy, type Policy, parsePolicy } from "../../analyzer/policy.js";
import type { ExtractedText } from "../../analyzer/read-document.js";
import { renderHtmlReport } from "../../analyzer/report/html-report.js";
import { renderTextReport } from "../../analyzer/report/text-report.js";
import type { Language } from "../../domain/duration.js";
import { Art28Error, invalidInput } from "../../domain/error.js";

export interface AnalyzeAgreementOptions {
  readonly input: {
    /** The agreement: .txt, .md, .html, .docx, .odt or .pdf. */
    readonly path: string;
    /** A controller's policy (JSON, see src/analyzer/policy.ts). */
    readonly policyPath?: string;
  };
  /** Language of flag messages and reports. */
  readonly lang?: Language;
}

export interface AgreementAnalysis {
  /** The analysis, policy results appended as `policy_*` flags. */
  readonly analysis: Analysis;
  readonly extracted: ExtractedText;
  readonly policy: Policy | null;
  /** The analysis exactly as DESIGN.md's "art28.analysis/1" contract prints it. */
  toJson(): string;
  textReport(): string;
  htmlReport(): string;
}

/** A policy file is a few hundred bytes; anything past this is not one. */
const MAX_POLICY_BYTES = 1024 * 1024;

function policyError(
  text: { fr: string; en: string },
  code: "unreadable_input" | "invalid_input",
): Art28Error {
  return new Art28Error(code, text, { argument: "policy" });
}

/** Where or why JSON.parse failed, from its message (which V8 words in several ways). */
function jsonProblem(raw: string, message: string): { fr: string; en: string } {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) {
    const before = raw.slice(0, Number(position)).split("\n");
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    return { fr: ` (ligne ${line}, colonne ${column})`, en: ` (line ${line}, column ${column})` };
  }
  const token = /Unexpected token '?(.)'?/.exec(message)?.[1];
  if (token !== undefined) return { fr: ` (« ${token} » inattendu)`, en: ` (unexpected "${token}")` };
  if (/end of JSON/i.test(message)) return { fr: " (fin inattendue)", en: " (unexpected end)" };
  return { fr: "", en: "" };
}

async function loadPolicy(path: string): Promise<Policy> {
  let raw: string;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_POLICY_BYTES)
      throw policyError(
        { fr: `${path} n'est pas un fichier de politique JSON`, en: `${path} is not a JSON policy file` },
        "unreadable_input",
      );
    raw = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Art28Error) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw policyError(
      code === "ENOENT" || code === "ENOTDIR"
        ? { fr: `fichier de politique introuvable : ${path}`, en: `policy file not found: ${path}` }
        : {
            fr: `fichier de politique illisible : ${path} (${String(code ?? "erreur de lecture")})`,
            en: `unreadable policy file: ${path} (${String(code ?? "read error")})`,
          },
      "unreadable_input",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (error) {
    const why = jsonProblem(raw, error instanceof Error ? error.message : "");
    throw invalidInput(
      { fr: `${path} n'est pas du JSON valide${why.fr}`, en: `${path} is not valid JSON${why.en}` },
      { argument: "policy" },
    );
  }
  return parsePolicy(json);
}

/**
 * A reader's error names the file once, in its message: "fichier introuvable : x.pdf", or
 * "x.docx : fichier illisible : …" when the reason does not name it.
 */
function aboutTheAgreement(error: unknown, path: string): unknown {
  if (!(error instanceof Art28Error)) return error;
  const { argument: _argument, ...details } = error.details;
  const named = (text: string) => (text.includes(path) || text.includes(basename(path)) ? text : null);
  const text = {
    fr: named(error.text.fr) ?? `${path} : ${error.text.fr}`,
    en: named(error.text.en) ?? `${path}: ${error.text.en}`,
  };
  return new Art28Error(error.code, text, details);
}

/** The contract's fields in the contract's order, and nothing else. */
export function analysisContract(analysis: Analysis): Analysis {
  return {
    schema: ANALYSIS_SCHEMA,
    language: analysis.language,
    kind: analysis.kind,
    encodingRepaired: analysis.encodingRepaired,
    parties: { processor: analysis.parties.processor, controller: analysis.parties.controller },
    partyDetails: analysis.partyDetails ?? { processor: null, controller: null },
    governingLaw: analysis.governingLaw,
    subprocessorAuthorization: analysis.subprocessorAuthorization,
    objectionSilence: analysis.objectionSilence,
    transfersOutsideEEA: analysis.transfersOutsideEEA,
    auditFrequencyPerYear: analysis.auditFrequencyPerYear
      ? { min: analysis.auditFrequencyPerYear.min, max: analysis.auditFrequencyPerYear.max }
      : null,
    terms: Object.fromEntries(
      Object.entries(analysis.terms).map(([id, term]) => [
        id,
        {
          amount: term.amount,
          unit: term.unit,
          qualifier: term.qualifier,
          quote: term.quote,
          offset: term.offset,
          trigger: term.trigger ?? null,
          confidence: term.confidence ?? "medium",
        },
      ]),
    ),
    subprocessors: analysis.subprocessors.map(({ name, activity, location }) => ({
      name,
      activity,
      location,
    })),
    checklist: analysis.checklist.map(({ id, status, quotes }) => ({ id, status, quotes: [...quotes] })),
    flags: analysis.flags.map(({ id, severity, message, quote }) => ({ id, severity, message, quote })),
    confidence: { ...(analysis.confidence ?? {}) },
    toConfirm: (analysis.toConfirm ?? []).map(({ field, candidates }) => ({
      field,
      candidates: candidates.map(({ value, quote, offset }) => ({ value, quote, offset })),
    })),
  };
}

export async function analyzeAgreement({
  input,
  lang = "fr",
}: AnalyzeAgreementOptions): Promise<AgreementAnalysis> {
  // The policy is read first: a mistake in it is cheaper to report than a long analysis.
  const policy = input.policyPath === undefined ? null : await loadPolicy(input.policyPath);
  const { analysis: found, extracted } = await analyzeFile(input.path, { lang }).catch((error: unknown) => {
    throw aboutTheAgreement(error, input.path);
  });
  const analysis: Analysis = policy
    ? { ...found, flags: [...found.flags, ...evaluatePolicy(found, policy, lang)] }
    : found;
  const fileName = basename(input.path);
  return {
    analysis,
    extracted,
    policy,
    toJson: () => JSON.stringify(analysisContract(analysis), null, 2),
    textReport: () => renderTextReport(analysis, { lang, fileName }),
    htmlReport: () => renderHtmlReport(analysis, extracted.text, { lang, fileName }),
  };
}
