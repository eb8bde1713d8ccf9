import { describe, expect, it } from 'vitest';
import { resolveFaultSchedule } from '../../src/faults/resolveFaultSchedule.js';
import type { FaultSchedule } from '../../src/faults/faultSchedule.js';
import { errorMessage } from '../support/errorMessage.js';

const loose = (params: Record<string, unknown>): Partial<FaultSchedule> => params as Partial<FaultSchedule>;

describe('resolveFaultSchedule', () => {
  it('defaults both lists to empty', () => {
    for (const params of [undefined, {}, { invocations: [] }, { timed: [] }]) {
      expect(resolveFaultSchedule(params)).toEqual({ invocations: [], timed: [], dependencies: [] });
    }
  });

  it('resolves both lists and freezes the result', () => {
    const schedule = resolveFaultSchedule({
      invocations: [{ kind: 'crash', match: { shard: 0 }, afterCalls: 1 }],
      timed: [{ kind: 'duplicate', at: 10, shard: 0 }],
      dependencies: [{ kind: 'applyThenReject', match: { dispatch: 2, nth: 1, path: 'store.put' }, error: 'timeout' }],
    });
    expect(schedule).toEqual({
      invocations: [{ kind: 'crash', match: { shard: 0 }, afterCalls: 1 }],
      timed: [{ kind: 'duplicate', at: 10, shard: 0 }],
      dependencies: [{ kind: 'applyThenReject', match: { dispatch: 2, nth: 1, path: 'store.put' }, error: 'timeout' }],
    });
    expect(Object.isFrozen(schedule)).toBe(true);
    expect(Object.isFrozen(schedule.invocations)).toBe(true);
    expect(Object.isFrozen(schedule.invocations[0]!.match)).toBe(true);
    expect(Object.isFrozen(schedule.timed[0])).toBe(true);
  });

  it('round-trips through JSON unchanged', () => {
    const schedule = resolveFaultSchedule({ invocations: [{ kind: 'throttle', match: { attempt: 1 }, times: 2 }] });
    expect(resolveFaultSchedule(JSON.parse(JSON.stringify(schedule)))).toEqual(schedule);
  });

  it('rejects non-array lists and non-objects', () => {
    expect(errorMessage(() => resolveFaultSchedule(loose({ invocations: {} })))).toBe('faults.invocations must be an array (got {})');
    expect(errorMessage(() => resolveFaultSchedule(loose({ timed: 'none' })))).toBe('faults.timed must be an array (got "none")');
    expect(errorMessage(() => resolveFaultSchedule(7 as never))).toBe('faults must be an object (got 7)');
  });

  it('lists valid options for unknown ones', () => {
    expect(errorMessage(() => resolveFaultSchedule(loose({ network: [] })))).toBe(
      'faults.network is not a known option; valid options are invocations, timed, dependencies',
    );
  });

  it('validates dependency faults', () => {
    const at = (fault: unknown) => errorMessage(() => resolveFaultSchedule(loose({ dependencies: [fault] })));
    expect(at({ kind: 'drop', match: {} })).toBe('faults.dependencies[0].kind must be one of "reject", "applyThenReject", "defer" (got "drop")');
    expect(at({ kind: 'reject', match: { nth: 0 } })).toBe('faults.dependencies[0].match.nth must be an integer >= 1 (got 0)');
    expect(at({ kind: 'reject', match: { path: '' } })).toBe('faults.dependencies[0].match.path must be a non-empty string (got "")');
    expect(at({ kind: 'reject', error: 'boom' })).toBe('faults.dependencies[0].error must be one of "throttle", "timeout", "internal" (got "boom")');
    expect(at({ kind: 'defer', match: { line: 1 } })).toBe('faults.dependencies[0].match.line is not a known option; valid options are call, dispatch, nth, path, from, to, probability');
  });

  it('uses the given path', () => {
    expect(errorMessage(() => resolveFaultSchedule(loose({ timed: [{ kind: 'nap', at: 0 }] }), 'options.faults'))).toBe(
      'options.faults.timed[0].kind must be one of "disable", "enable", "restart", "duplicate", "reclaim" (got "nap")',
    );
  });
});
