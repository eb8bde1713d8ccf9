import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mappingConfig, scenario } from '../src/arbitraries/index.js';
import { resolveMappingConfig, type MappingParameters } from '../src/scenario/index.js';
import { runs } from './support/campaign.js';

/* Every generated mapping configuration is one AWS accepts (spec Part C). */

const DESTINATION = /^arn:aws:(sqs:[a-z0-9-]+:\d{12}:[\w-]+|sns:[a-z0-9-]+:\d{12}:[\w-]+|s3:::[a-z0-9.-]+)$/;

function expectInAwsRanges(m: MappingParameters): void {
  const r = resolveMappingConfig(m);
  expect(Number.isInteger(r.batchSize) && r.batchSize >= 1 && r.batchSize <= 10_000).toBe(true);
  expect(Number.isInteger(r.maximumBatchingWindowInSeconds) && r.maximumBatchingWindowInSeconds >= 0 && r.maximumBatchingWindowInSeconds <= 300).toBe(true);
  expect(['TRIM_HORIZON', 'LATEST']).toContain(r.startingPosition);
  expect(r.maximumRetryAttempts === -1 || (Number.isInteger(r.maximumRetryAttempts) && r.maximumRetryAttempts >= 0 && r.maximumRetryAttempts <= 10_000)).toBe(true);
  expect(r.maximumRecordAgeInSeconds === -1 || (Number.isInteger(r.maximumRecordAgeInSeconds) && r.maximumRecordAgeInSeconds >= 60 && r.maximumRecordAgeInSeconds <= 604_800)).toBe(true);
  expect(Number.isInteger(r.parallelizationFactor) && r.parallelizationFactor >= 1 && r.parallelizationFactor <= 10).toBe(true);
  expect([[], ['ReportBatchItemFailures']]).toContainEqual([...r.functionResponseTypes]);
  const destination = r.destinationConfig.onFailure?.destination;
  if (destination !== undefined) expect(destination).toMatch(DESTINATION);
  expect(m.enabled).toBeUndefined();
}

describe('generated mapping configurations respect AWS ranges', () => {
  it.each([false, true])('mappingConfig (swarm %s)', (swarm) => {
    fc.assert(fc.property(mappingConfig({}, { swarm }), expectInAwsRanges), { numRuns: runs(1000, 50_000) });
  });

  it('mappingConfig with fixed fields varies only the others', () => {
    const fixed: MappingParameters = { batchSize: 7, bisectBatchOnFunctionError: false, maximumRecordAgeInSeconds: 60 };
    fc.assert(
      fc.property(mappingConfig(fixed, { swarm: true }), (m) => {
        expectInAwsRanges(m);
        expect(m).toMatchObject(fixed);
      }),
      { numRuns: runs(300, 10_000) },
    );
  });

  it('scenario mappings (after survivable age limits are raised) stay in range', () => {
    fc.assert(
      fc.property(scenario({ operations: { maxLength: 20 } }), (s) => expectInAwsRanges(s.mapping ?? {})),
      { numRuns: runs(300, 10_000) },
    );
  });
});
