import { describe, it, expect } from 'vitest';
import { compareSeq, Prng } from '../../src/core/index.js';
import { SequenceCounter } from '../../src/stream/SequenceCounter.js';

describe('SequenceCounter', () => {
  it('R9: starts exactly at the given sequence number and then grows by gaps of 2..1000', () => {
    const counter = new SequenceCounter(new Prng(3), '100000000000000000000');
    const seqs = Array.from({ length: 50 }, () => counter.take());
    expect(seqs[0]).toBe('100000000000000000000');
    for (let i = 1; i < seqs.length; i++) {
      const gap = BigInt(seqs[i]!) - BigInt(seqs[i - 1]!);
      expect(gap >= 2n && gap <= 1000n).toBe(true);
    }
  });

  it('R9: derived starts have 21..30 digits and stay increasing when the digit count grows', () => {
    for (let seed = 0; seed < 50; seed++) {
      const counter = new SequenceCounter(new Prng(seed), undefined);
      const seqs = Array.from({ length: 10 }, () => counter.take());
      expect(seqs[0]!.length >= 21 && seqs[0]!.length <= 30).toBe(true);
      for (let i = 1; i < seqs.length; i++) expect(compareSeq(seqs[i - 1]!, seqs[i]!)).toBe(-1);
    }
  });
});
