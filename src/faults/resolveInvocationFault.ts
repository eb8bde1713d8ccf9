import {
  optionError,
  readFinite,
  readInteger,
  readObject,
  readOneOf,
  rejectUnknownOptions,
  withoutUndefined,
} from '../core/index.js';
import type { InvocationFault, InvocationFaultKind, InvocationMatch } from './faultSchedule.js';

const KINDS: readonly InvocationFaultKind[] = ['throttle', 'error', 'timeout', 'crash'];
const KNOWN: readonly (keyof InvocationFault)[] = ['kind', 'match', 'times', 'afterCalls'];
const MATCH_KNOWN: readonly (keyof InvocationMatch)[] = ['dispatch', 'shard', 'lane', 'attempt', 'record', 'from', 'to'];

export function resolveInvocationFault(value: unknown, path: string): InvocationFault {
  const f = readObject(path, value);
  rejectUnknownOptions(path, f, KNOWN);
  const kind = readOneOf(`${path}.kind`, f.kind, KINDS);
  if (f.afterCalls !== undefined && kind !== 'crash') {
    throw optionError(`${path}.afterCalls`, 'is only valid for kind "crash"', f.afterCalls);
  }
  return withoutUndefined({
    kind,
    // An omitted match is the empty match: every dispatch.
    match: resolveMatch(f.match ?? {}, `${path}.match`),
    times: f.times === undefined ? undefined : readInteger(`${path}.times`, f.times, 1),
    afterCalls: f.afterCalls === undefined ? undefined : readInteger(`${path}.afterCalls`, f.afterCalls, 0),
  });
}

function resolveMatch(value: unknown, path: string): InvocationMatch {
  const m = readObject(path, value);
  rejectUnknownOptions(path, m, MATCH_KNOWN);
  const index = (key: 'dispatch' | 'shard' | 'lane' | 'record'): number | undefined =>
    m[key] === undefined ? undefined : readInteger(`${path}.${key}`, m[key], 0);
  const time = (key: 'from' | 'to'): number | undefined =>
    m[key] === undefined ? undefined : readFinite(`${path}.${key}`, m[key]);
  const match = withoutUndefined({
    dispatch: index('dispatch'),
    shard: index('shard'),
    lane: index('lane'),
    // Attempts count from 1 (first delivery), so 0 could never match.
    attempt: m.attempt === undefined ? undefined : readInteger(`${path}.attempt`, m.attempt, 1),
    record: index('record'),
    from: time('from'),
    to: time('to'),
  });
  if (match.from !== undefined && match.to !== undefined && match.from >= match.to) {
    throw optionError(`${path}.to`, `must be greater than ${path}.from (${match.from})`, match.to);
  }
  return match;
}
