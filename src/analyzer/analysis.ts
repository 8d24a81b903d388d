// The analyzer's output contract, "art28.analysis/1" (DESIGN.md, "Analyzer output").

import type { DurationUnit, Qualifier } from "../domain/duration.js";
import type {
  FrequencyPerYear,
  ObjectionSilence,
  SubprocessorAuthorization,
  TermId,
  TransferRule,
} from "../domain/terms.js";

export const ANALYSIS_SCHEMA = "art28.analysis/1";

export type DocumentKind = "dpa" | "joint_controller_agreement" | "contracting_kit" | "unknown";

export interface FoundTerm {
  readonly amount: number | null;
  readonly unit: DurationUnit | null;
  readonly qualifier: Qualifier | null;
  /** The sentence that sets the term, as it stands in the extracted text. */
  readonly quote: string;
  /** Character offset of the quote in the extracted text. */
  readonly offset: number;
}

export interface FoundSubprocessor {
  readonly name: string;
  readonly activity: string | null;
  readonly location: string | null;
}

export type ChecklistStatus = "present" | "partial" | "missing";

export interface ChecklistItem {
  readonly id: string;
  readonly status: ChecklistStatus;
  readonly quotes: readonly string[];
}

export type Severity = "high" | "medium" | "low";

export interface Flag {
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly quote: string | null;
}

export interface Analysis {
  readonly schema: typeof ANALYSIS_SCHEMA;
  readonly language: "fr" | "en";
  readonly kind: DocumentKind;
  readonly encodingRepaired: boolean;
  readonly parties: { readonly processor: string | null; readonly controller: string | null };
  readonly governingLaw: string | null;
  readonly subprocessorAuthorization: SubprocessorAuthorization | null;
  readonly objectionSilence: ObjectionSilence | null;
  readonly transfersOutsideEEA: TransferRule | null;
  readonly auditFrequencyPerYear: FrequencyPerYear | null;
  readonly terms: Readonly<Partial<Record<TermId, FoundTerm>>>;
  readonly subprocessors: readonly FoundSubprocessor[];
  readonly checklist: readonly ChecklistItem[];
  readonly flags: readonly Flag[];
}
