import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario, type ScenarioOptions } from '../../src/arbitraries/index.js';
import { resolveScenario, type ScenarioParameters } from '../../src/scenario/index.js';
import { buildStreamHistory } from '../../src/stream/index.js';
import { errorMessage } from '../support/errorMessage.js';

const sample = (options: ScenarioOptions = {}, numRuns = 100, seed = 1): ScenarioParameters[] => fc.sample(scenario(options), { seed, numRuns });

describe('scenario', () => {
  it('combines a table, a workload, topology, a mapping, faults, interleaving and a seed', () => {
    const runs = sample({}, 150);
    expect(new Set(runs.map((s) => s.stream?.shardCount)).size).toBe(8);
    expect(runs.some((s) => (s.stream?.topology ?? []).length > 0)).toBe(true);
    expect(runs.some((s) => s.operations.length > 100)).toBe(true);
    expect(runs.some((s) => (s.faults?.invocations ?? []).length > 0 && (s.faults?.timed ?? []).length > 0)).toBe(true);
    expect(runs.some((s) => (s.interleaving ?? []).length > 0)).toBe(true);
    expect(new Set(runs.map((s) => s.simSeed)).size).toBe(runs.length);
    expect(new Set(runs.map((s) => JSON.stringify(s.table.partitionKey))).size).toBeGreaterThan(3);
  });

  it('aims faults at what exists and keeps them inside the fault phase, which spans the workload and its first deliveries', () => {
    for (const s of sample({ swarm: false }, 100)) {
      const resolved = resolveScenario(s);
      const history = buildStreamHistory(resolved);
      const span = s.operations.at(-1)?.at ?? 0;
      const firstDelivery = resolved.mapping.maximumBatchingWindowInSeconds * 1000 + 2 * resolved.timing.pollIntervalMs;
      const phaseEnd = Math.min(12 * 3_600_000, Math.max(1000, span + firstDelivery));
      for (const f of resolved.faults.invocations) {
        expect(f.match.to).toBe(phaseEnd);
        if (f.match.shard !== undefined) expect(f.match.shard).toBeLessThan(history.shards.length);
        if (f.match.record !== undefined) expect(f.match.record).toBeLessThan(Math.max(1, history.records.length));
        if (f.match.lane !== undefined) expect(f.match.lane).toBeLessThan(resolved.mapping.parallelizationFactor);
      }
      for (const f of resolved.faults.dependencies) if (f.match.to !== undefined) expect(f.match.to).toBe(phaseEnd);
      for (const f of resolved.faults.timed) {
        expect(f.at).toBeLessThanOrEqual(phaseEnd);
        if (f.kind === 'duplicate') expect(f.shard).toBeLessThan(history.shards.length);
      }
      for (const e of resolved.stream.topology) expect(e.at).toBeLessThanOrEqual(Math.max(span, 1000));
    }
  });

  it('keeps what users fix: table, shard count, mapping fields, engine settings', () => {
    const table = { partitionKey: { name: 'id', type: 'N' as const }, streamViewType: 'NEW_IMAGE' as const };
    const options: ScenarioOptions = {
      table,
      shardCount: 2,
      mapping: { batchSize: 5, maximumRecordAgeInSeconds: 120 },
      function: { timeout: 10 },
      timing: { retryMaxMs: 2000 },
      semantics: { laneFailureBlocks: 'shard' },
      startEpochMs: 1_700_000_000_000,
    };
    for (const s of sample(options, 50)) {
      expect(s.table).toBe(table);
      expect(s).toMatchObject({ stream: { shardCount: 2 }, mapping: { batchSize: 5, maximumRecordAgeInSeconds: 120 }, function: { timeout: 10 }, timing: { retryMaxMs: 2000 }, semantics: { laneFailureBlocks: 'shard' }, startEpochMs: 1_700_000_000_000 });
      // Survivable under a fixed 120 s age limit: windows stay short enough for nothing to age out.
      expect(s.mapping?.maximumBatchingWindowInSeconds ?? 0).toBeLessThanOrEqual(26);
    }
  });

  it('survivable: a generated record-age limit is raised to what the faults and windows need', () => {
    const runs = sample({ swarm: false }, 300);
    const raised = runs.filter((s) => s.mapping?.maximumRecordAgeInSeconds !== undefined && s.mapping.maximumRecordAgeInSeconds > 0);
    expect(raised.length).toBeGreaterThan(50);
    // 60 s is the AWS minimum; with a fault or a long window a survivable limit is above it.
    const withTimeout = raised.filter((s) => (s.faults?.invocations ?? []).some((f) => f.kind === 'timeout'));
    expect(withTimeout.length).toBeGreaterThan(0);
    for (const s of withTimeout) expect(s.mapping!.maximumRecordAgeInSeconds!).toBeGreaterThan(3 + 30);
  });

  it('faults, topology and interleaving can be switched off', () => {
    for (const s of sample({ faults: false, topology: false, interleaving: false }, 50)) {
      expect(s.faults).toEqual({ invocations: [], timed: [], dependencies: [] });
      expect(s.stream?.topology).toEqual([]);
      expect(s.interleaving).toEqual([]);
    }
  });

  it('passes workload options to the change sequence', () => {
    for (const s of sample({ operations: { minLength: 2, maxLength: 4, eventNames: ['INSERT'] } }, 50)) {
      expect(s.operations.length >= 2 && s.operations.length <= 4).toBe(true);
      expect(buildStreamHistory(resolveScenario(s)).records.every((r) => r.eventName === 'INSERT')).toBe(true);
    }
  });

  it('shrinks to the empty scenario: no records, one shard, no faults, one-record batches', () => {
    const details = fc.check(fc.property(scenario(), () => false), { seed: 3 });
    expect(details.counterexample?.[0]).toMatchObject({
      table: { partitionKey: { name: 'pk', type: 'S' }, streamViewType: 'NEW_AND_OLD_IMAGES' },
      operations: [],
      stream: { shardCount: 1, topology: [] },
      mapping: { batchSize: 1, startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 0 },
      faults: { invocations: [], timed: [], dependencies: [] },
      interleaving: [],
    });
  });

  it('rejects bad options, naming them', () => {
    expect(errorMessage(() => scenario({ table: { partitionKey: 'pk', sortKey: 'pk' } }))).toBe('scenario.options.table.sortKey.name must differ from the partition key name "pk" (got "pk")');
    expect(errorMessage(() => scenario({ faults: { phaseMs: 0 } }))).toBe('scenario.options.faults.phaseMs must be an integer >= 1 (got 0)');
    expect(errorMessage(() => scenario({ mapping: { parallelizationFactor: 11 } }))).toBe('mappingConfig.overrides.parallelizationFactor must be an integer in 1..10 (got 11)');
    expect(errorMessage(() => scenario({ fault: false } as ScenarioOptions))).toContain('scenario.options.fault is not a known option');
  });
});
