import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSeq, formatSeq, isSequenceNumber, seqToBigInt } from '../../src/core/sequenceNumber.js';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('compareSeq (R9)', () => {
  it('compares numerically across lengths, where text order is wrong', () => {
    const short = '999999999999999999999';
    const long = '1000000000000000000000';
    expect(short < long).toBe(false); // the trap
    expect(compareSeq(short, long)).toBe(-1);
    expect(compareSeq(long, short)).toBe(1);
  });

  it('equal-length numbers compare like numbers; equal ones are 0', () => {
    expect(compareSeq('000000000000000000100', '000000000000000000200')).toBe(-1);
    expect(compareSeq('000000000000000000200', '000000000000000000100')).toBe(1);
    expect(compareSeq('000000000000000000100', '000000000000000000100')).toBe(0);
  });

  it('leading zeros do not change the value', () => {
    expect(compareSeq('0000000000000000000005', '000000000000000000005')).toBe(0);
    expect(compareSeq('0000000000000000000009', '000000000000000000010')).toBe(-1);
  });

  it('property: agrees with BigInt comparison for any lengths and zero padding', () => {
    const seq = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 40n - 1n }), fc.integer({ min: 21, max: 40 }))
      .map(([value, width]) => ({ value, text: value.toString().padStart(width, '0') }));
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const expected = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
        expect(sign(compareSeq(a.text, b.text))).toBe(expected);
        expect(sign(compareSeq(b.text, a.text))).toBe(expected === 0 ? 0 : -expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: agrees with BigInt near powers of ten (where lengths change)', () => {
    const nearPower = fc
      .tuple(fc.integer({ min: 21, max: 39 }), fc.integer({ min: -3, max: 3 }))
      .map(([exp, delta]) => 10n ** BigInt(exp) + BigInt(delta));
    fc.assert(
      fc.property(nearPower, nearPower, (a, b) => {
        expect(sign(compareSeq(a.toString(), b.toString()))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

describe('formatSeq', () => {
  it('pads to the 21-digit minimum', () => {
    expect(formatSeq(0n)).toBe('000000000000000000000');
    expect(formatSeq(5n)).toBe('000000000000000000005');
    expect(formatSeq(5n)).toHaveLength(21);
    expect(formatSeq(10n ** 20n)).toBe('100000000000000000000');
  });

  it('leaves longer numbers as they are', () => {
    expect(formatSeq(10n ** 21n)).toBe('1000000000000000000000');
    expect(formatSeq(10n ** 40n - 1n)).toBe('9'.repeat(40));
  });

  it('rejects negative values', () => {
    expect(() => formatSeq(-1n)).toThrow('sequence numbers are non-negative');
  });

  it('property: round-trips through seqToBigInt and is always a sequence number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n - 1n }), (value) => {
        const text = formatSeq(value);
        expect(text.length).toBe(Math.max(21, value.toString().length));
        expect(seqToBigInt(text)).toBe(value);
        expect(isSequenceNumber(text)).toBe(true);
      }),
    );
  });
});

describe('isSequenceNumber / seqToBigInt', () => {
  it('accepts decimal strings of 21..40 digits only', () => {
    expect(isSequenceNumber('1'.repeat(21))).toBe(true);
    expect(isSequenceNumber('1'.repeat(40))).toBe(true);
    expect(isSequenceNumber('1'.repeat(20))).toBe(false);
    expect(isSequenceNumber('1'.repeat(41))).toBe(false);
    expect(isSequenceNumber(`${'1'.repeat(20)}a`)).toBe(false);
    expect(isSequenceNumber(`-${'1'.repeat(21)}`)).toBe(false);
    expect(isSequenceNumber(` ${'1'.repeat(21)}`)).toBe(false);
    expect(isSequenceNumber(10n ** 22n)).toBe(false);
    expect(isSequenceNumber(123)).toBe(false);
  });

  it('seqToBigInt rejects non-decimal text', () => {
    expect(seqToBigInt('000000000000000000042')).toBe(42n);
    expect(() => seqToBigInt('0x10')).toThrow(/not a sequence number: 0x10/);
    expect(() => seqToBigInt('')).toThrow(/not a sequence number/);
  });
});
