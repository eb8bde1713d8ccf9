import { invocationContext as storage, type InvocationContext } from '../faults/invocationContext.js';

type Listener = (...args: unknown[]) => void;

let installed = false;

/**
 * Runs `fn` so that rejections and exceptions escaping from it (floating promises, timer callbacks)
 * are attributed to `scope` (the invocation) instead of crashing the process or failing the user's test runner.
 * AsyncLocalStorage context reaches Node's `unhandledRejection`/`uncaughtException` listeners.
 */
export function runInScope<T>(scope: InvocationContext, fn: () => T): T {
  if (!installed) install();
  return storage.run(scope, fn);
}

/**
 * Takes over the process listeners once: events from a shardcheck invocation are captured, all
 * others are forwarded unchanged to the listeners that were there before.
 */
function install(): void {
  installed = true;
  for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
    const emitter = process as unknown as NodeJS.EventEmitter;
    const previous = emitter.listeners(event) as Listener[];
    emitter.removeAllListeners(event);
    emitter.on(event, (reason: unknown, ...rest: unknown[]) => {
      const scope = storage.getStore();
      if (scope !== undefined) {
        scope.report(event === 'unhandledRejection' ? 'floating-rejection' : 'uncaught-exception', reason);
        return;
      }
      if (previous.length > 0) {
        for (const listener of previous) listener(reason, ...rest);
      } else if (process.listenerCount(event) <= 1) {
        failLikeNode(reason);
      }
    });
  }
}

/** Node's own behaviour when nobody listens: print and exit with code 1. */
function failLikeNode(reason: unknown): void {
  const text = reason instanceof Error ? (reason.stack ?? String(reason)) : String(reason);
  process.stderr.write(`${text}\n`);
  process.exit(1);
}
