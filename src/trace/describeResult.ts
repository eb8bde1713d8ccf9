import { stableJson } from './serializeTrace.js';
import type { Trace } from './trace.js';
import type { TraceEvent } from './traceEvent.js';
import { oneLine, quoted, recordList } from './traceText.js';

type Result = Extract<TraceEvent, { type: 'result' }>;
type Invoke = Extract<TraceEvent, { type: 'invoke' }>;

/**
 * `OUTCOME detail` for one invocation result: the error (`Error: poison`), the records a partial
 * response reported as failed, and the fault that decided it, if any.
 */
export function describeResult(trace: Trace, result: Result, invoke: Invoke | undefined, max = 4): string {
  const parts: string[] = [result.outcome];
  if (result.outcome === 'OK_PARTIAL') parts.push(`failed ${failedRecords(trace, result.response, invoke, max)}`);
  if (result.error !== undefined) parts.push(oneLine(`${result.error.errorType}: ${result.error.errorMessage}`));
  if (result.outcome === 'OK_MALFORMED' && result.response !== undefined) parts.push(`response ${oneLine(stableJson(result.response), 80)}`);
  if (result.fault !== undefined) parts.push(`(fault ${quoted(result.fault)})`);
  return parts.join(' ');
}

/** The batch item failures as `key@ordinal` where they name a record of the batch. */
function failedRecords(trace: Trace, response: unknown, invoke: Invoke | undefined, max: number): string {
  const failures = (response as { batchItemFailures?: unknown } | undefined)?.batchItemFailures;
  if (!Array.isArray(failures)) return '?';
  const ordinals: number[] = [];
  const unknown: string[] = [];
  for (const failure of failures) {
    const id: unknown = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const ordinal = invoke?.records.find((o) => trace.records[o]?.seq === id);
    if (ordinal === undefined) unknown.push(typeof id === 'string' ? quoted(id) : oneLine(String(stableJson(id)), 40));
    else ordinals.push(ordinal);
  }
  ordinals.sort((a, b) => a - b);
  const listed = recordList(trace.records, ordinals, max);
  return unknown.length === 0 ? listed : `${listed} and unknown ${unknown.join(', ')}`;
}
