import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkStreamHandler, readEnvPath, resolveSeed, seedFromText } from '../../src/run/index.js';
import { errorMessage } from '../support/errorMessage.js';

afterEach(() => vi.unstubAllEnvs());

describe('resolveSeed', () => {
  it('prefers the option, then SHARDCHECK_SEED, then the integration default, then a random seed', () => {
    expect(resolveSeed(1, '2', 3)).toEqual({ seed: 1, source: 'option' });
    expect(resolveSeed(undefined, '2', 3)).toEqual({ seed: 2, source: 'SHARDCHECK_SEED' });
    expect(resolveSeed(undefined, '', 3)).toEqual({ seed: 3, source: 'default' });
    const random = resolveSeed(undefined, undefined, undefined);
    expect(random.source).toBe('random');
    expect(Number.isInteger(random.seed) && random.seed === (random.seed | 0)).toBe(true);
  });

  it('turns any text (a commit hash) into a stable 32-bit seed with seedrandom', () => {
    const sha = '3f9c2a1e7b6d';
    expect(seedFromText(sha)).toBe(seedrandom(sha).int32());
    expect(seedFromText(sha)).toBe(seedFromText(sha));
    expect(seedFromText('-17')).toBe(-17);
    expect(seedFromText(String(2 ** 32 + 5))).toBe(5);
    expect(errorMessage(() => seedFromText('99999999999999999999'))).toBe('SHARDCHECK_SEED must be a safe integer or a non-numeric text (got "99999999999999999999")');
  });

  it('validates SHARDCHECK_PATH', () => {
    expect(readEnvPath(' 3:1 ')).toBe('3:1');
    expect(readEnvPath('')).toBeUndefined();
    expect(errorMessage(() => readEnvPath('a'))).toBe('SHARDCHECK_PATH must be a fast-check path like "12:0:3" (got "a")');
  });

  it('checkStreamHandler reports the seed it used, from SHARDCHECK_SEED text', async () => {
    vi.stubEnv('SHARDCHECK_SEED', 'main@5e1f0c');
    vi.stubEnv('SHARDCHECK_PATH', '');
    const summary = await checkStreamHandler({ handler: async () => {}, numRuns: 2, regressions: false, scenario: { operations: { maxLength: 3 } } });
    expect(summary).toMatchObject({ seed: seedrandom('main@5e1f0c').int32(), seedSource: 'SHARDCHECK_SEED', runs: 2 });
  });
});
