import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { TraceEvent } from '../trace/traceEvent.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import * as C from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Liveness (R32, R34; docs/glossary.md: liveness). A record the handler failed on *on its own* — in a failed
 * invocation (function error, malformed response, or a partial response naming it or an earlier
 * record) that no injected fault decided: no `fault` on the result and no injected dependency
 * failure in that dispatch — and that is then discarded or trimmed is a poison record, reported
 * with its shard and how long it blocked it (first own failure → discard/trim), never as a silent
 * expiry. A malformed response is always the handler's own failure. A run stopped at its `limit`
 * with unsettled records while the mapping is enabled is reported per shard.
 */
export function checkProgressAfterFaults(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { type, code, flags, ref, aux, recStart, recs } = facts.cols;
  const ownFailureAt = new Int32Array(trace.records.length).fill(-1);
  const lastInvokeAt = new Int32Array(trace.records.length).fill(-1);
  const injected = new Set<number>();
  let enabled = model.scenario.mapping.enabled;
  for (let i = 0; i < type.length; i++) {
    switch (type[i]) {
      case C.DEPENDENCY:
        if (code[i] === C.INJECTED_FAILURE) injected.add(ref[i]!);
        break;
      case C.INVOKE:
        for (let k = recStart[i]!; k < recStart[i + 1]!; k++) lastInvokeAt[recs[k]!] = i;
        break;
      case C.RESULT: {
        const invoke = ref[i]!;
        if (invoke < 0 || (flags[invoke]! & C.DUPLICATE) !== 0) break;
        const from = recStart[invoke]!;
        const to = recStart[invoke + 1]!;
        for (let k = from; k < from + aux[i]!; k++) ownFailureAt[recs[k]!] = -1;
        const own = code[i] === C.OK_MALFORMED || ((code[i] === C.FUNCTION_ERROR || code[i] === C.OK_PARTIAL) && flags[i] !== C.FAULTED && !injected.has(invoke));
        if (!own) break;
        for (let k = from + aux[i]!; k < to; k++) if (ownFailureAt[recs[k]!] === -1) ownFailureAt[recs[k]!] = i;
        break;
      }
      case C.DISCARD:
      case C.TRIM: {
        let since = i;
        const poison: number[] = [];
        for (let k = recStart[i]!; k < recStart[i + 1]!; k++) {
          const at = ownFailureAt[recs[k]!]!;
          if (at === -1) continue;
          poison.push(recs[k]!);
          since = Math.min(since, at);
          ownFailureAt[recs[k]!] = -1;
        }
        if (poison.length > 0) out.push(poisoned(facts, i, poison, since));
        break;
      }
      case C.MAPPING:
        if (code[i] !== C.RESTARTED) enabled = code[i] === C.ENABLED;
        break;
      case C.END:
        // A stalled run with the mapping enabled lost records: `at-least-once` reports that.
        if (code[i] === C.LIMIT && enabled) out.push(...stalled(facts, i, lastInvokeAt));
        break;
      default:
        break;
    }
  }
  return out;
}

function poisoned(facts: TraceFacts, at: number, poison: readonly number[], since: number): Anomaly {
  const e = facts.trace.events[at] as Extract<TraceEvent, { type: 'discard' | 'trim' }>;
  const first = facts.trace.events[since] as Extract<TraceEvent, { type: 'result' }>;
  const blockedMs = e.t - first.t;
  const fate = e.type === 'trim' ? 'trimmed from the stream' : `discarded (${e.condition})`;
  const records = poison.length === 1 ? `record #${poison[0]}` : `${poison.length} records from #${poison[0]}`;
  const how = first.error === undefined ? first.outcome : `${first.outcome} ${first.error.errorType}: ${first.error.errorMessage}`;
  return anomalyOf('progress-after-faults', {
    rule: e.type === 'trim' ? 'R32' : 'R34',
    summary: `the handler kept failing on ${records} on its own (first in invocation ${first.id} at t=${first.t} ms: ${how}) and blocked shard ${e.shard} for ${blockedMs} ms until it was ${fate}`,
    shard: e.shard,
    records: poison,
    events: [since, at],
    blockedMs,
  });
}

function stalled(facts: TraceFacts, at: number, lastInvokeAt: Int32Array): Anomaly[] {
  const out: Anomaly[] = [];
  const reason = (facts.trace.events[at] as Extract<TraceEvent, { type: 'end' }>).reason;
  facts.shardRecords.forEach((records, shard) => {
    const stuck = records.find((ordinal) => facts.settledAt[ordinal] === -1);
    if (stuck === undefined) return;
    const invoked = lastInvokeAt[stuck]!;
    out.push(
      anomalyOf('progress-after-faults', {
        rule: 'R32',
        summary: `the run ended ${reason} with record #${stuck} of shard ${shard} never settled${invoked === -1 ? ' (never invoked)' : ''}`,
        shard,
        records: [stuck],
        events: invoked === -1 ? [at] : [invoked, at],
      }),
    );
  });
  return out;
}
