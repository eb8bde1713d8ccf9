/*
 * Benchmark (not a test): how fast `check` judges a large trace. Simulates one run of 100 000
 * records on 4 shards with ParallelizationFactor 4, small batches, a handler reporting partial
 * failures, bisect, a retry limit, an OnFailure destination, and invocation, timed and dependency
 * faults, then times `check` over it.
 * Run with `npx tsx bench/check.ts [records]`. Target (issue 4): ≥ 2 M trace events/s.
 */
import { check } from '../src/check/index.js';
import { simulate } from '../src/mapping/simulate.js';
import { buildModel } from '../src/model/index.js';
import { resolveScenario } from '../src/scenario/resolveScenario.js';
import { createReportsDependencyFailuresHandler } from '../fixtures/handlers/reportsDependencyFailures.js';

const RECORDS = Number(process.argv[2] ?? 100_000);
const ROUNDS = 9;


const scenario = resolveScenario({
  table: { partitionKey: 'pk' },
  operations: Array.from({ length: RECORDS }, (_, i) => ({ type: 'put' as const, at: i * 5, item: { pk: `k${i % 1000}`, v: i } })),
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
      { kind: 'reject', match: { nth: 2 }, times: 3000 },
      { kind: 'applyThenReject', match: { nth: 5 }, times: 1000 },
    ],
  },
});


const simStart = performance.now();
const trace = await simulate(scenario, createReportsDependencyFailuresHandler());
const simMs = performance.now() - simStart;
const model = buildModel(scenario);
const events = trace.events.length;
console.log(`simulated ${RECORDS} records: ${events} trace events in ${simMs.toFixed(0)} ms (end: ${JSON.stringify(trace.events.at(-1))})`);

/** Median and best throughput of `check` over `ROUNDS` rounds, after a warm-up round. */
function measure(label: string, judged: typeof trace): void {
  let verdict = check(judged, model);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    verdict = check(judged, model);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const rate = (ms: number) => ((events / ms) * 1000) / 1e6;
  const median = times[Math.floor(ROUNDS / 2)]!;
  const byInvariant = new Map<string, number>();
  for (const a of verdict.anomalies) byInvariant.set(a.invariant, (byInvariant.get(a.invariant) ?? 0) + 1);
  console.log(`${label}: valid=${verdict.valid} ${JSON.stringify(Object.fromEntries(byInvariant))}; median ${median.toFixed(1)} ms ⇒ ${rate(median).toFixed(2)} M events/s (best ${rate(times[0]!).toFixed(2)} M events/s)`);
}

// As simulated (event objects scattered through a heap the simulation churned), then as a stored
// trace read back from JSON (objects laid out in order), the form `explain` and fixtures use.
measure('check, trace as simulated', trace);
measure('check, trace read from JSON', JSON.parse(JSON.stringify(trace)) as typeof trace);
console.log(`heap in use: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
