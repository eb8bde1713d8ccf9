import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonByteLength } from '../../src/stream/jsonByteLength.js';

const exact = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

describe('jsonByteLength', () => {
  it('R21: property: equals the UTF-8 length of JSON.stringify for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        expect(jsonByteLength(value)).toBe(exact(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: also for values JSON.stringify reshapes (undefined, functions, NaN, -0, dates, nested arrays)', () => {
    const odd = fc.constantFrom<unknown>(undefined, () => 1, Symbol('s'), NaN, -0, Infinity, new Date(0), new Map([[1, 2]]), { toJSON: () => 'é' });
    const leaf = fc.oneof(fc.jsonValue({ stringUnit: 'binary', maxDepth: 1 }), odd);
    const value = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree')), fc.dictionary(fc.string({ unit: 'binary' }), tie('tree'))),
    })).tree;
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonByteLength(v)).toBe(exact(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('with a memo of frozen objects: the same sizes, and a frozen object shared by many values is measured once', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const shared = Object.freeze({ image: a });
        const memo = new WeakMap<object, number>();
        for (const value of [{ first: shared, other: b }, [shared, b], shared]) expect(jsonByteLength(value, memo)).toBe(exact(value));
        expect(memo.get(shared)).toBe(exact(shared));
      }),
    );
    const memo = new WeakMap<object, number>();
    const image = Object.freeze({ name: 'Ada' });
    memo.set(image, 999);
    expect(jsonByteLength({ image }, memo)).toBe('{"image":}'.length + 999);
    const open = { name: 'Ada' };
    jsonByteLength(open, memo);
    expect(memo.has(open)).toBe(false);
  });

  it('escapes, multi-byte characters and lone surrogates are counted as JSON writes them', () => {
    for (const s of ['', 'plain', 'quote " and \\ backslash', 'tab\t\nnew', '\u0001', 'é', '€', '😀', '\ud800', '\udc00x', '\u007f', '\u2028']) {
      expect(jsonByteLength(s)).toBe(exact(s));
      expect(jsonByteLength({ [s]: [s, { s }] })).toBe(exact({ [s]: [s, { s }] }));
    }
  });
});
