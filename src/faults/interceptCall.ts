import { injectedError } from './injectedError.js';
import { invocationContext, type DependencyDecision, type InvocationContext } from './invocationContext.js';

export type AnyFunction = (...args: unknown[]) => unknown;

/**
 * The fault-injecting stand-in for one dependency member: outside a simulated invocation it calls
 * `fn` on `real` unchanged; inside one it asks the running simulation what to do with the call
 * (call, reject before, apply then reject, defer, crash) and does it. Used by the `wrapDeps`
 * proxy and by `attachFaults` (patching objects in place).
 *
 * A member counts as asynchronous when it is an `async` function, an SDK client's `send`, or once
 * it has returned a promise. Until then a rejection is thrown synchronously and a deferral falls
 * back to a plain call.
 */
export function intercept(real: object, fn: AnyFunction, path: string, sdkSend: boolean): AnyFunction {
  let returnsPromises = sdkSend || fn.constructor.name === 'AsyncFunction';
  return function dependencyCall(...args: unknown[]): unknown {
    const context = invocationContext.getStore();
    const apply = () => {
      const result = Reflect.apply(fn, real, args);
      if (isThenable(result)) returnsPromises = true;
      return result;
    };
    if (context === undefined) return apply();
    const callPath = sdkSend ? `${path}(${commandName(args[0])})` : path;
    const decision = context.dependencyCall({ path: callPath, async: returnsPromises });
    return carryOut(decision, apply, callPath, sdkSend, returnsPromises, context);
  };
}

function carryOut(decision: DependencyDecision, apply: () => unknown, path: string, sdk: boolean, async: boolean, context: InvocationContext): unknown {
  switch (decision.action) {
    case 'call':
      return tracked(context, apply());
    case 'reject': {
      const error = injectedError(decision.error, path, sdk);
      if (async) return Promise.reject(error);
      throw error;
    }
    case 'applyThenReject': {
      const error = injectedError(decision.error, path, sdk);
      const result = apply();
      if (isThenable(result)) return tracked(context, Promise.resolve(result).then(() => Promise.reject(error)));
      throw error;
    }
    case 'defer':
      return tracked(context, decision.released.then(apply));
    case 'crashAfter': {
      // The call went out; whatever it returns, nobody is left to see it.
      const result = apply();
      if (isThenable(result)) Promise.resolve(result).catch(() => undefined);
      return halt(async, path);
    }
    case 'dead':
      return halt(async, path);
  }
}

/** A call in flight is pending work of its invocation (see `InvocationContext.track`). */
function tracked(context: InvocationContext, result: unknown): unknown {
  if (isThenable(result)) context.track(result);
  return result;
}

/** A dead runtime returns nothing: async callers wait forever, sync callers cannot continue. */
function halt(async: boolean, path: string): unknown {
  if (async) return new Promise(() => {});
  throw new Error(`shardcheck: the runtime crashed during ${path}`);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** AWS SDK v3 clients carry a middleware stack and a config next to `send`. */
export function isSdkClient(value: object): boolean {
  return 'middlewareStack' in value && 'config' in value;
}

function commandName(command: unknown): string {
  const name = (command as { constructor?: { name?: unknown } } | undefined)?.constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? name : 'command';
}

/** Values whose members are dependency calls; promises, dates, buffers and errors are data. */
export function isWrappable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  return !(value instanceof Promise || value instanceof Date || value instanceof RegExp || value instanceof Error || ArrayBuffer.isView(value) || value instanceof ArrayBuffer);
}
