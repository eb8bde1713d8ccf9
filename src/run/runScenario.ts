import { check, type Verdict } from '../check/index.js';
import { attachFaults, wrapDeps } from '../faults/index.js';
import { simulate, type HandlerTarget } from '../mapping/index.js';
import { buildModel, type Model } from '../model/index.js';
import type { FailureCause } from '../report/failureReport.js';
import { resolveScenario, type ScenarioParameters } from '../scenario/index.js';
import type { Trace } from '../trace/index.js';
import type { QualifiedCheckOptions } from './checkOptions.js';

/** One run of a scenario: its trace, model and verdict, and why it failed (undefined when it passed). */
export interface RunOutcome {
  readonly trace: Trace;
  readonly model: Model;
  readonly verdict: Verdict;
  readonly failure: FailureCause | undefined;
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
  if (!verdict.valid) return { trace, model, verdict, failure: { kind: 'verdict', verdict } };
  if (options.invariant === undefined) return { trace, model, verdict, failure: undefined };
  try {
    await options.invariant({ deps, model, trace });
    return { trace, model, verdict, failure: undefined };
  } catch (error) {
    return { trace, model, verdict, failure: { kind: 'user-invariant', error: errorInfo(error) } };
  }
}

function targetOf<D extends object>(options: QualifiedCheckOptions<D>, deps: D): HandlerTarget {
  const target = options.target;
  if (target.kind === 'handler') return target.handler;
  const proxy = wrapDeps(deps);
  return { createHandler: (env) => target.createHandler(proxy, env) };
}

function errorInfo(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  return { name: 'NonError', message: String(error) };
}
