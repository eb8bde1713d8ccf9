import { AsyncLocalStorage } from 'node:async_hooks';
import type { DependencyErrorKind } from './faultSchedule.js';
import { processWide } from '../core/index.js';

/** What the dependency proxy tells the running invocation about a call. */
export interface DependencyCallInfo {
  /** e.g. `store.put` or `ddb.send(PutCommand)`. */
  readonly path: string;
  /** The member returns promises, so the call can be deferred. */
  readonly async: boolean;
}

/** An AWS-shaped description of the error to raise; the proxy builds the Error. */
export interface InjectedError {
  readonly kind: DependencyErrorKind;
  readonly requestId: string;
}

/** What happens to one dependency call. */
export type DependencyDecision =
  | { readonly action: 'call' }
  | { readonly action: 'reject'; readonly error: InjectedError }
  | { readonly action: 'applyThenReject'; readonly error: InjectedError }
  | { readonly action: 'defer'; readonly released: Promise<void> }
  /** The call is applied, then the invocation's runtime dies (crash after k calls). */
  | { readonly action: 'crashAfter' }
  /** The invocation's runtime is dead: nothing runs, nothing returns. */
  | { readonly action: 'dead' };

/** The invocation whose async context is running: the target of stray failures, dependency faults and console output. */
export interface InvocationContext {
  readonly dispatch: number;
  report(kind: 'floating-rejection' | 'uncaught-exception', reason: unknown): void;
  dependencyCall(info: DependencyCallInfo): DependencyDecision;
  /**
   * Work the invocation started and has not finished (a dependency call in flight): the runtime
   * waits for it before ending a callback-based invocation (`callbackWaitsForEmptyEventLoop`).
   */
  track(work: PromiseLike<unknown>): void;
  /**
   * Takes console output written in the invocation's async context (`source`: the console method,
   * or `stdout`/`stderr` for direct writes); false when it is not captured (print it as usual).
   */
  log(source: string, text: string): boolean;
}

/**
 * AsyncLocalStorage reaches every continuation of the handler, including its floating promises and
 * timer callbacks, and Node's unhandled-rejection listeners. One per process, shared by the
 * package's ES and CommonJS builds: a handler module that `require`s `wrapDeps` must see the
 * invocation of a simulation started through `import`.
 */
export const invocationContext: AsyncLocalStorage<InvocationContext> = processWide('invocationContext', () => new AsyncLocalStorage<InvocationContext>());
