import { describe, expect, it } from 'vitest';
import { environmentOptions, layerOptions } from '../../src/run/index.js';
import { errorMessage } from '../support/errorMessage.js';

describe('option layers', () => {
  it('reads SHARDCHECK_* variables, ignoring blank ones', () => {
    expect(
      environmentOptions({
        SHARDCHECK_SEED: '12',
        SHARDCHECK_NUM_RUNS: '500',
        SHARDCHECK_TIME_BUDGET_MS: '30000',
        SHARDCHECK_FAIL_ON_BUDGET: 'true',
        SHARDCHECK_VERBOSE: '1',
        SHARDCHECK_COVERAGE: 'no',
        SHARDCHECK_REGRESSIONS: 'false',
        SHARDCHECK_PATH: '',
      }),
    ).toEqual({ seed: 12, numRuns: 500, timeBudgetMs: 30000, failOnBudget: true, verbose: true, coverage: false, regressions: false });
    expect(environmentOptions({ SHARDCHECK_REGRESSIONS: 'ci/corpus', SHARDCHECK_NUM_RUNS: ' ' })).toEqual({ regressions: 'ci/corpus' });
  });

  it('names the variable and the value when it cannot be read', () => {
    expect(errorMessage(() => environmentOptions({ SHARDCHECK_NUM_RUNS: 'many' }))).toBe('SHARDCHECK_NUM_RUNS must be a positive integer (got "many")');
    expect(errorMessage(() => environmentOptions({ SHARDCHECK_VERBOSE: 'loud' }))).toBe('SHARDCHECK_VERBOSE must be true or false (or 1 / 0) (got "loud")');
  });

  it('call > environment > plugin; mapping, scenario and disable merge field by field; table and faults are taken whole', () => {
    const { options, sources } = layerOptions(
      { numRuns: 1, mapping: { batchSize: 5 }, table: { partitionKey: 'id' } },
      { numRuns: 2, seed: 3 },
      { numRuns: 3, seed: 4, coverage: true, mapping: { batchSize: 1, startingPosition: 'TRIM_HORIZON' }, table: { partitionKey: 'pk', sortKey: 'sk' }, faults: false },
    );
    expect(options).toEqual({ numRuns: 1, seed: 3, coverage: true, mapping: { batchSize: 5, startingPosition: 'TRIM_HORIZON' }, table: { partitionKey: 'id' }, faults: false });
    expect(sources).toEqual({ numRuns: 'call', seed: 'environment', coverage: 'plugin', mapping: 'call', table: 'call', faults: 'plugin' });
  });

  it('a call that switches faults off is not merged with plugin fault options', () => {
    expect(layerOptions({ faults: false }, {}, { faults: { maxInvocationFaults: 2 } }).options.faults).toBe(false);
  });
});
