import { ShardcheckError } from '../core/index.js';
import { intercept, isSdkClient, isWrappable, type AnyFunction, type MemberShape } from './interceptCall.js';
import { isSdkV2Client } from './sdkV2Request.js';
import type { WrapDepsOptions } from './wrapDeps.js';

/** Restores every object `attachFaults` patched, exactly as it was. */
export type DetachFaults = () => void;

/** Stand-ins this module installed, so attaching twice never wraps a stand-in again. */
const standIns = new WeakSet<AnyFunction>();
const MAX_DEPTH = 8;

/**
 * Fault injection attached in place, for a handler that holds its downstream in module scope (a
 * module-level `DynamoDBDocumentClient`) and so never sees the `wrapDeps` proxy: every function
 * member reachable from `deps` (own properties recursively, and methods of class instances) and
 * the `send` of AWS SDK v3 clients (not their internals) is shadowed by an own property that
 * behaves like the proxy's member: transparent outside a simulated invocation, decided by the
 * running simulation inside one. AWS SDK v2 clients (a service object or a `DocumentClient`) get
 * their operations patched, not what they hold (their inner service, config). Works over a
 * mocked client (`aws-sdk-client-mock` stubs `send`). Returns `detach`; call it when the run ends.
 */
export function attachFaults(deps: object, options: WrapDepsOptions = {}): DetachFaults {
  const undo: (() => void)[] = [];
  try {
    visit(deps, options.name ?? '', 0, new WeakSet(), undo);
  } catch (error) {
    restore(undo);
    throw error;
  }
  return () => restore(undo);
}

function restore(undo: (() => void)[]): void {
  for (const step of undo.reverse()) step();
  undo.length = 0;
}

function visit(target: object, path: string, depth: number, seen: WeakSet<object>, undo: (() => void)[]): void {
  if (seen.has(target) || depth > MAX_DEPTH) return;
  seen.add(target);
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (isSdkClient(target)) {
    const send = (target as { send?: unknown }).send;
    if (typeof send === 'function') patch(target, 'send', send as AnyFunction, at('send'), 'sdk-v3-send', undo);
    return;
  }
  if (isSdkV2Client(target)) {
    // Its operations, not its internals: a member that builds no request is not a dependency call.
    for (const key of memberNames(target)) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value === 'function') patch(target, key, value as AnyFunction, at(key), 'sdk-v2', undo);
    }
    return;
  }
  for (const key of memberNames(target)) {
    const value: unknown = Reflect.get(target, key);
    if (typeof value === 'function') patch(target, key, value as AnyFunction, at(key), 'plain', undo);
    else if (isWrappable(value) && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)) visit(value, at(key), depth + 1, seen, undo);
  }
}

/** Own enumerable keys, and the methods of a class instance's prototype chain. */
function memberNames(target: object): string[] {
  const names = new Set(Object.keys(target));
  for (let proto = Object.getPrototypeOf(target); proto !== null && proto !== Object.prototype && proto !== Function.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (descriptor !== undefined && typeof descriptor.value === 'function') names.add(key);
    }
  }
  return [...names];
}

function patch(target: object, key: string, fn: AnyFunction, path: string, shape: MemberShape, undo: (() => void)[]): void {
  if (standIns.has(fn)) return;
  const own = Object.getOwnPropertyDescriptor(target, key);
  if (!Object.isExtensible(target) || (own !== undefined && !own.configurable)) {
    throw new ShardcheckError(`deps.${path} cannot be given faults in place: the object is frozen or the member is not configurable; hand the object to the handler through createHandler (it then gets a fault-injecting proxy)`);
  }
  const standIn = intercept(target, fn, path, shape);
  standIns.add(standIn);
  Object.defineProperty(target, key, { value: standIn, writable: true, configurable: true, enumerable: own?.enumerable ?? false });
  undo.push(() => {
    if (own === undefined) Reflect.deleteProperty(target, key);
    else Object.defineProperty(target, key, own);
  });
}
