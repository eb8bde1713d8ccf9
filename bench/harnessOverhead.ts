/*
 * Figure 3: harness overhead. The projection handler (unmarshalls every record, version check,
 * writes to an in-memory store) runs once under shardcheck (runScenario: simulate with the deps
 * proxy, model, every built-in check) and once in a bare loop that awaits the same handler on the
 * same batches, pre-built from the trace's invocations, on a plain store. Ratio of the two.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createProjectionHandler, type ProjectionStore } from '../fixtures/handlers/projection.js';
import { qualifyCheckOptions, runScenario } from '../src/run/index.js';
import { resolveScenario, type ScenarioParameters } from '../src/scenario/index.js';
import { buildStreamHistory } from '../src/stream/index.js';
import { ROOT, median, sig, status, type Row } from './support.js';

const TARGET = 2.0;
const OPERATIONS = 5000;
const ROUNDS = 7;

/** Profiles of 500 users: puts with nested attributes, updates, and a delete every 10th write. */
function profileWorkload(): ScenarioParameters {
  const operations: ScenarioParameters['operations'][number][] = [];
  for (let i = 0; i < OPERATIONS; i++) {
    const key = { pk: `user#${i % 500}`, sk: 'profile' };
    const at = Math.floor(i / 10);
    if (i % 10 === 9) operations.push({ type: 'delete', at, key });
    else if (i % 3 === 0) operations.push({ type: 'update', at, key, set: { visits: i, lastSeen: `2026-11-26T00:00:${String(i % 60).padStart(2, '0')}Z` } });
    else {
      const item = { ...key, name: `User ${i}`, email: `user${i % 500}@example.com`, visits: i, active: i % 2 === 0, tags: ['a', `t${i % 7}`], address: { city: 'Lisbon', zip: `${1000 + (i % 900)}` }, score: i / 7 };
      operations.push({ type: 'put', at, item });
    }
  }
  return { table: { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' }, operations, stream: { shardCount: 4 }, mapping: { batchSize: 100 }, faults: {} };
}

export async function harnessOverhead(): Promise<Row> {
  const scenario = profileWorkload();
  const options = qualifyCheckOptions(
    { createHandler: (deps: { store: ProjectionStore }) => createProjectionHandler(deps.store), deps: () => ({ store: new Map() }), regressions: false },
    ROOT,
  );
  const first = await runScenario(options, scenario);
  if (first.failure !== undefined) throw new Error('harnessOverhead: the projection failed a check');
  // Each invocation's batch as the Lambda runtime hands it over: parsed from JSON, built up front.
  const history = buildStreamHistory(resolveScenario(scenario));
  const events: DynamoDBStreamEvent[] = [];
  for (const e of first.trace.events) {
    if (e.type === 'invoke' && e.env !== null) events.push(JSON.parse(JSON.stringify({ Records: e.records.map((ordinal) => history.records[ordinal]!.event) })));
  }
  const bare = async (): Promise<void> => {
    const handler = createProjectionHandler(new Map());
    for (const event of events) await handler(event);
  };
  await bare();
  const shardcheckMs: number[] = [];
  const bareMs: number[] = [];
  // Alternating rounds, so drift in the machine's load hits both sides alike.
  for (let round = 0; round < ROUNDS; round++) {
    let start = performance.now();
    await runScenario(options, scenario);
    shardcheckMs.push(performance.now() - start);
    start = performance.now();
    await bare();
    bareMs.push(performance.now() - start);
  }
  const ratio = median(shardcheckMs) / median(bareMs);
  return {
    figure: 3,
    name: 'harness overhead (projection)',
    value: `${sig(median(shardcheckMs))} ms vs bare ${sig(median(bareMs))} ms`,
    target: '≤ 2.0×',
    ratio: `${sig(ratio, 3)}×`,
    status: status(ratio <= TARGET),
    note: `${first.trace.records.length} records, ${events.length} invocations, no faults, deps proxied as checkStreamHandler does; medians of ${ROUNDS} alternating rounds`,
    data: { ratio: sig(ratio), shardcheckMs: sig(median(shardcheckMs)), bareMs: sig(median(bareMs)), records: first.trace.records.length, invocations: events.length, traceEvents: first.trace.events.length },
  };
}
