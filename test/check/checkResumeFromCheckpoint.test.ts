import { describe, expect, it } from 'vitest';
import { checkResumeFromCheckpoint } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, witnesses } from './support.js';

describe('checkResumeFromCheckpoint (R28)', () => {
  it('R28: is silent on every correct trace of the corpus, in-flight invocations across disable and restart included', async () => {
    for (const run of await corpus()) expect(checkResumeFromCheckpoint(run.trace, run.model), run.name).toEqual([]);
  });

  it('R28: fires when the mapping resumes after re-enabling past the first unsettled record', async () => {
    // [0, 1] fails twice, the mapping is disabled and re-enabled, and reads [0, 1] again.
    const run = await byName('R28 disable and enable while a batch is failing');
    let disabled = -1;
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      disabled = indexOf(events, 'mapping', (e) => e.state === 'disabled');
      i = indexOf(events, 'invoke', (e) => e.t > events[disabled]!.t);
      events[i] = { ...at(events, i, 'invoke'), records: [1] };
    });
    const anomalies = checkResumeFromCheckpoint(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R28', [0, 1], [disabled, i]]]);
    expect(anomalies[0]!.summary).toContain('skipped record #0');
  });

  it('R28: fires when a lane resumes after a restart with a gap', async () => {
    const run = await byName('R28 restart with an invocation in flight');
    let restarted = -1;
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      restarted = indexOf(events, 'mapping');
      i = indexOf(events, 'invoke', () => true, 1);
      events[i] = { ...at(events, i, 'invoke'), records: [1] };
    });
    expect(witnesses(checkResumeFromCheckpoint(trace, run.model))).toEqual([['R28', [0, 1], [restarted, i]]]);
  });

  it('R28: a batch about to start when the mapping restarts never starts; the lane reads again from the checkpoint', async () => {
    // Restart at t=0, the instant the shard starts: the batch decided just before it is cancelled,
    // so the first invocation comes after the restart and a fresh read.
    const run = await byName('R28 restart at the instant the shard starts');
    const restarted = indexOf(run.trace.events, 'mapping');
    const first = indexOf(run.trace.events, 'invoke');
    expect(first).toBeGreaterThan(indexOf(run.trace.events, 'batch', () => true, 1));
    expect(checkResumeFromCheckpoint(run.trace, run.model)).toEqual([]);
    const trace = mutate(run.trace, (events) => (events[first] = { ...at(events, first, 'invoke'), records: [1] }));
    expect(witnesses(checkResumeFromCheckpoint(trace, run.model))).toEqual([['R28', [0, 1], [restarted, first]]]);
  });

  it('R28: fires when a non-duplicate invocation delivers a record the checkpoint already passed', async () => {
    const run = await byName('R43');
    let checkpoint = -1;
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke', (e) => e.records.join() === '7,8,10,11');
      checkpoint = indexOf(events, 'checkpoint', (e) => e.record === 5);
      events[i] = { ...at(events, i, 'invoke'), records: [4, 7, 8, 10] };
    });
    expect(witnesses(checkResumeFromCheckpoint(trace, run.model))).toEqual([['R28', [4], [checkpoint, i]]]);
    // flagged as a spontaneous duplicate (R48), the same delivery is allowed
    const duplicate = mutate(trace, (events) => (events[i] = { ...at(events, i, 'invoke'), duplicate: true }));
    expect(checkResumeFromCheckpoint(duplicate, run.model)).toEqual([]);
  });

  it('R28: fires when a disabled mapping starts an invocation', async () => {
    const run = await byName('R28 disable and enable while a batch is failing');
    let disabled = -1;
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      disabled = indexOf(events, 'mapping', (e) => e.state === 'disabled');
      const fresh = at(events, indexOf(events, 'invoke', (e) => e.t > events[disabled]!.t), 'invoke');
      i = disabled + 1;
      events.splice(i, 0, { ...fresh, id: 99, t: events[disabled]!.t + 100 });
    });
    const anomalies = checkResumeFromCheckpoint(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R28', [0], [disabled, i]]]);
    expect(anomalies[0]!.summary).toContain('while the mapping was disabled');
  });
});
