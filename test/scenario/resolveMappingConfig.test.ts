import { describe, expect, it } from 'vitest';
import { resolveMappingConfig } from '../../src/scenario/resolveMappingConfig.js';
import type { MappingParameters } from '../../src/scenario/mappingConfig.js';
import { errorMessage } from '../support/errorMessage.js';

const VALID =
  'batchSize, maximumBatchingWindowInSeconds, startingPosition, bisectBatchOnFunctionError, maximumRetryAttempts, ' +
  'maximumRecordAgeInSeconds, parallelizationFactor, functionResponseTypes, destinationConfig, enabled';

/** Lets a test pass values the types forbid, as a JavaScript user or a stored scenario could. */
const loose = (params: Record<string, unknown>): MappingParameters => params as MappingParameters;

describe('resolveMappingConfig defaults (spec Part C, as AWS returns them today)', () => {
  it('applies every default when nothing is given', () => {
    const expected = {
      batchSize: 100, // R19
      maximumBatchingWindowInSeconds: 0, // R20
      startingPosition: 'TRIM_HORIZON', // R22: required by AWS, defaulted here
      bisectBatchOnFunctionError: false, // R23
      maximumRetryAttempts: -1, // R24
      maximumRecordAgeInSeconds: -1, // R25
      parallelizationFactor: 1, // R26
      functionResponseTypes: [], // R27
      destinationConfig: {}, // R41
      enabled: true, // R28
    };
    expect(resolveMappingConfig(undefined)).toEqual(expected);
    expect(resolveMappingConfig({})).toEqual(expected);
  });

  it('returns deeply frozen data', () => {
    const config = resolveMappingConfig({
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.functionResponseTypes)).toBe(true);
    expect(Object.isFrozen(config.destinationConfig)).toBe(true);
    expect(Object.isFrozen(config.destinationConfig.onFailure)).toBe(true);
  });

  it('keeps given values', () => {
    const params: MappingParameters = {
      batchSize: 10,
      maximumBatchingWindowInSeconds: 5,
      startingPosition: 'LATEST',
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 3,
      maximumRecordAgeInSeconds: 120,
      parallelizationFactor: 4,
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destination: 'arn:aws:sns:eu-west-1:123456789012:failures' } },
      enabled: false,
    };
    expect(resolveMappingConfig(params)).toEqual(params);
  });
});

describe('resolveMappingConfig ranges', () => {
  const cases: { option: string; rule: string; accepted: unknown[]; rejected: unknown[]; spec: string }[] = [
    { spec: 'R19', option: 'batchSize', rule: 'must be an integer in 1..10000', accepted: [1, 10000], rejected: [0, 10001, 1.5, '100', Number.NaN, null] },
    { spec: 'R20', option: 'maximumBatchingWindowInSeconds', rule: 'must be an integer in 0..300', accepted: [0, 300], rejected: [-1, 301, 0.5] },
    { spec: 'R24', option: 'maximumRetryAttempts', rule: 'must be -1 or 0..10000', accepted: [-1, 0, 10000], rejected: [-2, 10001, 2.5, '3'] },
    { spec: 'R25', option: 'maximumRecordAgeInSeconds', rule: 'must be -1 or 60..604800', accepted: [-1, 60, 604800], rejected: [-2, 0, 30, 59, 604801, 60.5] },
    { spec: 'R26', option: 'parallelizationFactor', rule: 'must be an integer in 1..10', accepted: [1, 10], rejected: [0, 11, 1.5] },
    { spec: 'R23', option: 'bisectBatchOnFunctionError', rule: 'must be true or false', accepted: [true, false], rejected: ['true', 1] },
    { spec: 'R28', option: 'enabled', rule: 'must be true or false', accepted: [true, false], rejected: ['false', 0] },
  ];
  for (const { spec, option, rule, accepted, rejected } of cases) {
    for (const value of accepted) {
      it(`${spec}: accepts ${option} = ${String(value)}`, () => {
        expect(resolveMappingConfig(loose({ [option]: value }))[option as keyof MappingParameters]).toBe(value);
      });
    }
    for (const value of rejected) {
      it(`${spec}: rejects ${option} = ${JSON.stringify(value)}`, () => {
        const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
        expect(errorMessage(() => resolveMappingConfig(loose({ [option]: value })))).toBe(`mapping.${option} ${rule} (got ${got})`);
      });
    }
  }

  it('uses the given path in messages', () => {
    expect(errorMessage(() => resolveMappingConfig({ maximumRecordAgeInSeconds: 30 }, 'options.mapping'))).toBe(
      'options.mapping.maximumRecordAgeInSeconds must be -1 or 60..604800 (got 30)',
    );
  });

  it('rejects a mapping that is not an object', () => {
    expect(errorMessage(() => resolveMappingConfig(5 as never))).toBe('mapping must be an object (got 5)');
    expect(errorMessage(() => resolveMappingConfig([] as never))).toBe('mapping must be an object (got [])');
  });
});

describe('resolveMappingConfig startingPosition (R22)', () => {
  it('accepts TRIM_HORIZON and LATEST', () => {
    expect(resolveMappingConfig({ startingPosition: 'TRIM_HORIZON' }).startingPosition).toBe('TRIM_HORIZON');
    expect(resolveMappingConfig({ startingPosition: 'LATEST' }).startingPosition).toBe('LATEST');
  });

  it('rejects AT_TIMESTAMP because DynamoDB streams do not support it', () => {
    expect(errorMessage(() => resolveMappingConfig(loose({ startingPosition: 'AT_TIMESTAMP' })))).toBe(
      'mapping.startingPosition must be TRIM_HORIZON or LATEST: DynamoDB streams do not support AT_TIMESTAMP (R22) (got "AT_TIMESTAMP")',
    );
  });

  it('rejects startingPositionTimestamp', () => {
    expect(errorMessage(() => resolveMappingConfig(loose({ startingPositionTimestamp: 1700000000 })))).toBe(
      'mapping.startingPositionTimestamp is not supported: DynamoDB streams do not support AT_TIMESTAMP (R22) (got 1700000000)',
    );
  });

  it('rejects other values, including lowercase spellings', () => {
    expect(errorMessage(() => resolveMappingConfig(loose({ startingPosition: 'trim_horizon' })))).toBe(
      'mapping.startingPosition must be TRIM_HORIZON or LATEST (got "trim_horizon")',
    );
  });
});

describe('resolveMappingConfig functionResponseTypes (R27)', () => {
  it('accepts [] and ["ReportBatchItemFailures"]', () => {
    expect(resolveMappingConfig({ functionResponseTypes: [] }).functionResponseTypes).toEqual([]);
    expect(resolveMappingConfig({ functionResponseTypes: ['ReportBatchItemFailures'] }).functionResponseTypes).toEqual([
      'ReportBatchItemFailures',
    ]);
  });

  it.each([
    [['ReportBatchItemFailures', 'ReportBatchItemFailures'], '["ReportBatchItemFailures","ReportBatchItemFailures"]'],
    [['BatchItemFailures'], '["BatchItemFailures"]'],
    ['ReportBatchItemFailures', '"ReportBatchItemFailures"'],
  ])('rejects %j', (value, got) => {
    expect(errorMessage(() => resolveMappingConfig(loose({ functionResponseTypes: value })))).toBe(
      `mapping.functionResponseTypes must be [] or ["ReportBatchItemFailures"] (got ${got})`,
    );
  });
});

describe('resolveMappingConfig unsupported and unknown options', () => {
  it('accepts tumblingWindowInSeconds: 0 as "off" and leaves it out of the result (R50)', () => {
    const params = loose({ tumblingWindowInSeconds: 0 });
    expect(resolveMappingConfig(params)).not.toHaveProperty('tumblingWindowInSeconds');
    expect(params).toEqual({ tumblingWindowInSeconds: 0 });
  });

  it('rejects tumbling windows', () => {
    expect(errorMessage(() => resolveMappingConfig(loose({ tumblingWindowInSeconds: 60 })))).toBe(
      'mapping.tumblingWindowInSeconds is not supported yet: tumbling windows (R50-R55) are not simulated; only 0 (off) is accepted (got 60)',
    );
  });

  it('rejects filterCriteria', () => {
    const filterCriteria = { filters: [{ pattern: '{"eventName":["INSERT"]}' }] };
    expect(errorMessage(() => resolveMappingConfig(loose({ filterCriteria })))).toMatch(
      /^mapping\.filterCriteria is not supported yet: event filtering \(R56-R61\) is not simulated \(got \{"filters":/,
    );
  });

  it('points at the camelCase name for AWS PascalCase names', () => {
    expect(errorMessage(() => resolveMappingConfig(loose({ BatchSize: 10 })))).toBe(
      'mapping.BatchSize is not a known option; use camelCase: batchSize',
    );
    expect(errorMessage(() => resolveMappingConfig(loose({ FunctionResponseTypes: ['ReportBatchItemFailures'] })))).toBe(
      'mapping.FunctionResponseTypes is not a known option; use camelCase: functionResponseTypes',
    );
    expect(errorMessage(() => resolveMappingConfig(loose({ TumblingWindowInSeconds: 0 })))).toBe(
      'mapping.TumblingWindowInSeconds is not a known option; use camelCase: tumblingWindowInSeconds',
    );
  });

  it('lists the valid options for an unknown name', () => {
    expect(errorMessage(() => resolveMappingConfig(loose({ batchsize: 10 })))).toBe(
      `mapping.batchsize is not a known option; valid options are ${VALID}`,
    );
  });

  it('explains options that belong elsewhere', () => {
    expect(errorMessage(() => resolveMappingConfig(loose({ functionName: 'f' })))).toBe(
      'mapping.functionName is not an option here: use the `function` option (got "f")',
    );
  });
});
