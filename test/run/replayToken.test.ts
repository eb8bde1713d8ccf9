import { describe, expect, it } from 'vitest';
import { formatReplayToken, parseReplayToken } from '../../src/run/index.js';
import { errorMessage } from '../support/errorMessage.js';

describe('replay token', () => {
  const token = { check: '0a1b2c3d', options: 'ffee0011', seed: -42, path: '12:0:3', removals: 'o3,f1' };

  it('round-trips, and reads as itself in a POSIX shell (no quoting needed)', () => {
    const text = formatReplayToken(token);
    expect(text).toBe('1/0a1b2c3d/ffee0011/-42/12:0:3/o3,f1');
    expect(text).toMatch(/^[A-Za-z0-9_./:@%+=,-]+$/);
    expect(parseReplayToken(text)).toEqual(token);
    expect(parseReplayToken(formatReplayToken({ ...token, removals: '' }))).toEqual({ ...token, removals: '' });
  });

  it('is absent when unset or blank', () => {
    expect(parseReplayToken(undefined)).toBeUndefined();
    expect(parseReplayToken('  ')).toBeUndefined();
  });

  it('rejects what it cannot have printed, naming the variable and the value', () => {
    expect(errorMessage(() => parseReplayToken('4242'))).toBe(
      'SHARDCHECK_REPLAY must have the form 1/<check>/<options>/<seed>/<path>/<removals>; paste it exactly as the report\'s replay line prints it (got "4242")',
    );
    expect(errorMessage(() => parseReplayToken('2/0a1b2c3d/ffee0011/1/0/'))).toMatch(/was written by another shardcheck version \(token version 2, this one reads 1\)/);
    expect(errorMessage(() => parseReplayToken('1/xyz/ffee0011/1/0/'))).toMatch(/must name its check and options as 8 hex digits each/);
    expect(errorMessage(() => parseReplayToken('1/0a1b2c3d/ffee0011/x/0/'))).toMatch(/must carry an integer seed/);
    expect(errorMessage(() => parseReplayToken('1/0a1b2c3d/ffee0011/1/a:b/'))).toMatch(/must carry a fast-check path like 12:0:3/);
    expect(errorMessage(() => parseReplayToken('1/0a1b2c3d/ffee0011/1/0/o;rm'))).toMatch(/must carry removals of letters, digits and commas/);
  });
});
