import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { wrapDeps } from '../../src/faults/index.js';
import { simulate } from '../../src/mapping/index.js';
import { findHints, renderFailure, type FailureReport } from '../../src/report/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import type { FindingKind, Trace } from '../../src/trace/index.js';
import { catalogEntry, LOST_UPDATE_SCENARIO, lostUpdateReport, phantomItemIdentifierReport, poisonRecordReport, reportOf, verdictReport } from './reports.js';

const ids = (report: FailureReport) => findHints(report).map((h) => h.id);
const USER_CAUSE = { kind: 'user-invariant', error: { name: 'Error', message: 'boom' } } as const;

/** Reports the first record of every batch as failed. */
const reportsFirst = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => ({
  batchItemFailures: event.Records.length > 1 ? [{ itemIdentifier: event.Records[1]!.dynamodb!.SequenceNumber! }] : [],
});

const TWO_WRITES: ScenarioParameters = {
  table: { partitionKey: 'pk' },
  operations: [
    { type: 'put', at: 0, item: { pk: 'a', n: 1 } },
    { type: 'put', at: 0, item: { pk: 'b', n: 1 } },
  ],
  stream: { sequenceStart: '10000000000000000000000' },
  simSeed: 1,
};

describe('hint: batchItemFailures without ReportBatchItemFailures', () => {
  it('fires when the handler reports failures and RBIF is off', async () => {
    const trace = await simulate(TWO_WRITES, reportsFirst);
    const hints = findHints(reportOf(TWO_WRITES, trace, USER_CAUSE));
    expect(hints.map((h) => h.id)).toContain('rbif-off');
    expect(hints.find((h) => h.id === 'rbif-off')!.text).toMatch(/invocation #0.*ReportBatchItemFailures is not enabled/s);
  });

  it('stays silent when RBIF is on', async () => {
    const scenario = { ...TWO_WRITES, mapping: { functionResponseTypes: ['ReportBatchItemFailures'] as const } };
    const trace = await simulate(scenario, reportsFirst);
    expect(ids(reportOf(scenario, trace, USER_CAUSE))).not.toContain('rbif-off');
  });
});

describe('hint: itemIdentifier that is not a SequenceNumber of the batch', () => {
  it('fires for the phantom item identifier handler when the item-identifier check is off, and defers to it when it fired', async () => {
    const report = await phantomItemIdentifierReport();
    expect(ids(report)).not.toContain('unknown-item-identifier');
    if (report.cause.kind !== 'verdict') throw new Error('expected a verdict');
    const anomalies = report.cause.verdict.anomalies.filter((a) => a.invariant !== 'item-identifier');
    expect(ids({ ...report, cause: { kind: 'verdict', verdict: { ...report.cause.verdict, anomalies } } })).toContain('unknown-item-identifier');
  });
  it('stays silent for a handler that throws', async () => {
    expect(ids(await poisonRecordReport())).not.toContain('unknown-item-identifier');
  });
});

describe('hints: handler findings', () => {
  const withFinding = (trace: Trace, kind: FindingKind): Trace => ({
    ...trace,
    events: [...trace.events.slice(0, -1), { type: 'finding', t: 0, kind, dispatch: 0, detail: 'detail\nwith a newline' }, trace.events[trace.events.length - 1]!],
  });
  const cases: readonly [FindingKind, RegExp][] = [
    ['event-mutated', /mutated its event/],
    ['floating-rejection', /floating/],
    ['handler-hung', /never settled/],
    ['non-error-thrown', /not an Error/],
  ];
  for (const [kind, text] of cases) {
    it(`${kind} fires from a finding event, with its detail escaped`, async () => {
      const base = await lostUpdateReport();
      const hint = findHints({ ...base, trace: withFinding(base.trace, kind) }).find((h) => h.id === kind);
      expect(hint?.text).toMatch(text);
      expect(hint?.text).toContain('invocation #0');
      expect(hint?.text).not.toContain('\n');
    });
  }
  it('stay silent without finding events', async () => {
    const found = ids(await lostUpdateReport()).filter((id) => cases.some(([kind]) => kind === id));
    expect(found).toEqual([]);
  });
});

describe('hint: poison record blocking a shard', () => {
  it('fires with how long it blocked and the settings to change', async () => {
    const hint = findHints(await poisonRecordReport()).find((h) => h.id === 'poison-record');
    expect(hint?.text).toContain('blocked shard 0 for 1d00h08m15.500s');
    expect(hint?.text).toMatch(/bisectBatchOnFunctionError.*maximumRetryAttempts.*OnFailure destination.*R32, R34|R32, R34.*bisectBatchOnFunctionError.*maximumRetryAttempts.*OnFailure/s);
  });
  it('with no retries (maximumRetryAttempts 0) says the record was given up on at once, not that it blocked the shard', async () => {
    const entry = catalogEntry('poison-record');
    const scenario: ScenarioParameters = { ...entry.scenario, mapping: { ...entry.scenario.mapping, maximumRetryAttempts: 0 } };
    const report = await verdictReport(scenario, entry.handler(), { seed: 1, path: '0', numRuns: 1, shrinks: 0 });
    const hint = findHints(report).find((h) => h.id === 'poison-record');
    expect(hint?.text).toMatch(/failed on every attempt \(the handler threw Error: cannot process item .*, last in invocation #\d+\) and was given up on after its only attempt on shard 0 \(R32, R34\)/);
    expect(hint?.text).not.toContain('blocked');
  });
  it('stays silent without a progress-after-faults anomaly', async () => {
    expect(ids(await lostUpdateReport())).not.toContain('poison-record');
  });
});

describe('hint: module state lost on cold start', () => {
  const reclaimed: ScenarioParameters = { ...LOST_UPDATE_SCENARIO, faults: { timed: [{ kind: 'reclaim', at: 150 }] } };
  it('fires for a user-invariant failure in a run that recycled an environment', async () => {
    const hint = findHints(await lostUpdateReport(reclaimed)).find((h) => h.id === 'module-state');
    expect(hint?.text).toMatch(/started 2 execution environments and recycled 1 \(reclaim\).*module-level state/);
  });
  it('stays silent when one environment served the whole run', async () => {
    expect(ids(await lostUpdateReport())).not.toContain('module-state');
  });
  it('stays silent when the cause is a built-in invariant', async () => {
    const report = await lostUpdateReport(reclaimed);
    const verdict = { kind: 'verdict', verdict: { valid: false, kind: 'liveness', anomalies: [] } } as const;
    expect(ids({ ...report, cause: verdict })).not.toContain('module-state');
  });
});

describe('hint: a failed dependency call swallowed by an invocation that returned success', () => {
  const store = { put: async (_key: string) => {} };
  const scenario: ScenarioParameters = { ...TWO_WRITES, mapping: { startingPosition: 'TRIM_HORIZON' }, faults: { dependencies: [{ kind: 'reject', match: { call: 0 } }] } };
  const run = async (handler: (deps: typeof store) => (event: DynamoDBStreamEvent) => Promise<unknown>) => {
    const deps = wrapDeps({ store });
    const trace = await simulate(scenario, { createHandler: () => handler(deps.store) as never });
    return reportOf(scenario, trace, USER_CAUSE);
  };

  it('names the invocation and the call the handler carried on past', async () => {
    const swallows = (s: typeof store) => async (event: DynamoDBStreamEvent) => {
      for (const r of event.Records) await s.put(r.eventID!).catch(() => {});
    };
    const hint = findHints(await run(swallows)).find((h) => h.id === 'swallowed-failure');
    expect(hint?.text).toMatch(/^invocation #\d+: its call store\.put failed \(injected: rejected before it was applied\), yet the invocation returned complete success/);
    expect(ids(await run(swallows))[0]).toBe('swallowed-failure');
  });

  it('stays silent when the failure failed the invocation', async () => {
    const throws = (s: typeof store) => async (event: DynamoDBStreamEvent) => {
      for (const r of event.Records) await s.put(r.eventID!);
    };
    expect(ids(await run(throws))).not.toContain('swallowed-failure');
  });
});

describe('hints in the rendered report', () => {
  it('are listed under "hints", yellow only with colour', async () => {
    const report = await poisonRecordReport();
    expect(renderFailure(report)).toMatch(/\nhints\n {2}hint: poison record/);
    expect(renderFailure(report, { color: true })).toContain('  \u001b[33mhint: poison record');
  });
});
