import seedrandom from 'seedrandom';
import { optionError } from '../core/index.js';

/** A seed for a campaign nobody gave one: it is printed with every failure, so the run can be replayed. */
export function randomSeed(): number {
  return (Date.now() ^ (Math.random() * 0x100000000)) | 0;
}

/** An integer text is the seed itself (folded to 32 bits); any other text (a commit hash) is hashed by seedrandom. */
export function seedFromText(text: string): number {
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw optionError('SHARDCHECK_SEED', 'must be a safe integer or a non-numeric text', text);
    return n | 0;
  }
  return seedrandom(text).int32();
}
