import { injectedError, type ErrorShape } from './injectedError.js';
import { invocationContext, type DependencyDecision, type InvocationContext } from './invocationContext.js';
import { decidedRequest, deliver, isV2Request, type NodeCallback } from './sdkV2Request.js';

export type AnyFunction = (...args: unknown[]) => unknown;

/**
 * What kind of member is intercepted: a plain function, the `send` of an AWS SDK v3 client, or
 * an operation of an AWS SDK v2 client (returns an unsent `AWS.Request`).
 */
export type MemberShape = 'plain' | 'sdk-v3-send' | 'sdk-v2';

/** Depth of v2 operations being built: the SDK's own calls between patched members are not dependency calls. */
let buildingV2 = 0;

/**
 * The fault-injecting stand-in for one dependency member: outside a simulated invocation it calls
 * `fn` on `real` unchanged; inside one it asks the running simulation what to do with the call
 * (call, reject before, apply then reject, defer, crash) and does it. Used by the `wrapDeps`
 * proxy and by `attachFaults` (patching objects in place).
 *
 * A plain member counts as asynchronous when it is an `async` function or once it has returned
 * a promise; until then a rejection is thrown synchronously and a deferral falls back to a plain
 * call. SDK calls always fail the way the SDK does: a rejected promise, an error passed to a
 * trailing Node-style callback (`send(command, callback)`, `docClient.put(params, callback)`),
 * or for v2 a rejected `.promise()`.
 */
export function intercept(real: object, fn: AnyFunction, path: string, shape: MemberShape): AnyFunction {
  if (shape === 'sdk-v2') return interceptV2(real, fn, path);
  let returnsPromises = shape === 'sdk-v3-send' || fn.constructor.name === 'AsyncFunction';
  return function dependencyCall(...args: unknown[]): unknown {
    const context = invocationContext.getStore();
    const callback = shape === 'sdk-v3-send' ? trailingCallback(args, 2) : undefined;
    const callArgs = callback === undefined ? args : args.slice(0, -1);
    const apply = () => {
      const result = Reflect.apply(fn, real, callArgs);
      if (isThenable(result)) returnsPromises = true;
      return result;
    };
    if (context === undefined) return callback === undefined ? apply() : Reflect.apply(fn, real, args);
    const callPath = shape === 'sdk-v3-send' ? `${path}(${commandName(args[0])})` : path;
    const decision = context.dependencyCall({ path: callPath, async: returnsPromises });
    const result = carryOut(decision, apply, callPath, shape === 'sdk-v3-send' ? 'sdk-v3' : 'plain', returnsPromises, context);
    if (callback === undefined) return result;
    deliver(Promise.resolve(result), callback); // v3 `send` with a callback returns nothing
    return undefined;
  };
}

/**
 * An AWS SDK v2 operation: building the request sends nothing, so it is built first; only a
 * request is a dependency call (helpers such as `createSet` pass through), decided when sent.
 */
function interceptV2(real: object, fn: AnyFunction, path: string): AnyFunction {
  return function dependencyCall(...args: unknown[]): unknown {
    const context = invocationContext.getStore();
    if (context === undefined || buildingV2 > 0) return Reflect.apply(fn, real, args);
    const callback = trailingCallback(args, 1);
    let request: unknown;
    buildingV2++;
    try {
      request = Reflect.apply(fn, real, callback === undefined ? args : args.slice(0, -1));
    } finally {
      buildingV2--;
    }
    if (!isV2Request(request)) {
      // Not a request (e.g. getSignedUrl): answer the callback with the value, as the SDK does.
      if (callback !== undefined) process.nextTick(callback, null, request);
      return request;
    }
    const decision = context.dependencyCall({ path, async: true });
    const stand = decidedRequest(request, decision, () => injectedError(errorOf(decision), path, 'sdk-v2'), context);
    if (callback !== undefined) stand.send(callback);
    return stand;
  };
}

function carryOut(decision: DependencyDecision, apply: () => unknown, path: string, sdk: ErrorShape, async: boolean, context: InvocationContext): unknown {
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

function errorOf(decision: DependencyDecision): Parameters<typeof injectedError>[0] {
  if (decision.action === 'reject' || decision.action === 'applyThenReject') return decision.error;
  return { kind: 'internal', requestId: 'unused' }; // other decisions raise nothing
}

/** A dead runtime returns nothing: async callers wait forever, sync callers cannot continue. */
function halt(async: boolean, path: string): unknown {
  if (async) return new Promise(() => {});
  throw new Error(`shardcheck: the runtime crashed during ${path}`);
}

/** The Node-style callback an SDK call ends with (v3 `send(command, [options,] callback)`; v2 `op([params,] callback)`). */
function trailingCallback(args: readonly unknown[], minArgs: number): NodeCallback | undefined {
  const last = args[args.length - 1];
  return args.length >= minArgs && typeof last === 'function' ? (last as NodeCallback) : undefined;
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
