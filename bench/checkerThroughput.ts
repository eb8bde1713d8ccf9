/*
 * Figure 6: trace events per second judged by `check()`. The trace comes from a busy run (4 shards,
 * PF 4, batches of 10, partial failures, bisect, a retry limit, an OnFailure destination,
 * invocation, timed and dependency faults) so that every invariant has work to do.
 */
import { check } from '../src/check/index.js';
import { simulate } from '../src/mapping/index.js';
import { buildModel } from '../src/model/index.js';
import { resolveScenario } from '../src/scenario/index.js';
import { createReportsDependencyFailuresHandler } from '../fixtures/handlers/reportsDependencyFailures.js';
import { human, sig, status, timeTask, type Row } from './support.js';

const TARGET = 2_000_000;
const RECORDS = 20_000;
// Records arrive every 25 ms, so the workload spans the 500 s the fault windows below are set in.
const SPACING_MS = 25;

const scenario = () =>
  resolveScenario({
    table: { partitionKey: 'pk' },
    operations: Array.from({ length: RECORDS }, (_, i) => ({ type: 'put' as const, at: i * SPACING_MS, item: { pk: `k${i % 1000}`, v: i } })),
    stream: { shardCount: 4 },
    mapping: {
      batchSize: 10,
      parallelizationFactor: 4,
      functionResponseTypes: ['ReportBatchItemFailures'],
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 3,
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    },
    faults: {
      invocations: [
        { kind: 'throttle', match: { from: 10_000, to: 40_000 } },
        { kind: 'error', match: { attempt: 1, from: 60_000, to: 90_000 } },
        { kind: 'timeout', match: { from: 120_000, to: 125_000 } },
        { kind: 'crash', match: { from: 200_000, to: 230_000 } },
      ],
      timed: [
        { kind: 'restart', at: 150_000 },
        { kind: 'duplicate', at: 160_000, shard: 0 },
        { kind: 'disable', at: 300_000 },
        { kind: 'enable', at: 320_000 },
      ],
      dependencies: [
        { kind: 'reject', match: { nth: 2 }, times: 600 },
        { kind: 'applyThenReject', match: { nth: 5 }, times: 200 },
      ],
    },
  });

export async function checkerThroughput(): Promise<Row> {
  const resolved = scenario();
  const trace = await simulate(resolved, createReportsDependencyFailuresHandler());
  const model = buildModel(resolved);
  const verdict = check(trace, model);
  const events = trace.events.length;
  const timing = await timeTask('check', () => check(trace, model), 3000);
  const rate = (events / timing.medianMs) * 1000;
  return {
    figure: 6,
    name: 'checker',
    value: `${human(rate)} events/s`,
    target: '≥ 2 M events/s',
    ratio: `${sig(rate / TARGET, 2)}× target`,
    status: status(rate >= TARGET),
    note: `check() over a ${human(events)}-event trace of ${human(RECORDS)} records with faults (verdict ${verdict.valid ? 'valid' : verdict.kind}); median of ${timing.samples}`,
    data: { eventsPerSecond: sig(rate), traceEvents: events, medianMs: sig(timing.medianMs), samples: timing.samples },
  };
}
