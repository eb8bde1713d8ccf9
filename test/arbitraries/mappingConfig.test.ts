import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mappingConfig } from '../../src/arbitraries/index.js';
import { resolveMappingConfig, type MappingParameters } from '../../src/scenario/index.js';
import { errorMessage } from '../support/errorMessage.js';

const share = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length / items.length;

describe('mappingConfig', () => {
  const biased = fc.sample(mappingConfig(), { seed: 1, numRuns: 2000 }).map((m) => resolveMappingConfig(m));

  it('is biased towards interesting runs: small batches, short windows, few retries, TRIM_HORIZON', () => {
    expect(share(biased, (m) => m.batchSize <= 20)).toBeGreaterThan(0.7);
    expect(biased.some((m) => m.batchSize > 1000)).toBe(true);
    expect(share(biased, (m) => m.maximumBatchingWindowInSeconds <= 2)).toBeGreaterThan(0.7);
    expect(biased.some((m) => m.maximumBatchingWindowInSeconds > 30)).toBe(true);
    expect(share(biased, (m) => m.startingPosition === 'LATEST')).toBeGreaterThan(0.05);
    expect(share(biased, (m) => m.startingPosition === 'LATEST')).toBeLessThan(0.3);
    expect(share(biased, (m) => m.maximumRetryAttempts >= 0 && m.maximumRetryAttempts <= 5)).toBeGreaterThan(0.4);
    expect(biased.some((m) => m.maximumRetryAttempts === -1)).toBe(true);
    expect(biased.some((m) => m.maximumRecordAgeInSeconds === -1) && biased.some((m) => m.maximumRecordAgeInSeconds > 3600)).toBe(true);
    expect(new Set(biased.map((m) => m.parallelizationFactor)).size).toBe(10);
    const destinations = biased.map((m) => m.destinationConfig.onFailure?.destination.split(':')[2]);
    expect(new Set(destinations)).toEqual(new Set(['sqs', 'sns', 's3', undefined]));
    expect(biased.some((m) => m.bisectBatchOnFunctionError) && biased.some((m) => m.functionResponseTypes.length === 1)).toBe(true);
  });

  it('swarm: every feature is on in some runs and off (the AWS default) in others', () => {
    const runs = fc.sample(mappingConfig({}, { swarm: true }), { seed: 2, numRuns: 400 });
    const features: (keyof MappingParameters)[] = ['bisectBatchOnFunctionError', 'functionResponseTypes', 'parallelizationFactor', 'maximumRetryAttempts', 'maximumRecordAgeInSeconds', 'maximumBatchingWindowInSeconds', 'destinationConfig'];
    for (const feature of features) {
      const off = share(runs, (m) => m[feature] === undefined || m[feature] === -1);
      expect(off, feature).toBeGreaterThan(0.3);
      expect(off, feature).toBeLessThan(0.7);
    }
  });

  it('keeps fixed fields and varies the others', () => {
    const fixed: MappingParameters = { batchSize: 3, parallelizationFactor: 4, destinationConfig: { onFailure: { destination: 'arn:aws:sqs:eu-west-1:210987654321:mine' } } };
    const runs = fc.sample(mappingConfig(fixed, { swarm: true }), { seed: 3, numRuns: 100 });
    for (const m of runs) expect(m).toMatchObject(fixed);
    expect(new Set(runs.map((m) => m.maximumRetryAttempts)).size).toBeGreaterThan(3);
  });

  it('uses the given region and account in destination ARNs', () => {
    const arns = fc.sample(mappingConfig({}, { region: 'eu-west-1', accountId: '210987654321' }), { seed: 4, numRuns: 100 }).flatMap((m) => m.destinationConfig?.onFailure?.destination ?? []);
    expect(arns.filter((a) => !a.startsWith('arn:aws:s3')).every((a) => a.includes(':eu-west-1:210987654321:'))).toBe(true);
  });

  it('shrinks towards one-record batches and the AWS defaults, with no retries', () => {
    expect(fc.check(fc.property(mappingConfig(), () => false), { seed: 5 }).counterexample?.[0]).toEqual({
      batchSize: 1,
      maximumBatchingWindowInSeconds: 0,
      startingPosition: 'TRIM_HORIZON',
      bisectBatchOnFunctionError: false,
      maximumRetryAttempts: 0,
      maximumRecordAgeInSeconds: -1,
      parallelizationFactor: 1,
      functionResponseTypes: [],
    });
    expect(fc.check(fc.property(mappingConfig({}, { swarm: true }), () => false), { seed: 5 }).counterexample?.[0]).toEqual({ batchSize: 1, startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 0 });
  });

  it('rejects invalid overrides, naming them', () => {
    expect(errorMessage(() => mappingConfig({ batchSize: 0 }))).toBe('mappingConfig.overrides.batchSize must be an integer in 1..10000 (got 0)');
    expect(errorMessage(() => mappingConfig({}, { swarn: true } as never))).toContain('mappingConfig.options.swarn is not a known option');
  });
});
