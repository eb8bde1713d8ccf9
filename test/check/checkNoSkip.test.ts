import { describe, expect, it } from 'vitest';
import { checkNoSkip } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, witnesses } from './support.js';

describe('checkNoSkip (R32, R38, R42, R57)', () => {
  it('R32, R42: is silent on every correct trace of the corpus (acknowledged, discarded, trimmed and LATEST-skipped records)', async () => {
    for (const run of await corpus()) expect(checkNoSkip(run.trace, run.model), run.name).toEqual([]);
  });

  it('R32: fires when the checkpoint passes a batch whose invocation failed, naming the first record', async () => {
    const run = await byName('R43');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      const invoke = at(events, indexOf(events, 'invoke', (e) => e.records.join() === '7,8,10,11'), 'invoke');
      const r = indexOf(events, 'result', (e) => e.id === invoke.id);
      events[r] = { ...at(events, r, 'result'), outcome: 'FUNCTION_ERROR' };
      i = indexOf(events, 'checkpoint', (e) => e.record === 11);
    });
    const anomalies = checkNoSkip(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R32', [7], [i]]]);
    expect(anomalies[0]!.summary).toContain('and 3 more');
  });

  it('R32: fires when the checkpoint jumps ahead to a record never delivered', async () => {
    const run = await byName('R24');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'checkpoint', (e) => e.record === 1);
      events[i] = { ...at(events, i, 'checkpoint'), record: 2, seq: run.trace.records[2]!.seq };
    });
    expect(witnesses(checkNoSkip(trace, run.model))).toEqual([['R32', [2], [i]]]);
  });

  it('R38: a partial response acknowledges only the records before its lowest failure', async () => {
    // [3, 4, 5] reports 5: 3 and 4 are acknowledged and the checkpoint moves to 4. Reporting 4 instead
    // acknowledges only 3, so the same checkpoint passes record 4.
    const run = await byName('R39 RBIF');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      const r = indexOf(events, 'result', (e) => e.outcome === 'OK_PARTIAL');
      events[r] = { ...at(events, r, 'result'), lowest: run.trace.records[4]!.seq };
      i = indexOf(events, 'checkpoint', (e) => e.record === 4);
    });
    expect(witnesses(checkNoSkip(trace, run.model))).toEqual([['R32', [4], [i]]]);
  });

  it('R42, R6: discards and trims settle records; without them the checkpoint skips', async () => {
    const run = await byName('R6 poison batch trimmed');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      const trim = indexOf(events, 'trim');
      events.splice(trim, 1);
      i = indexOf(events, 'checkpoint', (e) => e.record === 1);
    });
    expect(witnesses(checkNoSkip(trace, run.model))).toEqual([['R32', [0], [i]]]);
  });
});
