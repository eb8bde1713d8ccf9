import type { Trace } from '../trace/trace.js';
import type { FindingKind, TraceEvent } from '../trace/traceEvent.js';
import type { AdvisoryName, Anomaly, InvariantName } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { FINDING } from './eventCodes.js';
import type { TraceFacts } from './traceFacts.js';

export type Finding = Extract<TraceEvent, { type: 'finding' }>;

/** Indices of the `finding` events of the given kinds, in trace order. */
export function findingsOf(trace: Trace, facts: TraceFacts, kinds: readonly FindingKind[]): number[] {
  const out: number[] = [];
  const { type } = facts.cols;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === FINDING && kinds.includes((trace.events[i] as Finding).kind)) out.push(i);
  }
  return out;
}

/**
 * One harness anomaly per finding of the given kinds, as the simulator recorded it: the summary
 * names the kind, the invocation and the detail; witnesses are the invoke event and the finding.
 */
export function findingAnomalies(invariant: Exclude<InvariantName, AdvisoryName>, kinds: readonly FindingKind[], trace: Trace, facts: TraceFacts): Anomaly[] {
  const { ref, shard } = facts.cols;
  return findingsOf(trace, facts, kinds).map((i) => {
    const e = trace.events[i] as Finding;
    const invoke = ref[i]!;
    return anomalyOf(invariant, {
      rule: 'harness',
      summary: `${e.kind}${e.dispatch === null ? '' : ` in invocation ${e.dispatch}`}: ${e.detail}`,
      ...(invoke === -1 ? {} : { shard: shard[invoke]! }),
      events: invoke === -1 ? [i] : [invoke, i],
    });
  });
}
