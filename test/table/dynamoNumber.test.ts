import { describe, it, expect } from 'vitest';
import { canonicalNumberText, formatDynamoNumber, parseDynamoNumber } from '../../src/table/dynamoNumber.js';

describe('dynamoNumber', () => {
  it('normalises as DynamoDB does: plain decimal, no leading or trailing zeros, no -0', () => {
    expect(canonicalNumberText('00042')).toBe('42');
    expect(canonicalNumberText('1.0')).toBe('1');
    expect(canonicalNumberText('-0')).toBe('0');
    expect(canonicalNumberText('1.5E2')).toBe('150');
    expect(canonicalNumberText('1e-7')).toBe('0.0000001');
    expect(canonicalNumberText('-12.3400')).toBe('-12.34');
    expect(canonicalNumberText('1e+21')).toBe('1000000000000000000000');
  });

  it('rejects what DynamoDB rejects', () => {
    expect(parseDynamoNumber('abc')).toBe('must be decimal number text');
    expect(parseDynamoNumber('1'.repeat(39))).toBe('must have at most 38 significant digits, as DynamoDB numbers do');
    expect(parseDynamoNumber('1E126')).toBe('must lie within DynamoDB number range 1E-130 .. 9.99E+125');
    expect(parseDynamoNumber('1E-131')).toBe('must lie within DynamoDB number range 1E-130 .. 9.99E+125');
    expect(formatDynamoNumber(parseDynamoNumber('9.9E125') as never)).toHaveLength(126);
  });
});
