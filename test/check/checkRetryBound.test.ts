import { describe, expect, it } from 'vitest';
import { checkRetryBound } from '../../src/check/index.js';
import type { TraceEvent } from '../../src/trace/traceEvent.js';
import { at, byName, corpus, indexOf, mutate, puts, simulated, SQS, TABLE, throwsOn, witnesses } from './support.js';

const invokeIndexes = (events: readonly TraceEvent[]) => events.flatMap((e, i) => (e.type === 'invoke' ? [i] : []));

describe('checkRetryBound (R24, R33, R39, R43, I5)', () => {
  it('R24, R43: is silent on every correct trace of the corpus (bisect halves start a fresh count)', async () => {
    for (const run of await corpus()) expect(checkRetryBound(run.trace, run.model), run.name).toEqual([]);
  });

  it('R24: fires on an invocation beyond MaximumRetryAttempts + 1, naming all m + 2 invocations', async () => {
    // MRA 2: [0, 1] fails three times, then is discarded. Add a fourth attempt before the discard.
    const run = await byName('R24');
    const trace = mutate(run.trace, (events) => {
      const invoke = indexOf(events, 'invoke', (e) => e.attempt === 3);
      const result = indexOf(events, 'result', (e) => e.id === at(events, invoke, 'invoke').id);
      events.splice(result + 1, 0, { ...at(events, invoke, 'invoke'), id: 99, attempt: 4 }, { ...at(events, result, 'result'), id: 99 });
    });
    const anomalies = checkRetryBound(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R24', [0, 1], invokeIndexes(trace.events).slice(0, 4)]]);
    expect(anomalies[0]!.summary).toContain('reached the function 4 times, but MaximumRetryAttempts 2 allows 3');
  });

  it('R24: fires on a RetryAttemptsExhausted discard before m + 1 invocations', async () => {
    const run = await byName('R24');
    let discard = -1;
    const trace = mutate(run.trace, (events) => {
      const invoke = indexOf(events, 'invoke', (e) => e.attempt === 2);
      events.splice(invoke, 2);
      discard = indexOf(events, 'discard');
    });
    const anomalies = checkRetryBound(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R24', [0, 1], [...invokeIndexes(trace.events).slice(0, 2), discard]]]);
    expect(anomalies[0]!.summary).toContain('after 2 invocation(s)');
  });

  it('R24: fires on a RetryAttemptsExhausted discard when MaximumRetryAttempts is -1', async () => {
    const run = await byName('R6 poison batch trimmed');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'trim');
      const trim = at(events, i, 'trim');
      events[i] = { type: 'discard', t: trim.t, shard: trim.shard, lane: 0, records: trim.records, condition: 'RetryAttemptsExhausted', payload: null };
    });
    const anomalies = checkRetryBound(trace, run.model);
    expect(anomalies.map((a) => [a.rule, a.records, a.events.at(-1)])).toEqual([['R24', [0, 1], i]]);
    expect(anomalies[0]!.summary).toContain('MaximumRetryAttempts is -1');
  });

  it('R33: throttles never count; counted as attempts they break the bound', async () => {
    // 3 throttles, then 2 function errors with MRA 1: discarded after exactly 2 invocations.
    const run = await simulated(
      'R33',
      { table: TABLE, operations: puts(1), mapping: { maximumRetryAttempts: 1, destinationConfig: SQS }, faults: { invocations: [{ kind: 'throttle', match: {}, times: 3 }] } },
      throwsOn(0),
    );
    expect(checkRetryBound(run.trace, run.model)).toEqual([]);
    const trace = mutate(run.trace, (events) => {
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        if (e.type === 'invoke' && e.env === null) events[i] = { ...e, env: 0 };
        if (e.type === 'result' && e.outcome === 'NOT_INVOKED') events[i] = { ...e, outcome: 'FUNCTION_ERROR' };
      }
    });
    expect(witnesses(checkRetryBound(trace, run.model))).toEqual([['R24', [0], invokeIndexes(trace.events).slice(0, 3)]]);
  });

  it('R39: the count restarts after a partial response that advances — per the resetRetriesOnPartialProgress knob', async () => {
    // Reset on: [3, 4, 5] reports 5, then [5] is invoked 4 times (MRA 3) and discarded.
    const reset = await byName('R39 RBIF');
    // Reset off: [3, 4, 5] counts as the first of 4 invocations.
    const kept = await byName('R39 knob off');
    expect(checkRetryBound(reset.trace, reset.model)).toEqual([]);
    expect(checkRetryBound(kept.trace, kept.model)).toEqual([]);
    // Judged under the other knob, each trace breaks the bound.
    const resetTrace = invokeIndexes(reset.trace.events);
    expect(witnesses(checkRetryBound(reset.trace, kept.model))).toEqual([['R24', [5], resetTrace.slice(1, 6)]]);
    const keptUnderReset = checkRetryBound(kept.trace, reset.model);
    expect(keptUnderReset.map((a) => [a.rule, a.records])).toEqual([['R24', [5]]]);
    expect(keptUnderReset[0]!.summary).toContain('after 3 invocation(s)');
  });
});
