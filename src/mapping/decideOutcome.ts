import type { InvocationFault } from '../faults/faultSchedule.js';
import type { Semantics } from '../scenario/semantics.js';
import type { EnvironmentRecycleReason, ErrorInfo, FindingKind, OutcomeClass } from '../trace/traceEvent.js';
import { classifyResponse } from './classifyResponse.js';
import type { HandlerCall } from './runHandler.js';

export interface DecidedOutcome {
  readonly outcome: OutcomeClass;
  readonly response?: unknown;
  readonly error?: ErrorInfo;
  readonly lowest?: string;
  readonly fault?: string;
  /** The execution environment dies with this invocation. */
  readonly recycle?: EnvironmentRecycleReason;
  readonly findings: readonly { readonly kind: FindingKind; readonly detail: string }[];
}

export interface OutcomeInput {
  readonly fault: InvocationFault | undefined;
  /** Undefined when the handler was not called (throttle, injected error). */
  readonly call: HandlerCall | undefined;
  /** Sequence numbers of the batch; looked up only when a response names items. */
  readonly batchSeqs: Pick<ReadonlySet<string>, 'has'>;
  readonly reportBatchItemFailures: boolean;
  readonly semantics: Semantics;
  readonly timeoutSeconds: number;
}

/** Turns a fault and what the handler did into one outcome class (R31) plus findings. */
export function decideOutcome(input: OutcomeInput): DecidedOutcome {
  const { fault, call } = input;
  const findings = call === undefined ? [] : findingsOf(call);
  const timeout: ErrorInfo = { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${input.timeoutSeconds.toFixed(2)} seconds` };
  const base = { findings };
  if (fault?.kind === 'throttle') return { ...base, outcome: 'NOT_INVOKED', fault: 'throttle', error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' } };
  if (fault?.kind === 'error') return { ...base, outcome: 'FUNCTION_ERROR', fault: 'error', recycle: 'crash', error: { errorType: 'Runtime.ExitError', errorMessage: 'injected: the function failed before the handler ran' } };
  if (fault?.kind === 'timeout') return { ...base, outcome: 'FUNCTION_ERROR', fault: 'timeout', recycle: 'timeout', error: timeout };
  if (fault?.kind === 'crash' || call?.run.kind === 'crashed') return { ...base, outcome: 'FUNCTION_ERROR', fault: 'crash', recycle: 'crash', error: { errorType: 'Runtime.ExitError', errorMessage: 'injected: the runtime exited during the invocation' } };
  if (call === undefined) throw new Error('shardcheck internal invariant violated: no handler call without a fault');
  const run = call.run;
  if (run.kind === 'hung') return { ...base, outcome: 'FUNCTION_ERROR', recycle: 'hung', error: timeout };
  if (run.kind === 'init-failed') return { ...base, outcome: 'FUNCTION_ERROR', recycle: 'init-failure', error: run.error };
  const earlyStray = call.strays.find((stray) => !stray.afterSettle);
  const lateStray = call.strays.some((stray) => stray.afterSettle);
  if (earlyStray !== undefined) {
    const errorType = earlyStray.kind === 'floating-rejection' ? 'Runtime.UnhandledPromiseRejection' : 'Runtime.UncaughtException';
    return { ...base, outcome: 'FUNCTION_ERROR', recycle: 'unhandled-rejection', error: { errorType, errorMessage: earlyStray.error.errorMessage } };
  }
  const recycle = lateStray ? { recycle: 'unhandled-rejection' as const } : {};
  if (run.kind === 'threw') return { ...base, ...recycle, outcome: 'FUNCTION_ERROR', error: run.error };
  const wire = toWire(run.value);
  if (!wire.ok) {
    return { ...base, ...recycle, findings: [...findings, { kind: 'response-not-serializable', detail: wire.reason }], outcome: 'FUNCTION_ERROR', error: { errorType: 'Runtime.MarshalError', errorMessage: wire.reason } };
  }
  const verdict = classifyResponse(wire.value, input.batchSeqs, input.reportBatchItemFailures, input.semantics);
  return {
    ...base,
    ...recycle,
    outcome: verdict.outcome,
    ...(wire.value === undefined ? {} : { response: wire.value }),
    ...(verdict.outcome === 'OK_PARTIAL' ? { lowest: verdict.lowest } : {}),
    ...(verdict.outcome === 'OK_MALFORMED' ? { error: { errorType: 'MalformedResponse', errorMessage: verdict.reason } } : {}),
  };
}

/** Lambda serialises the response to JSON; the mapping sees only what survives that. */
function toWire(value: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (value === undefined) return { ok: true, value: undefined };
  try {
    const text = JSON.stringify(value);
    return { ok: true, value: text === undefined ? undefined : JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `the response cannot be serialised to JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const HOW = { throw: 'threw', reject: 'rejected with', callback: 'passed to its callback', context: 'passed to context.fail/done' } as const;

function findingsOf(call: HandlerCall): { kind: FindingKind; detail: string }[] {
  const findings: { kind: FindingKind; detail: string }[] = [];
  const run = call.run;
  if (call.mutated) findings.push({ kind: 'event-mutated', detail: 'the handler modified its event object' });
  if (run.kind === 'hung') findings.push({ kind: 'handler-hung', detail: 'the handler did not settle within the real-time guard' });
  if (run.kind === 'init-failed') findings.push({ kind: 'init-failed', detail: `${run.error.errorType}: ${run.error.errorMessage}` });
  if ((run.kind === 'threw' || run.kind === 'init-failed') && run.nonError) {
    findings.push({ kind: 'non-error-thrown', detail: `${run.kind === 'threw' ? HOW[run.via] : 'threw'} a ${run.error.errorType}: ${run.error.errorMessage}` });
  }
  for (const stray of call.strays) {
    findings.push({ kind: stray.kind, detail: `${stray.error.errorType}: ${stray.error.errorMessage}${stray.afterSettle ? ' (after the handler settled)' : ''}` });
  }
  return findings;
}
