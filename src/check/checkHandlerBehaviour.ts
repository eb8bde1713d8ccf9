import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { TraceEvent } from '../trace/traceEvent.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { FINDING } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Harness: every `finding` the simulator recorded about the handler (hung, mutated its event,
 * threw a non-Error, left a floating rejection or uncaught exception, failed to initialise,
 * returned an unserialisable response) becomes one anomaly. Witnesses: the invoke event of its
 * dispatch and the finding.
 */
export function checkHandlerBehaviour(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { type, ref, shard } = facts.cols;
  for (let i = 0; i < type.length; i++) {
    if (type[i] !== FINDING) continue;
    const e = trace.events[i] as Extract<TraceEvent, { type: 'finding' }>;
    const invoke = ref[i]!;
    out.push(
      anomalyOf('handler-behaviour', {
        rule: 'harness',
        summary: `${e.kind}${e.dispatch === null ? '' : ` in invocation ${e.dispatch}`}: ${e.detail}`,
        ...(invoke === -1 ? {} : { shard: shard[invoke]! }),
        events: invoke === -1 ? [i] : [invoke, i],
      }),
    );
  }
  return out;
}
