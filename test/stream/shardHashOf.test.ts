import { describe, it, expect } from 'vitest';
import { shardHashOf } from '../../src/stream/index.js';

describe('shardHashOf', () => {
  it('R7: spreads keys with a common prefix over the whole hash space', () => {
    const quarters = new Set(Array.from({ length: 40 }, (_, i) => Math.floor(shardHashOf(`user#${i}`) / 2 ** 30)));
    expect(quarters).toEqual(new Set([0, 1, 2, 3]));
  });

  it('is a stable unsigned 32-bit value', () => {
    expect(shardHashOf('a')).toBe(shardHashOf('a'));
    expect(Number.isInteger(shardHashOf('a')) && shardHashOf('a') >= 0 && shardHashOf('a') < 2 ** 32).toBe(true);
  });
});
