import { describe, expect, it } from 'vitest';
import { DEFAULT_START_EPOCH_MS } from '../../src/core/index.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { DEFAULT_SEMANTICS } from '../../src/scenario/semantics.js';
import { DEFAULT_TIMING } from '../../src/scenario/timing.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import type { TableOperation } from '../../src/table/tableOperation.js';
import { errorMessage } from '../support/errorMessage.js';

const OPS: TableOperation[] = [{ type: 'put', at: 0, item: { pk: 'a', n: 1 } }];
const MINIMAL: ScenarioParameters = { table: { partitionKey: 'pk' }, operations: OPS };
const loose = (extra: Record<string, unknown>): ScenarioParameters => ({ ...MINIMAL, ...extra }) as ScenarioParameters;

describe('resolveScenario', () => {
  it('composes the resolvers and applies every default', () => {
    const scenario = resolveScenario(MINIMAL);
    expect(scenario.table.partitionKey).toEqual({ name: 'pk', type: 'S' });
    expect(scenario.operations).toEqual(OPS);
    expect(scenario.stream).toMatchObject({ shardCount: 1, topology: [], retentionMs: 86_400_000 });
    expect(scenario.mapping).toMatchObject({ batchSize: 100, maximumRetryAttempts: -1, startingPosition: 'TRIM_HORIZON' });
    expect(scenario.function.functionArn).toBe(
      `arn:aws:lambda:${scenario.table.region}:${scenario.table.accountId}:function:shardcheck-handler`,
    );
    expect(scenario.faults).toEqual({ invocations: [], timed: [], dependencies: [] });
    expect(scenario.semantics).toEqual(DEFAULT_SEMANTICS);
    expect(scenario.timing).toEqual(DEFAULT_TIMING);
    expect(scenario.interleaving).toEqual([]);
    expect(scenario.simSeed).toBe(0);
    expect(scenario.startEpochMs).toBe(DEFAULT_START_EPOCH_MS);
  });

  it('freezes the result but not the caller-owned operations', () => {
    const scenario = resolveScenario(loose({ interleaving: [1, 0] }));
    for (const part of [scenario, scenario.operations, scenario.interleaving, scenario.mapping, scenario.faults, scenario.stream]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(scenario.operations).not.toBe(OPS);
    expect(Object.isFrozen(OPS)).toBe(false);
    expect(Object.isFrozen(OPS[0])).toBe(false);
  });

  it('places the function in the table account and region', () => {
    const scenario = resolveScenario(
      loose({ table: { partitionKey: 'pk', region: 'ap-southeast-2', accountId: '111122223333' }, function: { functionName: 'f' } }),
    );
    expect(scenario.function.functionArn).toBe('arn:aws:lambda:ap-southeast-2:111122223333:function:f');
  });

  it('keeps given scalars', () => {
    const scenario = resolveScenario(loose({ simSeed: -7, startEpochMs: 0, interleaving: [0, 3] }));
    expect([scenario.simSeed, scenario.startEpochMs, scenario.interleaving]).toEqual([-7, 0, [0, 3]]);
  });

  it('prefixes nested errors with their option path', () => {
    expect(errorMessage(() => resolveScenario(loose({ mapping: { maximumRetryAttempts: 10001 } })))).toBe(
      'mapping.maximumRetryAttempts must be -1 or 0..10000 (got 10001)',
    );
    expect(errorMessage(() => resolveScenario(loose({ stream: { shardCount: 0 } })))).toBe(
      'stream.shardCount must be an integer in 1..64 (got 0)',
    );
    expect(errorMessage(() => resolveScenario(loose({ function: { timeout: 0 } })))).toBe(
      'function.timeout must be an integer number of seconds in 1..900 (got 0)',
    );
    expect(errorMessage(() => resolveScenario(loose({ faults: { timed: [{ kind: 'reclaim', at: -1 }] } })))).toBe(
      'faults.timed[0].at must be a finite number >= 0 (got -1)',
    );
    expect(errorMessage(() => resolveScenario(loose({ semantics: { laneKey: 'x' } })))).toMatch(/^semantics\.laneKey /);
    expect(errorMessage(() => resolveScenario(loose({ timing: { pollIntervalMs: 0 } })))).toMatch(/^timing\.pollIntervalMs /);
    expect(errorMessage(() => resolveScenario(loose({ table: { partitionKey: 'pk', bogus: 1 } })))).toMatch(/^table\.bogus /);
  });

  it('requires operations to be an array', () => {
    expect(errorMessage(() => resolveScenario({ table: { partitionKey: 'pk' } } as ScenarioParameters))).toBe(
      'operations must be an array of table operations (got undefined)',
    );
    expect(errorMessage(() => resolveScenario(loose({ operations: {} })))).toBe(
      'operations must be an array of table operations (got {})',
    );
  });

  it('validates interleaving, simSeed and startEpochMs', () => {
    expect(errorMessage(() => resolveScenario(loose({ interleaving: [0, -1] })))).toBe(
      'interleaving[1] must be an integer >= 0 (got -1)',
    );
    expect(errorMessage(() => resolveScenario(loose({ interleaving: [0.5] })))).toBe('interleaving[0] must be an integer >= 0 (got 0.5)');
    expect(errorMessage(() => resolveScenario(loose({ interleaving: 3 })))).toBe('interleaving must be an array (got 3)');
    expect(errorMessage(() => resolveScenario(loose({ simSeed: 1.5 })))).toBe('simSeed must be a 32-bit integer (-2147483648..4294967295) (got 1.5)');
    expect(errorMessage(() => resolveScenario(loose({ simSeed: 2 ** 32 })))).toBe('simSeed must be a 32-bit integer (-2147483648..4294967295) (got 4294967296)');
    expect(errorMessage(() => resolveScenario(loose({ simSeed: '1' })))).toBe('simSeed must be a 32-bit integer (-2147483648..4294967295) (got "1")');
    expect(errorMessage(() => resolveScenario(loose({ startEpochMs: -1 })))).toBe('startEpochMs must be an integer >= 0 (got -1)');
  });

  it('rejects unknown top-level options, listing the valid ones', () => {
    expect(errorMessage(() => resolveScenario(loose({ seed: 1 })))).toBe(
      'seed is not a known option; valid options are table, operations, stream, mapping, function, faults, semantics, ' +
        'timing, interleaving, simSeed, startEpochMs',
    );
  });

  it('rejects a scenario that is not an object', () => {
    expect(errorMessage(() => resolveScenario(null as never))).toBe('scenario must be an object (got null)');
  });
});
