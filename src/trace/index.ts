export type { Trace, TraceShard, TraceRecord } from './trace.js';
export type { LogLine, LogSource } from './logLine.js';
export type {
  TraceEvent,
  OutcomeClass,
  DiscardCondition,
  EnvironmentRecycleReason,
  FindingKind,
  ErrorInfo,
  RecordRef,
  OnFailureMessage,
  DependencyAction,
} from './traceEvent.js';
export { TraceWriter } from './TraceWriter.js';
export { serializeTrace, stableJson } from './serializeTrace.js';
export { parseTrace } from './parseTrace.js';
export { renderTrace, type RenderTraceOptions } from './renderTrace.js';
export { describeResult } from './describeResult.js';
export { summarizeTrace } from './summarizeTrace.js';
export { traceSummary, type TraceSummary, type ShardSummary } from './traceSummary.js';
export { escapeInvisible, formatVirtualTime, itemKeyText, jsonQuote, oneLine, quoted, recordList, recordText } from './traceText.js';
