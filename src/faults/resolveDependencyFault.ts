import { optionError, readInteger, readObject, readOneOf, rejectUnknownOptions, withoutUndefined } from '../core/index.js';
import type { DependencyErrorKind, DependencyFault, DependencyFaultKind, DependencyMatch } from './faultSchedule.js';

const KINDS: readonly DependencyFaultKind[] = ['reject', 'applyThenReject', 'defer'];
const ERRORS: readonly DependencyErrorKind[] = ['throttle', 'timeout', 'internal'];
const KNOWN: readonly (keyof DependencyFault)[] = ['kind', 'match', 'times', 'error'];
const MATCH_KNOWN: readonly (keyof DependencyMatch)[] = ['call', 'dispatch', 'nth', 'path', 'from', 'to', 'probability'];

export function resolveDependencyFault(value: unknown, path: string): DependencyFault {
  const f = readObject(path, value);
  rejectUnknownOptions(path, f, KNOWN);
  const m = readObject(`${path}.match`, f.match ?? {});
  rejectUnknownOptions(`${path}.match`, m, MATCH_KNOWN);
  const index = (key: 'call' | 'dispatch', min: number): number | undefined =>
    m[key] === undefined ? undefined : readInteger(`${path}.match.${key}`, m[key], min);
  const match = withoutUndefined({
    call: index('call', 0),
    dispatch: index('dispatch', 0),
    nth: m.nth === undefined ? undefined : readInteger(`${path}.match.nth`, m.nth, 1),
    path: m.path === undefined ? undefined : readPath(`${path}.match.path`, m.path),
    from: m.from === undefined ? undefined : readInteger(`${path}.match.from`, m.from, 0),
    to: m.to === undefined ? undefined : readInteger(`${path}.match.to`, m.to, 0),
    probability: m.probability === undefined ? undefined : readProbability(`${path}.match.probability`, m.probability),
  });
  if (match.from !== undefined && match.to !== undefined && match.to <= match.from) {
    throw optionError(`${path}.match.to`, `must be greater than ${path}.match.from (${match.from})`, match.to);
  }
  const kind = readOneOf(`${path}.kind`, f.kind, KINDS);
  if (f.error !== undefined && kind === 'defer') {
    throw optionError(`${path}.error`, 'is only valid for kinds "reject" and "applyThenReject"', f.error);
  }
  return withoutUndefined({
    kind,
    match,
    times: f.times === undefined ? undefined : readInteger(`${path}.times`, f.times, 1),
    error: f.error === undefined ? undefined : readOneOf(`${path}.error`, f.error, ERRORS),
  });
}

function readProbability(path: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) throw optionError(path, 'must be a number in (0, 1]', value);
  return value;
}

function readPath(path: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw optionError(path, 'must be a non-empty string', value);
  return value;
}
