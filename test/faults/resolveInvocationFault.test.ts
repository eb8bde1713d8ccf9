import { describe, expect, it } from 'vitest';
import { resolveInvocationFault } from '../../src/faults/resolveInvocationFault.js';
import { errorMessage } from '../support/errorMessage.js';

const P = 'faults.invocations[0]';
const resolve = (value: unknown) => resolveInvocationFault(value, P);
const error = (value: unknown) => errorMessage(() => resolve(value));

describe('resolveInvocationFault', () => {
  it.each(['throttle', 'error', 'timeout', 'crash'])('accepts kind %s (R33, R34)', (kind) => {
    expect(resolve({ kind, match: {} })).toEqual({ kind, match: {} });
  });

  it('treats an omitted match as "every dispatch"', () => {
    expect(resolve({ kind: 'error' })).toEqual({ kind: 'error', match: {} });
  });

  it('rejects unknown kinds', () => {
    expect(error({ kind: 'fail', match: {} })).toBe(`${P}.kind must be one of "throttle", "error", "timeout", "crash" (got "fail")`);
    expect(error({ match: {} })).toBe(`${P}.kind must be one of "throttle", "error", "timeout", "crash" (got undefined)`);
  });

  it('accepts every match field at its lower bound and keeps only given fields', () => {
    const match = { dispatch: 0, shard: 0, lane: 0, attempt: 1, record: 0, from: 0, to: 0.5 };
    expect(resolve({ kind: 'timeout', match })).toEqual({ kind: 'timeout', match });
    expect(Object.keys(resolve({ kind: 'timeout', match: { shard: 2, lane: undefined } }).match)).toEqual(['shard']);
  });

  it.each(['dispatch', 'shard', 'lane', 'record'])('requires match.%s to be an integer >= 0', (key) => {
    for (const [value, got] of [[-1, '-1'], [1.5, '1.5'], ['0', '"0"']] as const) {
      expect(error({ kind: 'error', match: { [key]: value } })).toBe(`${P}.match.${key} must be an integer >= 0 (got ${got})`);
    }
  });

  it('requires match.attempt >= 1, since attempts count from the first delivery', () => {
    expect(error({ kind: 'error', match: { attempt: 0 } })).toBe(`${P}.match.attempt must be an integer >= 1 (got 0)`);
  });

  it.each(['from', 'to'])('requires match.%s to be a finite time >= 0', (key) => {
    expect(error({ kind: 'error', match: { [key]: -1 } })).toBe(`${P}.match.${key} must be a finite number >= 0 (got -1)`);
    expect(error({ kind: 'error', match: { [key]: Infinity } })).toBe(`${P}.match.${key} must be a finite number >= 0 (got Infinity)`);
  });

  it('requires from < to', () => {
    expect(resolve({ kind: 'error', match: { from: 5 } }).match).toEqual({ from: 5 });
    expect(resolve({ kind: 'error', match: { to: 5 } }).match).toEqual({ to: 5 });
    expect(error({ kind: 'error', match: { from: 5, to: 5 } })).toBe(`${P}.match.to must be greater than ${P}.match.from (5) (got 5)`);
    expect(error({ kind: 'error', match: { from: 6, to: 5 } })).toBe(`${P}.match.to must be greater than ${P}.match.from (6) (got 5)`);
  });

  it('requires times >= 1', () => {
    expect(resolve({ kind: 'throttle', match: {}, times: 1 }).times).toBe(1);
    expect(error({ kind: 'throttle', match: {}, times: 0 })).toBe(`${P}.times must be an integer >= 1 (got 0)`);
    expect(error({ kind: 'throttle', match: {}, times: 1.5 })).toBe(`${P}.times must be an integer >= 1 (got 1.5)`);
  });

  it('accepts afterCalls >= 0 for crash only', () => {
    expect(resolve({ kind: 'crash', match: {}, afterCalls: 0 }).afterCalls).toBe(0);
    expect(error({ kind: 'crash', match: {}, afterCalls: -1 })).toBe(`${P}.afterCalls must be an integer >= 0 (got -1)`);
    for (const kind of ['throttle', 'error', 'timeout']) {
      expect(error({ kind, match: {}, afterCalls: 2 })).toBe(`${P}.afterCalls is only valid for kind "crash" (got 2)`);
    }
  });

  it('rejects unknown options in the fault and in its match', () => {
    expect(error({ kind: 'error', match: {}, probability: 0.5 })).toBe(
      `${P}.probability is not a known option; valid options are kind, match, times, afterCalls`,
    );
    expect(error({ kind: 'error', match: { batch: 0 } })).toBe(
      `${P}.match.batch is not a known option; valid options are dispatch, shard, lane, attempt, record, from, to`,
    );
    expect(error({ kind: 'error', match: [] })).toBe(`${P}.match must be an object (got [])`);
  });
});
