import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { fnv1a32 } from './hash.js';

/**
 * The only source of randomness below `src/run`. Each consumer takes its own stream with
 * `derive(label)`, so adding a draw in one place never shifts the values another place sees.
 */
export class Prng {
  private readonly rng: JumpableRandomGenerator;

  constructor(readonly seed: number) {
    this.rng = xoroshiro128plus(seed | 0);
  }

  /** An independent generator whose seed depends only on this seed and the label. */
  derive(label: string): Prng {
    return new Prng(fnv1a32(`${this.seed}:${label}`) ^ Math.imul(this.seed, 0x9e3779b1));
  }

  /** Integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** true with the given probability (0..1), resolved to 1/10000. */
  chance(probability: number): boolean {
    return this.int(0, 9999) < Math.round(probability * 10000);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('Prng.pick needs a non-empty list');
    return item;
  }

  /** `length` lowercase hex characters. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += (this.int(0, 0xffff) | 0x10000).toString(16).slice(1);
    return out.slice(0, length);
  }

  /** A version-4 UUID shaped string, as AWS request ids are. */
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.int(0, 3)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
