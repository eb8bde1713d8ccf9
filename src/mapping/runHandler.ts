import type { InvocationContext } from '../faults/invocationContext.js';
import type { LambdaRuntime } from '../scenario/functionConfig.js';
import type { StreamRecord } from '../stream/streamHistory.js';
import type { ErrorInfo } from '../trace/traceEvent.js';
import type { Environment } from './EnvironmentPool.js';
import type { HandlerTarget, StreamHandler } from './handlerTypes.js';
import { privateEvent, wasMutated } from './invocationEvent.js';
import type { ContextFactory } from './lambdaContext.js';
import { guardRealTime } from './realTime.js';
import { runInScope } from './rejectionTrap.js';
import { runtimeCall, type Settlement } from './runtimeCall.js';
import { WorkTracker } from './WorkTracker.js';

/** A failure the handler raised outside its own promise chain. */
export interface Stray {
  readonly kind: 'floating-rejection' | 'uncaught-exception';
  readonly error: ErrorInfo;
  /** The handler had already settled when it surfaced. */
  readonly afterSettle: boolean;
}

export type HandlerRun =
  | { readonly kind: 'returned'; readonly value: unknown }
  /** The runtime died at a dependency call (crash after k calls); whatever the handler does next is moot. */
  | { readonly kind: 'crashed' }
  /** `via`: how the handler reported it (a throw, a rejected promise, its callback, `context.fail/done`). */
  | { readonly kind: 'threw'; readonly error: ErrorInfo; readonly nonError: boolean; readonly via: Extract<Settlement, { kind: 'threw' }>['via'] }
  | { readonly kind: 'hung' }
  | { readonly kind: 'init-failed'; readonly error: ErrorInfo; readonly nonError: boolean };

export interface HandlerCall {
  readonly run: HandlerRun;
  /** The handler changed its event (the simulation is unaffected: it got a private copy). */
  readonly mutated: boolean;
  /** Live: strays keep arriving until `close()`; later ones go to `onLateStray`. */
  readonly strays: readonly Stray[];
  close(): void;
}

export interface HandlerCallInput {
  readonly dispatch: number;
  readonly env: Environment;
  readonly cold: boolean;
  readonly target: HandlerTarget;
  readonly runtime: LambdaRuntime;
  /** The event's records; each call gets a private copy so a mutation cannot leak. */
  readonly records: readonly StreamRecord[];
  readonly context: ContextFactory;
  readonly guardMs: number;
  /** Called for strays that surface after the run was closed (late floating promises). */
  readonly onLateStray: (stray: Stray) => void;
  /** Decides each dependency call made in this invocation's async context. */
  readonly dependencyCall: InvocationContext['dependencyCall'];
  /** Resolves when the invocation's runtime dies at a dependency call. */
  readonly crashed: Promise<void>;
  /** Takes the invocation's console output; false to let it through. */
  readonly log: InvocationContext['log'];
}

/**
 * Calls user code defensively: synchronous throws, non-Error throws, rejections, hangs, event
 * mutation and stray failures are all turned into data, never into a crash or a hang.
 */
export async function callHandler(input: HandlerCallInput): Promise<HandlerCall> {
  const strays: Stray[] = [];
  let settled = false;
  let closed = false;
  const work = new WorkTracker();
  const scope: InvocationContext = {
    dispatch: input.dispatch,
    dependencyCall: input.dependencyCall,
    report(kind: Stray['kind'], reason: unknown) {
      const stray = { kind, error: errorInfo(reason), afterSettle: settled };
      if (closed) input.onLateStray(stray);
      else strays.push(stray);
    },
    track: (promise) => work.track(promise),
    log: input.log,
  };
  const event = privateEvent(input.records);
  const crash = input.crashed.then((): HandlerRun => ({ kind: 'crashed' }));
  const run = await Promise.race([runInScope(scope, () => invoke(input, event, () => work.idle())), crash]);
  settled = true;
  return {
    run,
    mutated: wasMutated(event, input.records),
    strays,
    close: () => {
      closed = true;
    },
  };
}

async function invoke(input: HandlerCallInput, event: unknown, idle: () => Promise<void>): Promise<HandlerRun> {
  const { env, target } = input;
  if (env.handler === undefined) {
    if (typeof target === 'function') {
      env.handler = target;
    } else {
      const created = await guardRealTime(attempt(() => target.createHandler({ env: env.id })), input.guardMs);
      if (created.status === 'hung') return { kind: 'hung' };
      if (created.status === 'rejected') return { kind: 'init-failed', ...thrown(created.reason) };
      if (typeof created.value !== 'function') {
        return { kind: 'init-failed', nonError: false, error: { errorType: 'Runtime.HandlerNotFound', errorMessage: `createHandler returned ${typeof created.value}, not a function` } };
      }
      env.handler = created.value;
    }
  }
  const handler: StreamHandler = env.handler;
  const call = runtimeCall({ runtime: input.runtime, handler, event, context: input.context, idle });
  const outcome = await guardRealTime(call, input.guardMs);
  if (outcome.status === 'hung') return { kind: 'hung' };
  if (outcome.status === 'rejected') throw outcome.reason; // runtimeCall never rejects: a harness bug
  const settlement = outcome.value;
  if (settlement.kind === 'returned') return { kind: 'returned', value: settlement.value };
  const { reason, via } = settlement;
  // `context.fail()` with nothing to report is the runtime's own 'handled', not the handler's throw.
  const nonError = !(reason instanceof Error) && !(via === 'context' && reason === 'handled');
  return { kind: 'threw', error: errorInfo(reason), nonError, via };
}

/** Turns a synchronous throw into a rejection so both take one path. */
function attempt<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error);
  }
}

function thrown(reason: unknown): { error: ErrorInfo; nonError: boolean } {
  return { error: errorInfo(reason), nonError: !(reason instanceof Error) };
}

export function errorInfo(reason: unknown): ErrorInfo {
  if (reason instanceof Error) return { errorType: reason.name || 'Error', errorMessage: reason.message };
  if (reason === null) return { errorType: 'null', errorMessage: 'null' };
  let message: string;
  try {
    message = typeof reason === 'object' ? (JSON.stringify(reason) ?? String(reason)) : String(reason);
  } catch {
    message = Object.prototype.toString.call(reason);
  }
  return { errorType: typeof reason, errorMessage: message };
}
