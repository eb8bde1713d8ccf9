import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import type { Trace } from '../../src/trace/trace.js';
import type { TraceEvent } from '../../src/trace/traceEvent.js';
import { determinismScenario, deterministicFactory } from './support/determinismScenario.js';

/*
 * DESIGN.md §4: the same scenario (with a handler that is itself deterministic) gives a
 * byte-identical trace, in this process or in a fresh one; the seed and the interleaving list are
 * the only sources of variation.
 */

const run = (overrides: Partial<ScenarioParameters> = {}): Promise<Trace> => simulate(determinismScenario(overrides), deterministicFactory());

type Invoke = Extract<TraceEvent, { type: 'invoke' }>;
const invokes = (trace: Trace): Invoke[] => trace.events.filter((e): e is Invoke => e.type === 'invoke');
const count = (trace: Trace, predicate: (e: TraceEvent) => boolean): number => trace.events.filter(predicate).length;

describe('determinism', () => {
  it('the fixed scenario really exercises split, PF lanes, faults, restart, duplicate and bisect/partial', async () => {
    const trace = await run();
    expect(trace.shards.map((s) => s.parents)).toEqual([[], [], [], [0], [0]]);
    const kinds = new Set(trace.events.flatMap((e) => (e.type === 'fault' ? [e.kind] : [])));
    expect([...kinds].sort()).toEqual(['duplicate', 'error', 'reclaim', 'restart', 'throttle', 'timeout']);
    expect(count(trace, (e) => e.type === 'invoke' && e.lane === 1)).toBeGreaterThan(0);
    expect(count(trace, (e) => e.type === 'invoke' && e.duplicate)).toBe(1);
    expect(count(trace, (e) => e.type === 'result' && e.outcome === 'OK_PARTIAL')).toBeGreaterThan(0);
    expect(count(trace, (e) => e.type === 'result' && e.outcome === 'NOT_INVOKED')).toBe(3);
    expect(count(trace, (e) => e.type === 'mapping' && e.state === 'restarted')).toBe(1);
    expect(count(trace, (e) => e.type === 'shard-ready' && (e.shard === 3 || e.shard === 4))).toBe(2);
    // Several invocations start at the same instant, so the interleaving list has something to choose.
    const starts = invokes(trace).map((e) => e.t);
    expect(starts.length - new Set(starts).size).toBeGreaterThan(5);
    expect(trace.events.at(-1)).toMatchObject({ type: 'end', reason: 'drained' });
  });

  it('(a) the same scenario run twice in one process gives byte-identical trace JSON', async () => {
    const first = JSON.stringify(await run());
    const second = JSON.stringify(await run());
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(10_000);
  });

  it('(b) a fresh process gives the same trace JSON, byte for byte', async () => {
    const script = fileURLToPath(new URL('./support/printTrace.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15_000,
    });
    const inProcess = JSON.stringify(await run());
    const { stdout, stderr } = await child;
    expect(stderr).toBe('');
    expect(stdout).toBe(inProcess);
  }, 20_000);

  it('(c) a different simSeed gives different eventIDs, sequence numbers and request ids', async () => {
    const seen = (seed: number) => {
      const eventIds: string[] = [];
      const handler = async (event: DynamoDBStreamEvent) => {
        for (const record of event.Records) eventIds.push(record.eventID ?? '');
      };
      const scenario: ScenarioParameters = {
        table: { partitionKey: 'pk' },
        operations: Array.from({ length: 6 }, (_, i) => ({ type: 'put' as const, at: i * 10, item: { pk: `k${i}`, v: i } })),
        simSeed: seed,
      };
      return simulate(scenario, handler).then((trace) => ({ trace, eventIds }));
    };
    const a = await seen(1);
    const a2 = await seen(1);
    const b = await seen(2);
    expect(a.eventIds).toHaveLength(6);
    expect(a2.eventIds).toEqual(a.eventIds);
    expect(b.eventIds).toHaveLength(6);
    const seqs = (trace: Trace) => trace.records.map((r) => r.seq);
    expect(seqs(a2.trace)).toEqual(seqs(a.trace));
    // Not one id or sequence number in common, not merely a different order.
    expect(b.eventIds.filter((id) => a.eventIds.includes(id))).toEqual([]);
    expect(seqs(b.trace).filter((s) => seqs(a.trace).includes(s))).toEqual([]);
    const requestIds = (trace: Trace) => invokes(trace).map((e) => e.requestId);
    expect(requestIds(b.trace)).not.toEqual(requestIds(a.trace));
    expect(JSON.stringify(b.trace)).not.toBe(JSON.stringify(a.trace));
  });

  describe('(d) interleaving', () => {
    // Two shards with records at t=0: two invocations start at the same instant.
    const scenario = (interleaving: number[]): ScenarioParameters => ({
      table: { partitionKey: 'pk' },
      operations: Array.from({ length: 8 }, (_, i) => ({ type: 'put' as const, at: 0, item: { pk: `k${i}`, v: i } })),
      stream: { shardCount: 2 },
      interleaving,
      simSeed: 7,
    });
    const runWith = async (interleaving: number[]) => {
      const calls: string[] = [];
      const trace = await simulate(scenario(interleaving), async (event: DynamoDBStreamEvent) => {
        calls.push(event.Records[0]?.dynamodb?.SequenceNumber ?? '');
      });
      return { trace, calls };
    };
    const firstInstant = (trace: Trace) => invokes(trace).filter((e) => e.t === 0);

    it('an empty list starts concurrent invocations in the order they were decided; [1] swaps them', async () => {
      const identity = await runWith([]);
      const swapped = await runWith([1]);
      const a = firstInstant(identity.trace);
      const b = firstInstant(swapped.trace);
      expect(a.map((e) => [e.id, e.shard])).toEqual([
        [0, 0],
        [1, 1],
      ]);
      // Dispatches are numbered as they start.
      expect(b.map((e) => [e.id, e.shard])).toEqual([
        [0, 1],
        [1, 0],
      ]);
      // The handler really was called in that order.
      const firstSeq = (trace: Trace, e: Invoke) => trace.records[e.records[0]!]!.seq;
      expect(identity.calls.slice(0, 2)).toEqual(a.map((e) => firstSeq(identity.trace, e)));
      expect(swapped.calls.slice(0, 2)).toEqual(b.map((e) => firstSeq(swapped.trace, e)));
      expect(swapped.calls.slice(0, 2)).toEqual([...identity.calls.slice(0, 2)].reverse());
      // Same records, same outcome: only the order differs.
      expect(swapped.trace.records).toEqual(identity.trace.records);
      expect(swapped.trace.events.at(-1)).toEqual(identity.trace.events.at(-1));
    });

    it('a given list replays identically', async () => {
      for (const list of [[], [1], [1, 0, 1, 1, 2]]) {
        const first = await runWith(list);
        const second = await runWith(list);
        expect(JSON.stringify(second.trace)).toBe(JSON.stringify(first.trace));
        expect(second.calls).toEqual(first.calls);
      }
    });

    it('in the fixed scenario, a different list changes start order but replays identically', async () => {
      const other = [0, 1, 1, 0, 2, 0, 1];
      const base = await run();
      const changed = await run({ interleaving: other });
      const again = await run({ interleaving: other });
      expect(JSON.stringify(again)).toBe(JSON.stringify(changed));
      // Dispatches are numbered as they start, so the start order shows in the shards and lanes.
      const order = (trace: Trace) => invokes(trace).filter((e) => e.t === 0).map((e) => `${e.shard}/${e.lane}`);
      expect(order(changed)).not.toEqual(order(base));
      expect([...order(changed)].sort()).toEqual([...order(base)].sort());
    });
  });
});
