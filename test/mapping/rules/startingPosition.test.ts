import { describe, expect, it } from 'vitest';
import { deliveries, eventsOf, invocations, puts, run, TABLE } from './helpers.js';

/** One record per second on one item, t = 0 … 20 s. */
const everySecond = puts(21, { at: (i) => i * 1000 });

describe('StartingPosition (R22)', () => {
  it('R22: TRIM_HORIZON reads every record from the start of the stream', async () => {
    const trace = await run({ table: TABLE, operations: everySecond, mapping: { startingPosition: 'TRIM_HORIZON' }, timing: { latestStartJitterMs: 10_000 } }, async () => undefined);
    expect(eventsOf(trace, 'shard-ready').map((r) => [r.shard, r.t, r.from, r.startIndex])).toEqual([[0, 0, 'TRIM_HORIZON', 0]]);
    expect(trace.records.map((r) => deliveries(trace, r.ordinal))).toEqual(new Array(21).fill(1));
  });

  it('R22: LATEST starts at a random point of the start window and skips everything written before it', async () => {
    const starts: number[] = [];
    for (const simSeed of [0, 1, 2, 3, 4]) {
      const trace = await run(
        { table: TABLE, operations: everySecond, mapping: { startingPosition: 'LATEST' }, timing: { latestStartJitterMs: 10_000 }, simSeed },
        async () => undefined,
      );
      const [ready] = eventsOf(trace, 'shard-ready');
      expect(ready!.from).toBe('LATEST');
      expect(ready!.t).toBeGreaterThanOrEqual(0);
      expect(ready!.t).toBeLessThanOrEqual(10_000);
      starts.push(ready!.t);
      const before = trace.records.filter((r) => r.createdAt < ready!.t).map((r) => r.ordinal);
      expect(ready!.startIndex).toBe(before.length);
      for (const r of trace.records) expect(deliveries(trace, r.ordinal)).toBe(r.createdAt < ready!.t ? 0 : 1);
      // the skipped records are behind the checkpoint: the mapping drains
      expect(eventsOf(trace, 'end')[0]!.reason).toBe('drained');
      // the first invocation carries the first record written at or after the start
      expect(invocations(trace)[0]!.records[0]).toBe(before.length);
    }
    // the start point is not fixed: some seeds miss records written after the mapping was created
    expect(new Set(starts).size).toBeGreaterThan(1);
    expect(starts.some((t) => t > 0)).toBe(true);
  });

  it('R22: the LATEST start window defaults to 90 s', async () => {
    const trace = await run({ table: TABLE, operations: puts(1, { at: () => 200_000 }), mapping: { startingPosition: 'LATEST' }, simSeed: 7 }, async () => undefined);
    const [ready] = eventsOf(trace, 'shard-ready');
    expect(ready!.t).toBeGreaterThanOrEqual(0);
    expect(ready!.t).toBeLessThanOrEqual(90_000);
    expect(invocations(trace).map((i) => [i.t, i.records])).toEqual([[200_000, [0]]]);
  });

  it('R22: LATEST also skips records that a shard closed before the start handed to its child', async () => {
    // Shard 0 rolls over at t=1.5 s, so records from t=2 s on are in shard 1. A LATEST mapping that
    // starts later must not read shard 1's records written before its start from the trim horizon.
    for (const simSeed of [0, 1, 2, 3]) {
      const trace = await run(
        {
          table: TABLE,
          operations: everySecond,
          stream: { topology: [{ kind: 'rollover', at: 1500, shard: 0 }] },
          mapping: { startingPosition: 'LATEST' },
          timing: { latestStartJitterMs: 10_000 },
          simSeed,
        },
        async () => undefined,
      );
      const start = eventsOf(trace, 'shard-ready').find((r) => r.shard === 0)!.t;
      expect(start).toBeGreaterThan(2000); // these seeds start after the rollover and after record 2
      const delivered = trace.records.filter((r) => deliveries(trace, r.ordinal) > 0).map((r) => r.ordinal);
      expect(delivered).toEqual(trace.records.filter((r) => r.createdAt >= start).map((r) => r.ordinal));
    }
  });
});
