import { optionError, readFinite, readInteger, readObject, readOneOf, rejectUnknownOptions } from '../core/index.js';
import type { TimedFault } from './faultSchedule.js';

const KINDS: readonly TimedFault['kind'][] = ['disable', 'enable', 'restart', 'duplicate', 'reclaim'];

export function resolveTimedFault(value: unknown, path: string): TimedFault {
  const f = readObject(path, value);
  const kind = readOneOf(`${path}.kind`, f.kind, KINDS);
  // Only `duplicate` targets a shard; the others act on the whole mapping.
  if (kind !== 'duplicate' && f.shard !== undefined) {
    throw optionError(`${path}.shard`, 'is only valid for kind "duplicate"', f.shard);
  }
  rejectUnknownOptions(path, f, kind === 'duplicate' ? ['kind', 'at', 'shard'] : ['kind', 'at']);
  const at = readFinite(`${path}.at`, f.at);
  if (kind === 'duplicate') return { kind, at, shard: readInteger(`${path}.shard`, f.shard, 0) };
  return { kind, at };
}
