import type { Anomaly } from '../check/anomaly.js';
import type { FindingKind, Trace, TraceEvent } from '../trace/index.js';
import { formatVirtualTime, oneLine, recordList } from '../trace/index.js';
import type { FailureReport } from './failureReport.js';
import { durationText, safeText } from './safeText.js';

/** A known mistake the failing run shows, detected from the data. */
export interface Hint {
  readonly id: 'rbif-off' | 'unknown-item-identifier' | FindingKind | 'poison-record' | 'module-state' | 'swallowed-failure';
  readonly text: string;
}

type Result = Extract<TraceEvent, { type: 'result' }>;

const FINDINGS: Readonly<Record<FindingKind, string>> = {
  'event-mutated': 'the handler mutated its event; Lambda does not share one event object between invocations, so code that relies on changing it will break: copy what you change.',
  'handler-hung': 'the handler never settled (it hung until the timeout): await every call, and give network calls their own timeouts.',
  'non-error-thrown': 'the handler threw a value that is not an Error; throw Error objects so the error type and stack reach the logs.',
  'floating-rejection': 'a promise was left floating and rejected after the handler returned (unhandled rejection): await or return every promise (e.g. use Promise.all, not forEach(async …)).',
  'uncaught-exception': 'an exception escaped from a callback outside the handler (timer or event emitter): it crashes the runtime and the batch is retried.',
  'init-failed': 'the module failed to initialise (cold start): keep module-level code free of calls that can fail, or retry them inside the handler.',
  'response-not-serializable': 'the handler returned a response that cannot be serialised to JSON; return a plain { batchItemFailures } object.',
};

function hasBatchItemFailures(result: Result): boolean {
  const failures = (result.response as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  return Array.isArray(failures) && failures.length > 0;
}

function rbifOff(report: FailureReport): Hint[] {
  if (report.model.scenario.mapping.functionResponseTypes.includes('ReportBatchItemFailures')) return [];
  const results = report.trace.events.filter((e): e is Result => e.type === 'result' && hasBatchItemFailures(e));
  if (results.length === 0) return [];
  const text = `the handler returned batchItemFailures (invocation #${results[0]!.id}${results.length > 1 ? ` and ${results.length - 1} more` : ''}) but ReportBatchItemFailures is not enabled, so Lambda treated each such batch as a complete success (R27) and the reported records were never retried: set functionResponseTypes: ['ReportBatchItemFailures'] on the mapping.`;
  return [{ id: 'rbif-off', text }];
}

function unknownItemIdentifier(report: FailureReport): Hint[] {
  // The item-identifier check already names the identifier and the batch.
  if (report.cause.kind === 'verdict' && report.cause.verdict.anomalies.some((a) => a.invariant === 'item-identifier')) return [];
  const trace = report.trace;
  const results = trace.events.filter((e): e is Result => e.type === 'result' && e.outcome === 'OK_MALFORMED' && /is not a SequenceNumber of/.test(e.error?.errorMessage ?? ''));
  if (results.length === 0) return [];
  const first = results[0]!;
  const text = `invocation #${first.id} returned an itemIdentifier that is not a SequenceNumber of its batch (${oneLine(first.error!.errorMessage, 160)}), so the whole batch failed (R37)${results.length > 1 ? ` — ${results.length} times` : ''}: name record.dynamodb.SequenceNumber of a record in event.Records; sequence numbers are not contiguous, never compute one.`;
  return [{ id: 'unknown-item-identifier', text }];
}

function findings(trace: Trace): Hint[] {
  const seen = new Map<FindingKind, Extract<TraceEvent, { type: 'finding' }>[]>();
  for (const e of trace.events) if (e.type === 'finding') seen.set(e.kind, [...(seen.get(e.kind) ?? []), e]);
  return [...seen].map(([kind, events]) => {
    const first = events[0]!;
    const where = first.dispatch === null ? '' : ` (invocation #${first.dispatch}${events.length > 1 ? ` and ${events.length - 1} more` : ''})`;
    return { id: kind, text: `${FINDINGS[kind]}${where} ${oneLine(first.detail, 160)}`.trimEnd() };
  });
}

function poisonRecord(report: FailureReport, anomalies: readonly Anomaly[]): Hint[] {
  const poison = anomalies.find((a) => a.invariant === 'progress-after-faults' && a.blockedMs !== undefined);
  if (poison === undefined) return [];
  const mapping = report.model.scenario.mapping;
  const missing = [
    mapping.bisectBatchOnFunctionError ? '' : 'bisectBatchOnFunctionError: true',
    mapping.maximumRetryAttempts === -1 ? 'maximumRetryAttempts (e.g. 3)' : '',
    mapping.destinationConfig.onFailure === undefined ? 'an OnFailure destination (destinationConfig.onFailure)' : '',
  ].filter((s) => s !== '');
  const records = recordList(report.trace.records, poison.records, 4);
  const cause = poisonCause(report.trace, poison.records);
  const shard = poison.shard === undefined ? 'its shard' : `shard ${poison.shard}`;
  const fix =
    missing.length === 0
      ? 'catch failures that can never succeed, send the record elsewhere and acknowledge it'
      : `set ${missing.join(', ')} so a record that always fails is isolated, given up on and kept`;
  // With no retries the record is given up on at once: nothing was blocked, but it is still lost.
  const effect = poison.blockedMs === 0 ? `was given up on after its only attempt on ${shard}` : `blocked ${shard} for ${durationText(formatVirtualTime(poison.blockedMs!))}`;
  return [{ id: 'poison-record', text: `poison record: ${records} failed on every attempt${cause} and ${effect} (R32, R34): ${fix}.` }];
}

/** What the handler itself did with the poison record the last time it failed on it: threw, reported it, or answered malformed. */
function poisonCause(trace: Trace, poisoned: readonly number[]): string {
  const held = new Set(poisoned);
  const invokes = new Map<number, Extract<TraceEvent, { type: 'invoke' }>>();
  let last: Result | undefined;
  for (const e of trace.events) {
    if (e.type === 'invoke') invokes.set(e.id, e);
    else if (e.type === 'result' && e.fault === undefined && e.outcome !== 'OK_SUCCESS' && invokes.get(e.id)?.records.some((r) => held.has(r)) === true) last = e;
  }
  if (last === undefined) return '';
  const where = `invocation #${last.id}`;
  if (last.outcome === 'OK_PARTIAL') return ` (the handler reported it in batchItemFailures, last in ${where})`;
  if (last.error === undefined) return ` (${where} ended ${last.outcome})`;
  const message = safeText(last.error.errorMessage, 160);
  if (last.outcome === 'OK_MALFORMED') return ` (${where} returned a response Lambda cannot read: ${message})`;
  return ` (the handler threw ${safeText(last.error.errorType, 60)}: ${message}, last in ${where})`;
}

function moduleState(report: FailureReport): Hint[] {
  if (report.cause.kind !== 'user-invariant') return [];
  const starts = report.trace.events.filter((e) => e.type === 'env-start').length;
  const recycles = report.trace.events.filter((e) => e.type === 'env-recycle');
  if (starts < 2 && recycles.length === 0) return [];
  const reasons = [...new Set(recycles.map((e) => e.reason))].join(', ');
  const what = `the failing run started ${starts} execution environment${starts === 1 ? '' : 's'}${recycles.length === 0 ? '' : ` and recycled ${recycles.length} (${reasons})`}`;
  return [{ id: 'module-state', text: `${what}: module-level state (caches, dedup sets, counters) is lost on a cold start and not shared between environments; do not rely on it, keep such state in a durable store.` }];
}

/**
 * A dependency call failed (an injected rejection) in an invocation that still returned complete
 * success: Lambda moved past its records, so whatever that call should have done is lost unless the
 * handler retried it. Only for the user's invariant, which is where such a loss shows.
 */
function swallowedFailure(report: FailureReport): Hint[] {
  if (report.cause.kind !== 'user-invariant') return [];
  const failedCalls = new Map<number, Extract<TraceEvent, { type: 'dependency' }>>();
  const swallowed: { call: Extract<TraceEvent, { type: 'dependency' }>; dispatch: number }[] = [];
  for (const e of report.trace.events) {
    if (e.type === 'dependency' && (e.action === 'rejected' || e.action === 'applied-then-rejected') && !failedCalls.has(e.dispatch)) failedCalls.set(e.dispatch, e);
    else if (e.type === 'result' && e.outcome === 'OK_SUCCESS' && failedCalls.has(e.id)) swallowed.push({ call: failedCalls.get(e.id)!, dispatch: e.id });
  }
  if (swallowed.length === 0) return [];
  const { call, dispatch } = swallowed[0]!;
  const how = call.action === 'rejected' ? 'rejected before it was applied' : 'applied, then the caller saw an error (a timeout)';
  const more = swallowed.length > 1 ? ` (and ${swallowed.length - 1} more invocation${swallowed.length === 2 ? '' : 's'})` : '';
  return [
    {
      id: 'swallowed-failure',
      text: `invocation #${dispatch}${more}: its call ${safeText(call.path, 80)} failed (injected: ${how}), yet the invocation returned complete success, so Lambda moved past its records: a failed write must fail its record (batchItemFailures) or the whole invocation, unless the handler retries it itself.`,
    },
  ];
}

/**
 * Every hint the report shows: first what the handler's code did (its findings, the identifiers and
 * responses it returned, the record it kept failing on, state it kept in memory), then the mapping
 * configuration that would change the outcome.
 */
export function findHints(report: FailureReport): Hint[] {
  const anomalies = report.cause.kind === 'verdict' ? report.cause.verdict.anomalies : [];
  return [...findings(report.trace), ...unknownItemIdentifier(report), ...swallowedFailure(report), ...poisonRecord(report, anomalies), ...moduleState(report), ...rbifOff(report)];
}
