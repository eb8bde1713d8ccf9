import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shardTopology } from '../../src/arbitraries/index.js';
import { resolveScenario } from '../../src/scenario/index.js';
import { buildStreamHistory, type TopologyEvent } from '../../src/stream/index.js';
import { errorMessage } from '../support/errorMessage.js';

const shardsOf = (shardCount: number, topology: TopologyEvent[]) =>
  buildStreamHistory(resolveScenario({ table: { partitionKey: 'pk' }, operations: [], stream: { shardCount, topology } })).shards;

describe('shardTopology', () => {
  it('names only open shards, numbering children as the stream does', () => {
    for (const shardCount of [1, 3]) {
      fc.assert(
        fc.property(shardTopology({ shardCount, maxEvents: 8 }), (topology) => {
          const shards = shardsOf(shardCount, topology);
          const children = topology.reduce((n, e) => n + (e.kind === 'split' ? 2 : 1), 0);
          expect(shards).toHaveLength(shardCount + children);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('lists events in time order within the horizon, and uses both kinds', () => {
    const samples = fc.sample(shardTopology({ horizonMs: 5000 }), { seed: 1, numRuns: 100 });
    for (const topology of samples) {
      for (let i = 1; i < topology.length; i++) expect(topology[i]!.at).toBeGreaterThanOrEqual(topology[i - 1]!.at);
      for (const event of topology) expect(event.at).toBeLessThanOrEqual(5000);
      expect(topology.length).toBeLessThanOrEqual(4);
    }
    expect(new Set(samples.flat().map((e) => e.kind))).toEqual(new Set(['split', 'rollover']));
    expect(fc.sample(shardTopology({ kinds: ['rollover'] }), { seed: 1, numRuns: 50 }).flat().every((e) => e.kind === 'rollover')).toBe(true);
  });

  it('shrinks towards fewer events, rollovers and the first shard', () => {
    const details = fc.check(fc.property(shardTopology({ shardCount: 2 }), (t) => t.length === 0), { seed: 2 });
    expect(details.counterexample?.[0]).toEqual([{ kind: 'rollover', at: 0, shard: 0 }]);
  });

  it('rejects bad options, naming them', () => {
    expect(errorMessage(() => shardTopology({ kinds: [] }))).toBe('shardTopology.options.kinds must name at least one of rollover, split (got [])');
    expect(errorMessage(() => shardTopology({ shardCount: 65 }))).toBe('shardTopology.options.shardCount must be an integer in 1..64 (got 65)');
  });
});
