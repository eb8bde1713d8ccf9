import type { Trace } from '../../src/trace/trace.js';
import type { TraceEvent } from '../../src/trace/traceEvent.js';

/*
 * Shared by the dependency-fault tests (wrapDeps, attachFaults, DependencyGate): a downstream that
 * logs what really happened, and the trace's dependency events as compact rows.
 */

/** A plain downstream: async `put`/`get`, sync `count()`, and a log of what really happened. */
export function loggingStore() {
  const log: string[] = [];
  return {
    log,
    async put(key: string): Promise<void> {
      log.push(`put ${key}`);
    },
    async get(key: string): Promise<string> {
      log.push(`get ${key}`);
      return `value of ${key}`;
    },
    count(): number {
      return log.length;
    },
  };
}

export type DependencyEvent = Extract<TraceEvent, { type: 'dependency' }>;

export const dependencyEvents = (trace: Trace): DependencyEvent[] => trace.events.filter((e): e is DependencyEvent => e.type === 'dependency');

/** `dispatch/call/nth path action` per dependency trace event, in trace order. */
export const dependencyRows = (trace: Trace): string[] => dependencyEvents(trace).map((e) => `${e.dispatch}/${e.call}/${e.nth} ${e.path} ${e.action}`);
