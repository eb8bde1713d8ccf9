/**
 * The one place below `src/run` that touches real time. A handler that never settles must not hang
 * the harness, and floating rejections surface only after the microtask queue drains.
 */

export type Guarded<T> =
  | { readonly status: 'fulfilled'; readonly value: T }
  | { readonly status: 'rejected'; readonly reason: unknown }
  | { readonly status: 'hung' };

/** Settles with the promise's outcome, or `hung` after `ms` real milliseconds. */
export function guardRealTime<T>(promise: Promise<T>, ms: number): Promise<Guarded<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'hung' }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ status: 'fulfilled', value });
      },
      (reason: unknown) => {
        clearTimeout(timer);
        resolve({ status: 'rejected', reason });
      },
    );
  });
}

/** Resolves after pending microtasks and Node's unhandled-rejection processing have run. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
