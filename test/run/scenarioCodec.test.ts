import { NumberValueImpl, marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/arbitraries/index.js';
import { decodeJson, decodeValue, encodeJson, encodeValue } from '../../src/run/index.js';

describe('scenarioCodec', () => {
  it('round-trips generated scenarios through JSON text', () => {
    for (const s of fc.sample(scenario(), { numRuns: 60, seed: 11 })) {
      const text = encodeJson(s);
      expect(decodeJson(text)).toEqual(s);
      expect(encodeJson(decodeJson(text))).toBe(text);
    }
  });

  it('round-trips every value util-dynamodb marshals', () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    const value = {
      s: 'x',
      n: 1.5,
      big: 12345678901234567890n,
      nv: NumberValueImpl.from('3.14159265358979323846264338327950288'),
      bool: false,
      nil: null,
      b: bytes,
      buf: Buffer.from('hi'),
      ab: new Uint8Array([7, 8]).buffer,
      ss: new Set(['a', 'b']),
      ns: new Set([1, 2]),
      bigs: new Set([1n, 2n]),
      bs: new Set([new Uint8Array([1]), new Uint8Array([2, 3])]),
      list: [1, 'two', { three: new Set(['3']) }, undefined],
      map: new Map<string, unknown>([['k', new Uint8Array([9])]]),
      nested: { $sc: 'looks like a tag', inner: { $sc: 1 } },
      undef: undefined,
      weird: [-0, Number.NaN, Number.POSITIVE_INFINITY],
    };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as typeof value;
    expect(back).toEqual({ ...value, buf: new Uint8Array(Buffer.from('hi')) });
    expect(back.b).toBeInstanceOf(Uint8Array);
    expect(back.ab).toBeInstanceOf(ArrayBuffer);
    expect(back.nv).toBeInstanceOf(NumberValueImpl);
    expect(Object.is(back.weird[0], -0)).toBe(true);
    expect('undef' in back).toBe(true);
    // A Buffer comes back as the Uint8Array it is; everything else marshals exactly as before.
    const { weird: _weird, ...rest } = value;
    const marshallable = { ...rest, buf: new Uint8Array(Buffer.from('hi')) };
    const again = decodeValue(encodeValue(marshallable)) as Record<string, unknown>;
    expect(marshall(again, { removeUndefinedValues: true })).toEqual(marshall(marshallable, { removeUndefinedValues: true }));
  });

  it('round-trips arbitrary JSON-like values with Sets and binary', () => {
    const leaf = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt(), fc.uint8Array(), fc.uniqueArray(fc.string()).map((a) => new Set(a)));
    const value = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))) })).node;
    fc.assert(fc.property(value, (v) => void expect(decodeJson(encodeJson(v))).toEqual(v)), { numRuns: 200, seed: 5 });
  });
});
