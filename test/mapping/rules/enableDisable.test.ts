import { describe, expect, it } from 'vitest';
import { checkpoints, deliveries, discards, endReason, eventsOf, invocations, puts, recorder, run, summary, TABLE } from './helpers.js';

describe('enable/disable, poller restart and spontaneous duplicates (R28, R48)', () => {
  it('R28: a disabled mapping invokes nothing; re-enabled it resumes after the last checkpoint', async () => {
    const rec = recorder();
    const trace = await run(
      {
        table: TABLE,
        operations: puts(3, { at: (i) => [0, 1000, 2000][i]! }),
        faults: {
          timed: [
            { kind: 'disable', at: 500 },
            { kind: 'enable', at: 5000 },
          ],
        },
      },
      rec.handler,
    );
    expect(eventsOf(trace, 'mapping').map((m) => [m.t, m.state])).toEqual([
      [500, 'disabled'],
      [5000, 'enabled'],
    ]);
    expect(invocations(trace).map((i) => [i.t, i.records])).toEqual([
      [0, [0]],
      [5000, [1, 2]],
    ]);
    expect(checkpoints(trace)).toEqual([0, 2]);
    expect(rec.calls.map((c) => c.vs)).toEqual([[0], [1, 2]]);
  });

  it('R28: a batch that was failing when the mapping was disabled is read again from the checkpoint', async () => {
    const rec = recorder((call) => {
      if (call.seen(0) <= 2) throw new Error('fails twice');
    });
    const trace = await run(
      {
        table: TABLE,
        operations: puts(2),
        faults: {
          timed: [
            { kind: 'disable', at: 700 },
            { kind: 'enable', at: 3000 },
          ],
        },
      },
      rec.handler,
    );
    expect(invocations(trace).map((i) => [i.t, i.records, i.outcome])).toEqual([
      [0, [0, 1], 'FUNCTION_ERROR'],
      [500, [0, 1], 'FUNCTION_ERROR'],
      [3000, [0, 1], 'OK_SUCCESS'],
    ]);
    expect(eventsOf(trace, 'checkpoint').map((c) => [c.t, c.record])).toEqual([[3000, 1]]);
  });

  it('R28: re-enabled after its checkpoint was trimmed, the mapping resumes at the oldest untrimmed record; the rest is lost', async () => {
    const HOUR = 3_600_000;
    const rec = recorder();
    const trace = await run(
      {
        table: TABLE,
        operations: puts(3, { at: (i) => [0, 10 * HOUR, 20 * HOUR][i]! }),
        mapping: { enabled: false },
        faults: { timed: [{ kind: 'enable', at: 30 * HOUR }] },
      },
      rec.handler,
    );
    // records 0 (trimmed at 24 h) and 1 (trimmed at 34 h): only record 0 is gone at 30 h
    expect(eventsOf(trace, 'trim').map((t) => [t.t, t.records])).toEqual([[30 * HOUR, [0]]]);
    expect(invocations(trace).map((i) => [i.t, i.records])).toEqual([[30 * HOUR, [1, 2]]]);
    expect(discards(trace)).toEqual([]);
    expect(checkpoints(trace)).toEqual([0, 2]);
    expect(endReason(trace)).toBe('drained');
  });

  it('R28: Enabled=false from the start never polls', async () => {
    const rec = recorder();
    const trace = await run({ table: TABLE, operations: puts(2), mapping: { enabled: false } }, rec.handler);
    expect(rec.calls).toHaveLength(0);
    expect(invocations(trace)).toEqual([]);
    expect(eventsOf(trace, 'poll')).toEqual([]);
    expect(endReason(trace)).toBe('stalled');
  });

  it('R28: a poller restart resumes from the checkpoint; the in-flight result is not committed, so records repeat', async () => {
    const rec = recorder();
    const trace = await run(
      { table: TABLE, operations: puts(2), timing: { invocationMs: 1000 }, faults: { timed: [{ kind: 'restart', at: 500 }] } },
      rec.handler,
    );
    expect(invocations(trace).map((i) => [i.t, i.resultT, i.records, i.outcome])).toEqual([
      [0, 1000, [0, 1], 'OK_SUCCESS'],
      [1000, 2000, [0, 1], 'OK_SUCCESS'],
    ]);
    expect(eventsOf(trace, 'checkpoint').map((c) => [c.t, c.record])).toEqual([[2000, 1]]);
    expect(rec.calls.map((c) => c.vs)).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('R48: a spontaneous duplicate redelivers the last committed batch without moving the checkpoint', async () => {
    const rec = recorder();
    const trace = await run(
      {
        table: TABLE,
        operations: [...puts(2), { type: 'put', at: 300, item: { pk: 'a', v: 2 } }],
        faults: { timed: [{ kind: 'duplicate', at: 100, shard: 0 }] },
      },
      rec.handler,
    );
    expect(invocations(trace).map((i) => [i.t, i.records, i.duplicate, i.outcome])).toEqual([
      [0, [0, 1], false, 'OK_SUCCESS'],
      [100, [0, 1], true, 'OK_SUCCESS'],
      [500, [2], false, 'OK_SUCCESS'],
    ]);
    expect(eventsOf(trace, 'checkpoint').map((c) => [c.t, c.record])).toEqual([
      [0, 1],
      [500, 2],
    ]);
    expect(rec.calls.map((c) => c.vs)).toEqual([[0, 1], [0, 1], [2]]);
    // the duplicate carries the same records, byte for byte
    expect(rec.calls[1]!.records).toEqual(rec.calls[0]!.records);
  });

  it('R48: a failing duplicate is not retried, discarded or bisected', async () => {
    const rec = recorder((call) => {
      if (call.n === 1) throw new Error('duplicate fails');
    });
    const trace = await run(
      {
        table: TABLE,
        operations: puts(2),
        mapping: { bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 },
        faults: { timed: [{ kind: 'duplicate', at: 100, shard: 0 }] },
      },
      rec.handler,
    );
    expect(summary(trace)).toEqual([
      [[0, 1], 1, 'OK_SUCCESS'],
      [[0, 1], 1, 'FUNCTION_ERROR'],
    ]);
    expect(invocations(trace)[1]!.duplicate).toBe(true);
    expect(discards(trace)).toEqual([]);
    expect(eventsOf(trace, 'bisect')).toEqual([]);
    expect(checkpoints(trace)).toEqual([1]);
    expect(deliveries(trace, 0)).toBe(2);
  });

  it('R48: a duplicate before anything was committed delivers nothing', async () => {
    const trace = await run(
      { table: TABLE, operations: puts(1, { at: () => 1000 }), faults: { timed: [{ kind: 'duplicate', at: 100, shard: 0 }] } },
      async () => undefined,
    );
    expect(invocations(trace).map((i) => [i.t, i.duplicate])).toEqual([[1000, false]]);
  });
});
