import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Advisory } from './anomaly.js';
import { advisoryOf } from './anomalyOf.js';
import { findingsOf, type Finding } from './findingAnomalies.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Advisory: the handler rewrote its event in place. AWS deserialises a fresh event for every
 * invocation, so the run is unaffected (the simulator hands out private copies too) and this never
 * fails it; it is reported once per run, with the first invocations as witnesses, because code
 * that reuses what it changed (a retry loop over the same event, a cache) breaks.
 */
export function checkEventMutation(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Advisory[] {
  const found = findingsOf(trace, facts, ['event-mutated']);
  if (found.length === 0) return [];
  const { ref, shard } = facts.cols;
  const dispatches = new Set(found.map((i) => (trace.events[i] as Finding).dispatch));
  const first = found[0]!;
  const firstDispatch = (trace.events[first] as Finding).dispatch;
  const count = dispatches.size === 1 ? 'one invocation' : `${dispatches.size} invocations`;
  const events = found.flatMap((i) => (ref[i] === -1 ? [i] : [ref[i]!, i]));
  return [
    advisoryOf('event-mutation', {
      summary: `the handler modified its event object in place in ${count}${firstDispatch === null ? '' : ` (first: invocation ${firstDispatch})`}; harmless on AWS, where every invocation gets a fresh event, but code that reuses what it changed breaks`,
      ...(ref[first] === -1 ? {} : { shard: shard[ref[first]!]! }),
      events,
    }),
  ];
}
