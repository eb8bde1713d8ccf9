import seedrandom from 'seedrandom';
import { optionError } from '../core/index.js';

/** Where the seed of a campaign came from (shown by `verbose`). */
export type SeedSource = 'option' | 'SHARDCHECK_SEED' | 'default' | 'random';

/**
 * The campaign seed: the `seed` option, else `SHARDCHECK_SEED` (an integer, or any other text such
 * as a commit hash, turned into a 32-bit seed with `seedrandom(text).int32()`), else the seed a
 * test-runner integration provides, else a random one.
 */
export function resolveSeed(option: number | undefined, env: string | undefined, defaultSeed: number | undefined): { seed: number; source: SeedSource } {
  if (option !== undefined) return { seed: option | 0, source: 'option' };
  if (env !== undefined && env.trim() !== '') return { seed: seedFromText(env.trim()), source: 'SHARDCHECK_SEED' };
  if (defaultSeed !== undefined) return { seed: defaultSeed | 0, source: 'default' };
  return { seed: (Date.now() ^ (Math.random() * 0x100000000)) | 0, source: 'random' };
}

/** An integer text is the seed itself (folded to 32 bits); any other text is hashed by seedrandom. */
export function seedFromText(text: string): number {
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw optionError('SHARDCHECK_SEED', 'must be a safe integer or a non-numeric text', text);
    return n | 0;
  }
  return seedrandom(text).int32();
}

/** `SHARDCHECK_PATH`, validated like the `path` option. */
export function readEnvPath(env: string | undefined): string | undefined {
  if (env === undefined || env.trim() === '') return undefined;
  const path = env.trim();
  if (!/^\d+(:\d+)*$/.test(path)) throw optionError('SHARDCHECK_PATH', 'must be a fast-check path like "12:0:3"', env);
  return path;
}
