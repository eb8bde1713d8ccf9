import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkStreamHandler, randomSeed, seedFromText } from '../../src/run/index.js';
import { errorMessage } from '../support/errorMessage.js';

afterEach(() => vi.unstubAllEnvs());

describe('seeds', () => {
  it('turns any text (a commit hash) into a stable 32-bit seed with seedrandom', () => {
    const sha = '3f9c2a1e7b6d';
    expect(seedFromText(sha)).toBe(seedrandom(sha).int32());
    expect(seedFromText(sha)).toBe(seedFromText(sha));
    expect(seedFromText('-17')).toBe(-17);
    expect(seedFromText(String(2 ** 32 + 5))).toBe(5);
    expect(errorMessage(() => seedFromText('99999999999999999999'))).toBe('SHARDCHECK_SEED must be a safe integer or a non-numeric text (got "99999999999999999999")');
  });

  it('a random seed is a 32-bit integer', () => {
    const seed = randomSeed();
    expect(seed).toBe(seed | 0);
  });

  it('checkStreamHandler reports the seed it used and where it came from: SHARDCHECK_SEED text, or the call', async () => {
    vi.stubEnv('SHARDCHECK_SEED', 'main@5e1f0c');
    const options = { handler: async () => {}, numRuns: 2, regressions: false as const, suppressHealthChecks: ['vacuous' as const], scenario: { operations: { maxLength: 3 } } };
    expect(await checkStreamHandler(options)).toMatchObject({ seed: seedrandom('main@5e1f0c').int32(), seedSource: 'environment', runs: 2 });
    expect(await checkStreamHandler({ ...options, seed: 5 })).toMatchObject({ seed: 5, seedSource: 'call' });
    vi.stubEnv('SHARDCHECK_SEED', '');
    expect((await checkStreamHandler(options)).seedSource).toBe('random');
  });

  it('SHARDCHECK_PATH is no longer read: it would replay one path in every test', async () => {
    vi.stubEnv('SHARDCHECK_PATH', '3:1');
    expect(await checkStreamHandler({ handler: async () => {}, numRuns: 1, regressions: false }).catch((e: Error) => e.message)).toMatch(/^SHARDCHECK_PATH is no longer read \(got "3:1"\); paste the report's replay line instead, it sets SHARDCHECK_REPLAY$/);
  });
});
