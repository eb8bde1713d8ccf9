import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../src/core/hash.js';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is an unsigned 32-bit integer', () => {
    for (const text of ['', 'x', 'k1', 'a long partition key value', '\u{1F600}']) {
      const h = fnv1a32(text);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
  });

  it('distinguishes near-identical keys', () => {
    expect(fnv1a32('k1')).not.toBe(fnv1a32('k2'));
    expect(fnv1a32('ab')).not.toBe(fnv1a32('ba'));
  });
});
