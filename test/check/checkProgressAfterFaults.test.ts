import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkAtLeastOnce } from '../../src/check/checkAtLeastOnce.js';
import { checkProgressAfterFaults } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, puts, RBIF, reportingHandler, simulated, SQS, TABLE, witnesses } from './support.js';

describe('checkProgressAfterFaults (liveness: R32, R34, DESIGN §4)', () => {
  it('R34: is silent on every corpus trace whose failures were all injected, even when records were discarded', async () => {
    for (const run of await corpus()) if (!run.poison) expect(checkProgressAfterFaults(run.trace, run.model), run.name).toEqual([]);
  });

  it('R34: reports a poison record discarded after the handler failed on it on its own: the record, its shard, how long it blocked', async () => {
    const run = await byName('R43');
    const events = run.trace.events;
    const firstFailure = indexOf(events, 'result', (e) => e.outcome === 'FUNCTION_ERROR');
    const discard = indexOf(events, 'discard');
    const anomalies = checkProgressAfterFaults(run.trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R34', [5], [firstFailure, discard]]]);
    expect(anomalies[0]).toMatchObject({ invariant: 'progress-after-faults', kind: 'liveness', shard: 1, blockedMs: events[discard]!.t - events[firstFailure]!.t });
    expect(anomalies[0]!.summary).toContain('until it was discarded (RetryAttemptsExhausted)');
  });

  it('R32: reports a poison batch that blocked its shard until it was trimmed — never a silent expiry', async () => {
    const run = await byName('R6 poison batch trimmed');
    const trim = indexOf(run.trace.events, 'trim');
    const [anomaly] = checkProgressAfterFaults(run.trace, run.model);
    expect(anomaly).toMatchObject({ rule: 'R32', records: [0, 1], events: [indexOf(run.trace.events, 'result'), trim], blockedMs: run.trace.events[trim]!.t });
    expect(anomaly!.blockedMs).toBeGreaterThan(24 * 3_600_000);
  });

  it('R38: a partial response naming a record is the handler failing on it on its own', async () => {
    const run = await byName('R39 RBIF');
    const anomalies = checkProgressAfterFaults(run.trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R34', [5], [indexOf(run.trace.events, 'result', (e) => e.outcome === 'OK_PARTIAL'), indexOf(run.trace.events, 'discard')]]]);
  });

  it('R37: a malformed partial response (an identifier not in the batch) is the handler failing on its own', async () => {
    const run = await simulated(
      'malformed',
      { table: TABLE, operations: puts(2), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 1 } },
      async () => ({ batchItemFailures: [{ itemIdentifier: '123456789012345678901' }] }),
    );
    const anomalies = checkProgressAfterFaults(run.trace, run.model);
    expect(anomalies.map((a) => [a.records, a.events])).toEqual([[[0, 1], [indexOf(run.trace.events, 'result'), indexOf(run.trace.events, 'discard')]]]);
  });

  it('DESIGN §4: failures caused by injected dependency faults are not the handler failing on its own', async () => {
    // Every dependency call is rejected: the correct handler reports each record, MRA 1 discards them.
    const run = await simulated(
      'dependency rejects',
      { table: TABLE, operations: puts(3), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 1, destinationConfig: SQS }, faults: { dependencies: [{ kind: 'reject', match: {} }] } },
      reportingHandler(),
    );
    expect(run.trace.events.some((e) => e.type === 'discard')).toBe(true);
    expect(checkProgressAfterFaults(run.trace, run.model)).toEqual([]);
    // the same failures without the injected rejections would be the handler's own
    const own = mutate(run.trace, (events) => {
      for (let i = 0; i < events.length; i++) if (events[i]!.type === 'dependency') events[i] = { ...at(events, i, 'dependency'), action: 'called' };
    });
    expect(checkProgressAfterFaults(own, run.model).length).toBeGreaterThan(0);
  });

  it('R34: a record that failed on its own, then succeeded, is no poison', async () => {
    let calls = 0;
    const run = await simulated('flaky', { table: TABLE, operations: puts(2), mapping: { maximumRetryAttempts: 3 } }, async (_event: DynamoDBStreamEvent) => {
      if (calls++ < 2) throw new Error('flaky');
    });
    expect(checkProgressAfterFaults(run.trace, run.model)).toEqual([]);
  });

  it('R32: reports a run stopped at its limit with unsettled records while the mapping is enabled, not one left disabled', async () => {
    const run = await byName('R24');
    let end = -1;
    let last = -1;
    const cut = (reason: 'limit' | 'stalled') =>
      mutate(run.trace, (events) => {
        const discard = indexOf(events, 'discard');
        events.splice(discard);
        last = indexOf(events, 'invoke', () => true, 2);
        end = events.push({ type: 'end', t: events.at(-1)!.t, reason }) - 1;
      });
    const anomalies = checkProgressAfterFaults(cut('limit'), run.model);
    expect(witnesses(anomalies)).toEqual([['R32', [0], [last, end]]]);
    expect(anomalies[0]!.summary).toContain('ended limit');
    // A stalled run with the mapping enabled forgot records: a correctness matter for at-least-once.
    const stalled = cut('stalled');
    expect(checkProgressAfterFaults(stalled, run.model)).toEqual([]);
    expect(checkAtLeastOnce(stalled, run.model).map((a) => [a.invariant, a.kind, a.records])).toEqual([['at-least-once', 'correctness', [0, 1, 2]]]);
    const disabled = await byName('R28 disabled from the start');
    expect(at(disabled.trace.events, disabled.trace.events.length - 1, 'end').reason).toBe('stalled');
    expect(checkProgressAfterFaults(disabled.trace, disabled.model)).toEqual([]);
    expect(checkAtLeastOnce(disabled.trace, disabled.model)).toEqual([]);
  });
});
