import { describe, expect, it } from 'vitest';
import type { InvocationFault } from '../../../src/faults/faultSchedule.js';
import { eventsOf, invocations, puts, RBIF, recorder, reportFailures, run, TABLE } from './helpers.js';

describe('outcome classes (R31)', () => {
  /** Two records in one batch, MRA 0; the outcome of the first dispatch, its error type and the recorder. */
  async function outcomeOf(opts: { fault?: InvocationFault['kind']; respond?: Parameters<typeof recorder>[0]; rbif?: boolean }) {
    const rec = recorder(opts.respond);
    const trace = await run(
      {
        table: TABLE,
        operations: puts(2),
        mapping: { maximumRetryAttempts: 0, ...(opts.rbif ? { functionResponseTypes: RBIF } : {}) },
        faults: { invocations: opts.fault === undefined ? [] : [{ kind: opts.fault, match: { dispatch: 0 } }] },
      },
      rec.handler,
    );
    const first = invocations(trace)[0]!;
    const result = eventsOf(trace, 'result')[0]!;
    return { outcome: first.outcome, env: first.env, error: result.error?.errorType, trace, rec };
  }

  it('R31: a throttle is NOT_INVOKED: no environment, no handler call', async () => {
    const { outcome, env, rec, error } = await outcomeOf({ fault: 'throttle' });
    expect([outcome, env, error]).toEqual(['NOT_INVOKED', null, 'TooManyRequestsException']);
    // the throttled dispatch never reached the handler; the retry (dispatch 1) did
    expect(rec.calls).toHaveLength(1);
  });

  it('R31: an injected function error is FUNCTION_ERROR without calling the handler', async () => {
    const { outcome, rec, trace } = await outcomeOf({ fault: 'error' });
    expect(outcome).toBe('FUNCTION_ERROR');
    expect(rec.calls).toHaveLength(0);
    expect(eventsOf(trace, 'discard').map((d) => d.records)).toEqual([[0, 1]]);
  });

  it('R31: a timeout is FUNCTION_ERROR after the handler ran', async () => {
    const { outcome, rec, error } = await outcomeOf({ fault: 'timeout' });
    expect([outcome, error]).toEqual(['FUNCTION_ERROR', 'Sandbox.Timedout']);
    expect(rec.calls).toHaveLength(1);
  });

  it('R31: a crash is FUNCTION_ERROR after the handler ran', async () => {
    const { outcome, rec, error } = await outcomeOf({ fault: 'crash' });
    expect([outcome, error]).toEqual(['FUNCTION_ERROR', 'Runtime.ExitError']);
    expect(rec.calls).toHaveLength(1);
  });

  it('R31: an uncaught exception is FUNCTION_ERROR with the error\'s type', async () => {
    const { outcome, error } = await outcomeOf({
      respond: () => {
        throw new TypeError('bad');
      },
    });
    expect([outcome, error]).toEqual(['FUNCTION_ERROR', 'TypeError']);
  });

  it('R31: a normal return is OK_SUCCESS, and without RBIF any payload is', async () => {
    expect((await outcomeOf({})).outcome).toBe('OK_SUCCESS');
    expect((await outcomeOf({ respond: (c) => reportFailures(c, [1]) })).outcome).toBe('OK_SUCCESS');
    expect((await outcomeOf({ respond: () => 'anything' })).outcome).toBe('OK_SUCCESS');
  });

  it('R31: under RBIF a valid failure list is OK_PARTIAL and a malformed one OK_MALFORMED', async () => {
    const partial = await outcomeOf({ rbif: true, respond: (c) => reportFailures(c, [1]) });
    expect(partial.outcome).toBe('OK_PARTIAL');
    expect(invocations(partial.trace)[0]!.lowest).toBe(partial.trace.records[1]!.seq);
    const malformed = await outcomeOf({ rbif: true, respond: () => ({ batchItemFailures: [{ itemIdentifier: '' }] }) });
    expect([malformed.outcome, malformed.error]).toEqual(['OK_MALFORMED', 'MalformedResponse']);
  });

  it('R31: FUNCTION_ERROR, OK_PARTIAL and OK_MALFORMED count toward MaximumRetryAttempts; NOT_INVOKED does not', async () => {
    const cases: [Parameters<typeof outcomeOf>[0], number][] = [
      [{ respond: () => { throw new Error('x'); } }, 1],
      [{ rbif: true, respond: (c) => reportFailures(c, [0]) }, 1],
      [{ rbif: true, respond: () => ({ batchItemFailures: [{ foo: 1 }] }) }, 1],
    ];
    for (const [opts, invokedBeforeDiscard] of cases) {
      const { trace } = await outcomeOf(opts);
      // MRA 0: the one counted attempt exhausts the quota
      expect(invocations(trace).filter((i) => i.env !== null)).toHaveLength(invokedBeforeDiscard);
      expect(eventsOf(trace, 'discard').map((d) => d.condition)).toEqual(['RetryAttemptsExhausted']);
    }
    const throttled = await outcomeOf({ fault: 'throttle' });
    expect(eventsOf(throttled.trace, 'discard')).toEqual([]);
  });
});
