import { intercept, isSdkClient, isWrappable, type AnyFunction, type MemberShape } from './interceptCall.js';
import { isSdkV2Client } from './sdkV2Request.js';

export interface WrapDepsOptions {
  /** Prefix of call paths (default: none, so `deps.store.put` is `store.put`). */
  readonly name?: string;
}

/**
 * A fault-injecting proxy over the object a handler uses for its downstream: every function-valued
 * member (recursively), the `send` of AWS SDK v3 clients and the operations of AWS SDK v2 clients
 * (an unsent `AWS.Request`, decided when sent: `.promise()` rejects, the callback gets the error). Outside a simulated invocation it is
 * transparent; inside one, each call asks the running simulation what to do (call, reject before,
 * apply then reject, defer, crash). Calls run on the real object, so `this`, synchronous return
 * values and property reads behave as without the proxy.
 *
 * A member counts as asynchronous when it is an `async` function, an SDK client's `send`, or once
 * it has returned a promise. Until then a rejection is thrown synchronously and a deferral falls
 * back to a plain call, since changing a synchronous member's return type would be a fault of its
 * own: declare promise-returning members `async` to make their first call deferrable.
 */
export function wrapDeps<T extends object>(deps: T, options: WrapDepsOptions = {}): T {
  return wrap(deps, options.name ?? '', new WeakMap()) as T;
}

function wrap(target: object, path: string, cache: WeakMap<object, object>): object {
  const cached = cache.get(target);
  if (cached !== undefined) return cached;
  const wrappers = new WeakMap<AnyFunction, AnyFunction>();
  const handler: ProxyHandler<object> = {
    get(_, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop === 'symbol') return typeof value === 'function' ? (value as AnyFunction).bind(target) : value;
      const memberPath = path === '' ? prop : `${path}.${prop}`;
      if (typeof value === 'function') {
        // Keyed by the function itself, so a member replaced later (a mock) is seen.
        let wrapper = wrappers.get(value as AnyFunction);
        if (wrapper === undefined) {
          wrapper = intercept(target, value as AnyFunction, memberPath, shapeOf(target, prop));
          wrappers.set(value as AnyFunction, wrapper);
        }
        return wrapper;
      }
      return isWrappable(value) ? wrap(value, memberPath, cache) : value;
    },
    set(_, prop, value) {
      return Reflect.set(target, prop, value, target);
    },
  };
  const proxy = new Proxy(Object.isExtensible(target) ? target : shadowOf(target, handler), handler);
  cache.set(target, proxy);
  return proxy;
}

function shapeOf(target: object, prop: string): MemberShape {
  if (prop === 'send' && isSdkClient(target)) return 'sdk-v3-send';
  return isSdkV2Client(target) ? 'sdk-v2' : 'plain';
}

/**
 * A frozen object's proxy must return its exact property values, which would expose the raw
 * members; a proxy over an empty stand-in that forwards to it has no such constraint.
 */
function shadowOf(target: object, handler: ProxyHandler<object>): object {
  const shadow = Array.isArray(target) ? [] : Object.create(Object.getPrototypeOf(target));
  handler.has = (_, prop) => Reflect.has(target, prop);
  handler.ownKeys = () => Reflect.ownKeys(target);
  handler.getOwnPropertyDescriptor = (_, prop) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(target, prop);
    return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
  };
  return shadow;
}
