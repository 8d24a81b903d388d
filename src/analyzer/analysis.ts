// The analyzer's output contract, "art28.analysis/1" (DESIGN.md, "Analyzer output").

import type { DurationUnit, Qualifier } from "../domain/duration.js";
import type {
  FrequencyPerYear,
  ObjectionSilence,
  SubprocessorAuthorization,
  TermId,
  TransferRule,
} from "../domain/terms.js";
import type { FoundAllocationEntry } from "./extract/joint-allocation.js";

export const ANALYSIS_SCHEMA = "art28.analysis/1";

export type DocumentKind = "dpa" | "joint_controller_agreement" | "contracting_kit" | "unknown";

/** How sure the analyzer is of a reading: "high" answers are meant to be wrong at most 1 % of the time. */
export type Confidence = "high" | "medium" | "low";

/** What starts a term's clock (DESIGN.md, "Analyzer output"). */
export type TermTrigger =
  | "discovery"
  | "awareness"
  | "receipt"
  | "notice"
  | "end_of_service"
  | "controller_request";

export interface FoundTerm {
  readonly amount: number | null;
  readonly unit: DurationUnit | null;
  readonly qualifier: Qualifier | null;
  /** The sentence that sets the term, as it stands in the extracted text. */
  readonly quote: string;
  /** Character offset of the quote in the extracted text. */
  readonly offset: number;
  /** What starts the clock, when the sentence says. */
  readonly trigger?: TermTrigger | null;
  readonly confidence?: Confidence;
}

/** A reading the analyzer left null because its signals conflict, with what a person chooses from. */
export interface ToConfirm {
  /** The reading's JSON path ("parties.processor", "transfersOutsideEEA", "terms.audit_notice"). */
  readonly field: string;
  readonly candidates: readonly {
    readonly value: unknown;
    readonly quote: string;
    readonly offset: number;
  }[];
}

/** What the agreement says of a party beyond its name: its legal form and registration number. */
export interface PartyDetails {
  readonly legalForm: string | null;
  readonly registration: string | null;
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
  /** "fr" or "en", read; any other ISO 639-1 code names a language the analyzer does not read. */
  readonly language: string;
  readonly kind: DocumentKind;
  readonly encodingRepaired: boolean;
  readonly parties: { readonly processor: string | null; readonly controller: string | null };
  readonly partyDetails?: {
    readonly processor: PartyDetails | null;
    readonly controller: PartyDetails | null;
  };
  readonly governingLaw: string | null;
  readonly subprocessorAuthorization: SubprocessorAuthorization | null;
  readonly objectionSilence: ObjectionSilence | null;
  readonly transfersOutsideEEA: TransferRule | null;
  readonly auditFrequencyPerYear: FrequencyPerYear | null;
  readonly terms: Readonly<Partial<Record<TermId, FoundTerm>>>;
  readonly subprocessors: readonly FoundSubprocessor[];
  readonly checklist: readonly ChecklistItem[];
  readonly flags: readonly Flag[];
  /** The confidence of each reading other than terms, keyed by its JSON path. */
  readonly confidence?: Readonly<Record<string, Confidence>>;
  /** Readings left null because their signals conflict, most consequential first. */
  readonly toConfirm?: readonly ToConfirm[];
  /**
   * Added within art28.analysis/1 (absent from older outputs): GDPR Art. 26, who among joint controllers holds each
   * duty, by perimeter, as the document's conventions write it; null when it allocates none.
   */
  readonly jointControl?: { readonly allocation: readonly FoundAllocationEntry[] } | null;
}
