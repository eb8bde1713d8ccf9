/**
 * Numeric codes for the columns of `TraceColumns` (one byte per event), so that the checkers scan
 * typed arrays instead of the trace's event objects.
 */

// event types
export const SHARD_READY = 1;
export const POLL = 2;
export const BATCH = 3;
export const INVOKE = 4;
export const RESULT = 5;
export const CHECKPOINT = 6;
export const BISECT = 7;
export const DISCARD = 8;
export const TRIM = 9;
export const FAULT = 10;
export const ENV_START = 11;
export const ENV_RECYCLE = 12;
export const MAPPING = 13;
export const DEPENDENCY = 14;
export const FINDING = 15;
export const END = 16;

export const TYPE_CODES: Readonly<Record<string, number>> = {
  'shard-ready': SHARD_READY,
  poll: POLL,
  batch: BATCH,
  invoke: INVOKE,
  result: RESULT,
  checkpoint: CHECKPOINT,
  bisect: BISECT,
  discard: DISCARD,
  trim: TRIM,
  fault: FAULT,
  'env-start': ENV_START,
  'env-recycle': ENV_RECYCLE,
  mapping: MAPPING,
  dependency: DEPENDENCY,
  finding: FINDING,
  end: END,
};

// invoke flags
export const DUPLICATE = 1;
export const THROTTLED = 2;
/** In flight when the mapping was disabled or restarted: its outcome is ignored (R28). */
export const STALE = 4;

// checkpoint flags
/** The checkpoint's seq is not its record's (its shard is checked separately). */
export const MISNAMED = 1;

// result outcome (code) and flags
export const OK_SUCCESS = 1;
export const OK_PARTIAL = 2;
export const OK_MALFORMED = 3;
export const FUNCTION_ERROR = 4;
export const NOT_INVOKED = 5;
export const OUTCOME_CODES: Readonly<Record<string, number>> = { OK_SUCCESS, OK_PARTIAL, OK_MALFORMED, FUNCTION_ERROR, NOT_INVOKED };
/** The result names the injected invocation fault that decided it. */
export const FAULTED = 1;

// discard conditions
export const RETRY_ATTEMPTS_EXHAUSTED = 1;
export const RECORD_AGE_EXCEEDED = 2;

// mapping states
export const DISABLED = 1;
export const ENABLED = 2;
export const RESTARTED = 3;

// end reasons
export const DRAINED = 1;
export const STALLED = 2;
export const LIMIT = 3;

// dependency actions (code): only whether the fault schedule made the call fail matters here
export const INJECTED_FAILURE = 1;
