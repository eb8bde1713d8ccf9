import { expect } from 'vitest';
import type { StreamHandler } from '../mapping/index.js';
import { checkStreamHandler, ShardcheckFailure, type CheckStreamHandlerOptions } from '../run/index.js';

/** Options of the matcher: everything of `checkStreamHandler` but the handler itself. */
export type SurviveOptions<D extends object> = Omit<CheckStreamHandlerOptions<D>, 'handler' | 'createHandler'>;

/** A handler, or `{ createHandler }` for one handler per simulated execution environment. */
export type HandlerOrFactory<D extends object> = StreamHandler | { createHandler: NonNullable<CheckStreamHandlerOptions<D>['createHandler']> };

interface ShardcheckMatchers<R = unknown> {
  /** Runs `checkStreamHandler` against the received handler; fails with the shardcheck report. */
  toSurviveStreamFaults<D extends object>(options?: SurviveOptions<D>): Promise<R>;
}

declare module 'vitest' {
  interface Matchers<T = any> extends ShardcheckMatchers<T> {}
}

/** Registers `toSurviveStreamFaults` (the plugin's setup file calls this; tests may too). */
export function registerMatchers(): void {
  expect.extend({
    async toSurviveStreamFaults(received: unknown, options: SurviveOptions<object> = {}) {
      const target = targetOf(received);
      try {
        await checkStreamHandler({ ...options, ...target });
        return { pass: true, message: () => 'expected the handler to fail under stream faults, but every run passed' };
      } catch (error) {
        if (error instanceof ShardcheckFailure) return { pass: false, message: () => error.message };
        throw error;
      }
    },
  });
}

function targetOf(received: unknown): Pick<CheckStreamHandlerOptions<object>, 'handler' | 'createHandler'> {
  if (typeof received === 'function') return { handler: received as StreamHandler };
  if (typeof received === 'object' && received !== null && typeof (received as { createHandler?: unknown }).createHandler === 'function') {
    return { createHandler: (received as { createHandler: NonNullable<CheckStreamHandlerOptions<object>['createHandler']> }).createHandler };
  }
  throw new TypeError('toSurviveStreamFaults expects a handler function or { createHandler } (got ' + typeof received + ')');
}
