import { check, type Verdict } from '../check/index.js';
import { attachFaults, wrapDeps } from '../faults/index.js';
import { simulate, type HandlerTarget } from '../mapping/index.js';
import { buildModel, type Model } from '../model/index.js';
import type { FailureCause, HandlerLogLine, UserError } from '../report/failureReport.js';
import { resolveScenario, type ScenarioParameters } from '../scenario/index.js';
import type { Trace } from '../trace/index.js';
import type { QualifiedCheckOptions } from './checkOptions.js';

/** One run of a scenario: its trace, model and verdict, and why it failed (undefined when it passed). */
export interface RunOutcome {
  readonly trace: Trace;
  readonly model: Model;
  readonly verdict: Verdict;
  readonly failure: FailureCause | undefined;
  /** What the handler printed during the run, per invocation. */
  readonly logs?: readonly HandlerLogLine[];
}

/**
 * Runs one scenario against the handler with fresh deps: simulate (a handler made by
 * `createHandler` gets the fault-injecting proxy; for a `handler` instance, which may hold the
 * same objects in module scope, faults are attached to them in place for the run), then the
 * built-in invariants, then the user's invariant (real deps).
 */
export async function runScenario<D extends object>(options: QualifiedCheckOptions<D>, scenario: ScenarioParameters): Promise<RunOutcome> {
  const deps = options.deps();
  const target = targetOf(options, deps);
  const resolved = resolveScenario(scenario);
  const detach = options.target.kind === 'handler' ? attachFaults(deps) : undefined;
  let trace: Trace;
  try {
    trace = await simulate(resolved, target);
  } finally {
    detach?.();
  }
  const model = buildModel(resolved);
  const verdict = check(trace, model, { disable: options.disable });
  // Captured console output lives beside the trace, never in it (traces stay byte-identical).
  const logs = trace.logs ?? [];
  if (!verdict.valid) return { trace, model, verdict, logs, failure: { kind: 'verdict', verdict } };
  if (options.invariant === undefined) return { trace, model, verdict, logs, failure: undefined };
  try {
    await options.invariant({ deps, model, trace });
    return { trace, model, verdict, logs, failure: undefined };
  } catch (error) {
    return { trace, model, verdict, logs, failure: { kind: 'user-invariant', error: errorInfo(error) } };
  }
}

function targetOf<D extends object>(options: QualifiedCheckOptions<D>, deps: D): HandlerTarget {
  const target = options.target;
  if (target.kind === 'handler') return target.handler;
  const proxy = wrapDeps(deps);
  return { createHandler: (env) => target.createHandler(proxy, env) };
}

/** The user's error, kept whole: an assertion's `expected` and `actual` travel with it so a runner can diff them. */
export function errorInfo(error: unknown): UserError {
  try {
    return readError(error);
  } catch {
    return { name: 'Error', message: '(the thrown value could not be read: its properties throw)' };
  }
}

function readError(error: unknown): UserError {
  if (!(error instanceof Error)) return { name: 'NonError', message: safeString(error) };
  const e = error as Error & { expected?: unknown; actual?: unknown; showDiff?: boolean };
  const hasDiff = e.showDiff !== false && 'expected' in e && 'actual' in e;
  return {
    name: e.name,
    message: e.message,
    ...(e.stack === undefined ? {} : { stack: e.stack }),
    ...(hasDiff ? { expected: e.expected, actual: e.actual, hasDiff: true } : {}),
  };
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
