import { describe, expect, it } from 'vitest';
import { ShardcheckError } from '../../src/core/errors.js';
import { invariant } from '../../src/core/invariant.js';

describe('invariant', () => {
  it('passes on truthy conditions', () => {
    expect(() => invariant(true, 'x')).not.toThrow();
    expect(() => invariant(1, 'x')).not.toThrow();
    expect(() => invariant('a', 'x')).not.toThrow();
  });

  it('throws an internal error (not a ShardcheckError: the user did nothing wrong)', () => {
    for (const falsy of [false, 0, '', null, undefined]) {
      let thrown: unknown;
      try {
        invariant(falsy, 'queue empty');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect(thrown).not.toBeInstanceOf(ShardcheckError);
      expect((thrown as Error).message).toBe('shardcheck internal invariant violated: queue empty');
    }
  });
});
