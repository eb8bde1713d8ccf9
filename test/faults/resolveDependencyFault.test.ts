import { describe, expect, it } from 'vitest';
import { resolveDependencyFault } from '../../src/faults/resolveDependencyFault.js';
import { errorMessage } from '../support/errorMessage.js';

const P = 'faults.dependencies[0]';
const resolve = (value: unknown) => resolveDependencyFault(value, P);
const error = (value: unknown) => errorMessage(() => resolve(value));

describe('resolveDependencyFault', () => {
  it.each(['reject', 'applyThenReject', 'defer'])('accepts kind %s (DESIGN §5)', (kind) => {
    expect(resolve({ kind, match: {} })).toEqual({ kind, match: {} });
  });

  it('rejects an error kind on a deferred call, which never fails', () => {
    expect(error({ kind: 'defer', error: 'timeout' })).toBe('faults.dependencies[0].error is only valid for kinds "reject" and "applyThenReject" (got "timeout")');
  });

  it('treats an omitted match as "every call"', () => {
    expect(resolve({ kind: 'defer' })).toEqual({ kind: 'defer', match: {} });
  });

  it('rejects unknown or missing kinds', () => {
    expect(error({ kind: 'drop', match: {} })).toBe(`${P}.kind must be one of "reject", "applyThenReject", "defer" (got "drop")`);
    expect(error({ kind: 'crash', match: {} })).toBe(`${P}.kind must be one of "reject", "applyThenReject", "defer" (got "crash")`);
    expect(error({ match: {} })).toBe(`${P}.kind must be one of "reject", "applyThenReject", "defer" (got undefined)`);
  });

  it('requires the fault to be an object', () => {
    expect(error('reject')).toBe(`${P} must be an object (got "reject")`);
    expect(error(null)).toBe(`${P} must be an object (got null)`);
  });

  it('accepts every match field at its lower bound and keeps only given fields', () => {
    const match = { call: 0, dispatch: 0, nth: 1, path: 'store.put' };
    expect(resolve({ kind: 'reject', match })).toEqual({ kind: 'reject', match });
    const resolved = resolve({ kind: 'reject', match: { nth: 3, call: undefined, path: undefined } });
    expect(Object.keys(resolved.match)).toEqual(['nth']);
    expect(Object.keys(resolve({ kind: 'reject', times: undefined, error: undefined }))).toEqual(['kind', 'match']);
  });

  it.each(['call', 'dispatch'])('requires match.%s to be an integer >= 0', (key) => {
    for (const [value, got] of [[-1, '-1'], [1.5, '1.5'], ['0', '"0"']] as const) {
      expect(error({ kind: 'reject', match: { [key]: value } })).toBe(`${P}.match.${key} must be an integer >= 0 (got ${got})`);
    }
  });

  it('requires match.nth >= 1, since calls count from 1 within a dispatch', () => {
    expect(resolve({ kind: 'reject', match: { nth: 1 } }).match).toEqual({ nth: 1 });
    expect(error({ kind: 'reject', match: { nth: 0 } })).toBe(`${P}.match.nth must be an integer >= 1 (got 0)`);
    expect(error({ kind: 'reject', match: { nth: 2.5 } })).toBe(`${P}.match.nth must be an integer >= 1 (got 2.5)`);
  });

  it('requires match.path to be a non-empty string', () => {
    expect(resolve({ kind: 'reject', match: { path: 'ddb.send(PutCommand)' } }).match).toEqual({ path: 'ddb.send(PutCommand)' });
    expect(error({ kind: 'reject', match: { path: '' } })).toBe(`${P}.match.path must be a non-empty string (got "")`);
    expect(error({ kind: 'reject', match: { path: 5 } })).toBe(`${P}.match.path must be a non-empty string (got 5)`);
    expect(error({ kind: 'reject', match: { path: null } })).toBe(`${P}.match.path must be a non-empty string (got null)`);
  });

  it('requires match.from/to to be virtual instants >= 0 with from < to', () => {
    expect(resolve({ kind: 'defer', match: { from: 0, to: 1 } }).match).toEqual({ from: 0, to: 1 });
    expect(error({ kind: 'defer', match: { from: -1 } })).toBe(`${P}.match.from must be an integer >= 0 (got -1)`);
    expect(error({ kind: 'defer', match: { to: 0.5 } })).toBe(`${P}.match.to must be an integer >= 0 (got 0.5)`);
    expect(error({ kind: 'defer', match: { from: 5, to: 5 } })).toBe(`${P}.match.to must be greater than ${P}.match.from (5) (got 5)`);
  });

  it('requires times >= 1', () => {
    expect(resolve({ kind: 'defer', match: {}, times: 1 }).times).toBe(1);
    expect(error({ kind: 'defer', match: {}, times: 0 })).toBe(`${P}.times must be an integer >= 1 (got 0)`);
    expect(error({ kind: 'defer', match: {}, times: 1.5 })).toBe(`${P}.times must be an integer >= 1 (got 1.5)`);
  });

  it.each(['throttle', 'timeout', 'internal'])('accepts error %s', (kind) => {
    expect(resolve({ kind: 'reject', match: {}, error: kind })).toEqual({ kind: 'reject', match: {}, error: kind });
  });

  it('rejects unknown error kinds', () => {
    expect(error({ kind: 'applyThenReject', error: 'boom' })).toBe(`${P}.error must be one of "throttle", "timeout", "internal" (got "boom")`);
  });

  it('rejects unknown options in the fault and in its match', () => {
    expect(error({ kind: 'reject', match: {}, afterCalls: 1 })).toBe(`${P}.afterCalls is not a known option; valid options are kind, match, times, error`);
    expect(error({ kind: 'reject', match: { shard: 0 } })).toBe(`${P}.match.shard is not a known option; valid options are call, dispatch, nth, path, from, to, probability`);
    expect(error({ kind: 'reject', match: [] })).toBe(`${P}.match must be an object (got [])`);
  });
});
