import { describe, it, expect } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import { itemSizeBytes } from '../../src/table/index.js';

const size = (item: Record<string, unknown>): number => itemSizeBytes(marshall(item));

describe('itemSizeBytes (R11)', () => {
  it('R11: counts attribute names and string values in UTF-8 bytes', () => {
    expect(size({ a: 'xyz' })).toBe(4);
    expect(size({ é: 'é' })).toBe(4);
  });

  it('R11: counts a number as one byte per two significant digits plus one', () => {
    expect(size({ n: 12345 })).toBe(1 + 4);
    expect(size({ n: 1000 })).toBe(1 + 2);
    expect(size({ n: 0.25 })).toBe(1 + 2);
  });

  it('R11: counts binary bytes, booleans and nulls as one byte', () => {
    expect(size({ b: new Uint8Array(10) })).toBe(11);
    expect(size({ t: true, z: null })).toBe(4);
  });

  it('R11: counts lists and maps as 3 bytes plus one per element, and sets as the sum', () => {
    expect(size({ l: ['a', 'b'] })).toBe(1 + 3 + 2 + 2);
    expect(size({ m: { x: 'ab' } })).toBe(1 + 3 + 1 + 1 + 2);
    expect(size({ s: new Set(['ab', 'c']) })).toBe(1 + 3);
    expect(size({ s: new Set([1, 22]) })).toBe(1 + 2 + 2);
    expect(size({ s: new Set([new Uint8Array(2), new Uint8Array(3)]) })).toBe(1 + 5);
  });
});
