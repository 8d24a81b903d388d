// The one map from error codes to the CLI's exit codes (exhaustive: a new code will not compile until mapped).

import type { ErrorCode } from "../domain/error.js";

/** 1: the check or operation failed on valid input; 2: the input or the setup is wrong; 75: busy, try again. */
export const EXIT_CODE: Record<ErrorCode, number> = {
  invalid_input: 2,
  not_found: 2,
  conflict: 1,
  forbidden: 2,
  unauthenticated: 2,
  unsupported_format: 2,
  unreadable_input: 2,
  integrity_violation: 1,
  unavailable: 3,
  // EX_TEMPFAIL (sysexits.h): try again later.
  busy: 75,
  internal: 70,
};
