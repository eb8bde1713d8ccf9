import { format, inspect, type InspectOptions } from 'node:util';
import { invocationContext } from '../faults/invocationContext.js';

type AnyFunction = (...args: unknown[]) => unknown;

/** Console methods that print on their own; the others (table, count, trace, group, …) print through these. */
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'dir'] as const;

let users = 0;
let restore: (() => void) | undefined;

/**
 * Routes console output written inside a simulated invocation's async context (console methods,
 * and direct `process.stdout`/`stderr` writes) to that invocation's `log`; output anywhere else,
 * or that the invocation does not take, passes through untouched. Shared by concurrent
 * simulations; returns the release, and the last release restores the originals (unless
 * someone replaced them meanwhile).
 */
export function captureConsole(): () => void {
  if (users++ === 0) restore = install();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users === 0) {
      restore?.();
      restore = undefined;
    }
  };
}

function install(): () => void {
  const undo: (() => void)[] = [];
  const target = globalThis.console as unknown as Record<string, AnyFunction>;
  for (const method of METHODS) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    const standIn = function (this: unknown, ...args: unknown[]): unknown {
      const text = method === 'dir' ? inspect(args[0], args[1] as InspectOptions | undefined) : format(...args);
      if (invocationContext.getStore()?.log(method, text) === true) return undefined;
      return Reflect.apply(original, this, args);
    };
    target[method] = standIn;
    undo.push(() => {
      if (target[method] === standIn) target[method] = original;
    });
  }
  for (const source of ['stdout', 'stderr'] as const) undo.push(captureWrites(process[source], source));
  return () => {
    for (const step of undo.reverse()) step();
  };
}

function captureWrites(stream: NodeJS.WriteStream, source: 'stdout' | 'stderr'): () => void {
  const original = stream.write as unknown as AnyFunction;
  const standIn = function (this: unknown, chunk: unknown, ...rest: unknown[]): unknown {
    const scope = invocationContext.getStore();
    if (scope !== undefined && scope.log(source, textOf(chunk))) {
      // A write that was taken still completes, as the caller's callback expects.
      const callback = rest.find((arg) => typeof arg === 'function') as AnyFunction | undefined;
      if (callback !== undefined) process.nextTick(callback);
      return true;
    }
    return Reflect.apply(original, this, [chunk, ...rest]);
  };
  stream.write = standIn as typeof stream.write;
  return () => {
    if (stream.write === (standIn as typeof stream.write)) stream.write = original as typeof stream.write;
  };
}

function textOf(chunk: unknown): string {
  const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8') : String(chunk);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
