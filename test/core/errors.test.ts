import { describe, expect, it } from 'vitest';
import { ShardcheckError, describeValue, optionError, rejectUnknownKeys } from '../../src/core/errors.js';
import { errorMessage } from '../support/errorMessage.js';

describe('optionError', () => {
  it('formats `path rule (got value)` as a ShardcheckError', () => {
    const error = optionError('mapping.maximumRetryAttempts', 'must be -1 or 0..10000', 10001);
    expect(error).toBeInstanceOf(ShardcheckError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ShardcheckError');
    expect(error.message).toBe('mapping.maximumRetryAttempts must be -1 or 0..10000 (got 10001)');
  });

  it('renders each kind of value recognisably', () => {
    const got = (value: unknown) => optionError('p', 'r', value).message;
    expect(got('x')).toBe('p r (got "x")');
    expect(got('')).toBe('p r (got "")');
    expect(got('line\nbreak')).toBe('p r (got "line\\nbreak")');
    expect(got(12n)).toBe('p r (got 12n)');
    expect(got(undefined)).toBe('p r (got undefined)');
    expect(got(null)).toBe('p r (got null)');
    expect(got(NaN)).toBe('p r (got NaN)');
    expect(got(-0.5)).toBe('p r (got -0.5)');
    expect(got(true)).toBe('p r (got true)');
    expect(got({ a: [1, 'b'] })).toBe('p r (got {"a":[1,"b"]})');
    expect(got([1, 2])).toBe('p r (got [1,2])');
  });
});

describe('describeValue', () => {
  it('truncates long renderings to 80 characters', () => {
    const text = describeValue({ key: 'x'.repeat(200) });
    expect(text).toHaveLength(80);
    expect(text.endsWith('...')).toBe(true);
    expect(text.startsWith('{"key":"xxx')).toBe(true);
    const exactly80 = { k: 'y'.repeat(72) }; // {"k":"…"} = 8 + 72
    expect(describeValue(exactly80)).toBe(JSON.stringify(exactly80));
  });

  it('never throws: circular objects, functions and symbols still render', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe('[object Object]');
    expect(describeValue(() => 1)).toBe('() => 1');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
  });

  it('never spans lines', () => {
    for (const value of ['a\nb', { a: 'x\ny' }, ['\n']]) expect(describeValue(value)).not.toContain('\n');
  });
});

describe('rejectUnknownKeys', () => {
  it('lists the valid options', () => {
    expect(errorMessage(() => rejectUnknownKeys('mapping', { batchsize: 1 }, ['batchSize', 'enabled']))).toBe(
      'mapping.batchsize is not a known option; valid options are batchSize, enabled',
    );
    expect(errorMessage(() => rejectUnknownKeys('', { x: 1 }, ['y']))).toBe('x is not a known option; valid options are y');
    expect(() => rejectUnknownKeys('m', { batchSize: 1 }, ['batchSize'])).not.toThrow();
  });
});
