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
  return new Promise((resolve) => {
    let finished = false;
    const first = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A): void => {
      if (finished) return;
      finished = true;
      fn(...args);
    };
    const end = (value: unknown) => resolve({ kind: 'returned', value });
    const fail = (reason: unknown, via: Extract<Settlement, { kind: 'threw' }>['via']) => resolve({ kind: 'threw', reason, via });
    const done = (error: unknown, result: unknown) => (error !== undefined && error !== null ? fail(error, 'context') : end(result));
    const completion: ContextCompletion = {
      waits: true,
      done: first(done),
      succeed: first((result: unknown) => done(null, result)),
      fail: first((error: unknown) => done(error ?? 'handled', null)),
    };
    // callback(error, result) and a synchronous throw (which the runtime hands to the callback).
    const report = (error: unknown, result: unknown, via: 'callback' | 'throw') => {
      if (error !== undefined && error !== null) fail(error, via);
      else if (!completion.waits) end(result);
      else void input.idle().then(() => end(result));
    };
    const callback = first((error?: unknown, result?: unknown) => report(error, result, 'callback'));
    let returned: unknown;
    try {
      returned = input.handler(input.event as never, input.context(completion), callback as never);
    } catch (error) {
      first(() => report(error, undefined, 'throw'))(); // so even `throw undefined` "succeeds", as on AWS
      return;
    }
    if (isThenable(returned)) {
      Promise.resolve(returned).then(first(end), first((reason: unknown) => fail(reason, 'reject')));
    } else {
      void input.idle().then(first(() => end(undefined)));
    }
  });
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
  const context = input.context({ waits: false, done: gone('done'), succeed: gone('succeed'), fail: gone('fail') });
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
