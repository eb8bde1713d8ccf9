import type { Context } from 'aws-lambda';
import { ShardcheckError } from '../core/index.js';
import type { LambdaRuntime } from '../scenario/functionConfig.js';
import type { StreamHandler } from './handlerTypes.js';
import type { ContextCompletion, ContextFactory } from './lambdaContext.js';

/** How an invocation ended, as the runtime reports it to Lambda. */
export type Settlement =
  | { readonly kind: 'returned'; readonly value: unknown }
  | {
      readonly kind: 'threw';
      /** What the handler raised (the runtime reports `'handled'` for `context.fail()` without one). */
      readonly reason: unknown;
      readonly via: 'throw' | 'reject' | 'callback' | 'context';
    };

export interface RuntimeCallInput {
  readonly runtime: LambdaRuntime;
  readonly handler: StreamHandler;
  readonly event: unknown;
  /** Builds the invocation's context around the runtime's completion members. */
  readonly context: ContextFactory;
  /**
   * Resolves once the invocation has no pending work left: the approximation of Node's "empty
   * event loop" (its dependency calls have settled and nothing new started for a macrotask).
   */
  readonly idle: () => Promise<void>;
}

/**
 * Calls the handler as Lambda's Node.js runtimes do, and resolves when the invocation ends.
 *
 * Node.js 20 and 22 (runtime interface client 3.x): every handler gets `(event, context,
 * callback)`. The first of these decides the invocation, later ones are ignored: the returned
 * promise settling, `callback(err, result)`, `context.done/succeed/fail`, a synchronous throw.
 * An error ends it at once; `callback(null, result)` ends it when the invocation is idle while
 * `context.callbackWaitsForEmptyEventLoop` is true (the default), at once when false;
 * `context.done/succeed` end it at once. A handler that returns no promise and never calls back
 * succeeds with no response once idle: its synchronous return value is ignored, as on AWS.
 *
 * Node.js 24 awaits a two-parameter handler (a synchronous return value is the response) and
 * refuses a handler declared with three or more parameters, so that fails the simulation at once.
 */
export function runtimeCall(input: RuntimeCallInput): Promise<Settlement> {
  if (input.runtime === 'nodejs24.x') return modernCall(input);
  return new Promise((resolve) => new CallbackRuntime(input, resolve).call());
}

/**
 * One invocation under the Node.js 20/22 runtime. Runs once per invocation, so it is kept cheap:
 * bound methods rather than closures, and a context of data properties only (accessors defined
 * per invocation had made whole simulations about a quarter slower).
 */
class CallbackRuntime {
  private finished = false;
  private readonly context: Context;

  constructor(
    private readonly input: RuntimeCallInput,
    private readonly resolve: (settlement: Settlement) => void,
  ) {
    const completion: ContextCompletion = { done: this.done.bind(this), succeed: this.succeed.bind(this), fail: this.fail.bind(this) };
    this.context = input.context(completion);
  }

  call(): void {
    let returned: unknown;
    try {
      returned = this.input.handler(this.input.event as never, this.context, this.callback.bind(this) as never);
    } catch (error) {
      // The runtime hands a synchronous throw to the callback, so even `throw undefined` "succeeds".
      if (this.claim()) this.report(error, undefined, 'throw', this.context.callbackWaitsForEmptyEventLoop);
      return;
    }
    if (isThenable(returned)) Promise.resolve(returned).then(this.resolved.bind(this), this.rejected.bind(this));
    else void this.input.idle().then(this.resolved.bind(this, undefined));
  }

  /** The first way of ending the invocation wins; later ones are ignored, as by the runtime. */
  private claim(): boolean {
    if (this.finished) return false;
    this.finished = true;
    return true;
  }

  private callback(error?: unknown, result?: unknown): void {
    if (this.claim()) this.report(error, result, 'callback', this.context.callbackWaitsForEmptyEventLoop);
  }

  private done(error?: unknown, result?: unknown): void {
    if (this.claim()) this.report(error, result, 'context', false);
  }

  private succeed(result?: unknown): void {
    if (this.claim()) this.report(null, result, 'context', false);
  }

  private fail(error?: unknown): void {
    if (this.claim()) this.report(error ?? 'handled', null, 'context', false);
  }

  private resolved(value: unknown): void {
    if (this.claim()) this.resolve({ kind: 'returned', value });
  }

  private rejected(reason: unknown): void {
    if (this.claim()) this.resolve({ kind: 'threw', reason, via: 'reject' });
  }

  /** An error ends the invocation at once; a result once idle when the runtime waits for the event loop. */
  private report(error: unknown, result: unknown, via: 'throw' | 'callback' | 'context', waitForIdle: unknown): void {
    if (error !== undefined && error !== null) this.resolve({ kind: 'threw', reason: error, via });
    else if (!waitForIdle) this.resolve({ kind: 'returned', value: result });
    else void this.input.idle().then(() => this.resolve({ kind: 'returned', value: result }));
  }
}

/** Node.js 24: `await handler(event, context)`; no callback, no context completion methods. */
function modernCall(input: RuntimeCallInput): Promise<Settlement> {
  if (input.handler.length >= 3) {
    throw new ShardcheckError(
      `function.runtime 'nodejs24.x' refuses callback-based handlers, and this handler declares ${input.handler.length} parameters (event, context, callback): make it async and return or throw instead of calling back, or set function.runtime to 'nodejs22.x' (got handler.length ${input.handler.length})`,
    );
  }
  const gone = (name: string) => () => {
    throw new Error(`context.${name}() does not exist in the Node.js 24 runtime: return (or throw) from the async handler instead`);
  };
  const context = input.context({ done: gone('done'), succeed: gone('succeed'), fail: gone('fail') });
  const settle = (value: unknown): Settlement => ({ kind: 'returned', value });
  const reject = (reason: unknown): Settlement => ({ kind: 'threw', reason, via: 'reject' });
  try {
    return Promise.resolve(input.handler(input.event as never, context, undefined as never)).then(settle, reject);
  } catch (error) {
    return Promise.resolve({ kind: 'threw', reason: error, via: 'throw' });
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
