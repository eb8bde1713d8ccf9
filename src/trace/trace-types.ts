export type { Trace, TraceRecord, TraceShard } from './trace.js';
export type { TraceEvent, OnFailureMessage, OutcomeClass, FindingKind, DiscardCondition, ErrorInfo } from './traceEvent.js';
