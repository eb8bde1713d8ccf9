import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createEsSyncHandler } from '../fixtures/handlers/realWorld/esSync.js';
import { esDeps, type EsDeps } from '../fixtures/handlers/realWorld/fakeElasticsearch.js';
import { openSearchDeps, type OpenSearchDeps } from '../fixtures/handlers/realWorld/fakeOpenSearch.js';
import { sqsDeps, type SqsDeps } from '../fixtures/handlers/realWorld/fakeSqs.js';
import { esIndexMatchesTable, openSearchMatchesTable, queueHoldsEveryChange } from '../fixtures/handlers/realWorld/invariants.js';
import { createOpenSearchIndexer } from '../fixtures/handlers/realWorld/openSearchIndexer.js';
import { createSqsForwarder, QUEUE_URL } from '../fixtures/handlers/realWorld/sqsForwarder.js';
import type { StreamHandler } from '../src/mapping/index.js';
import { checkStreamHandler } from '../src/run/index.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';

/*
 * Handlers written the way three public DynamoDB-stream patterns are written (fixtures/handlers/
 * realWorld), each correct apart from one trait, checked with default settings and, where the
 * trait needs its deployment, the mapping read from the deployment file beside it.
 */

const SEED = 20261204;
const RUNS = runs(100, 2000);
/** The trait-free twins only vouch for the fixtures; fewer runs keep the suite fast. */
const TRAIT_RUNS = runs(40, 1000);
const TABLE = { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' } as const;
const seed = LONG ? {} : { seed: SEED };
/** The forwarder returns the `Promise.all` array, which `StreamHandler`'s return type (a batch response or nothing) does not admit. */
const forwarder = createSqsForwarder as unknown as (deps: SqsDeps) => StreamHandler;


describe('real-world handlers (R27, R47, R48)', () => {
  it('(a) Elasticsearch sync library, callback style: passes with its serverless.yml mapping', async () => {
    const summary = await checkStreamHandler({ createHandler: createEsSyncHandler as never, deps: esDeps, invariant: esIndexMatchesTable, deployment: 'fixtures/handlers/realWorld/esSync.serverless.yml', regressions: false, numRuns: RUNS, ...seed });
    expect(summary.runs).toBe(RUNS);
  }, TIMEOUT_MS);

  it('(b) SQS forwarder returning the Promise.all array: passes with its template\'s mapping (no ReportBatchItemFailures)', async () => {
    const summary = await checkStreamHandler({ createHandler: forwarder, deps: sqsDeps, invariant: queueHoldsEveryChange, deployment: 'fixtures/handlers/realWorld/sqsForwarder.template.yaml', regressions: false, numRuns: RUNS, ...seed });
    expect(summary.runs).toBe(RUNS);
  }, TIMEOUT_MS);

  it('(b) SQS forwarder: with generated mappings the array is an invalid response whenever ReportBatchItemFailures is on (the false alarm the deployment prevents)', async () => {
    // Only the retry limit is pinned (the rest generated): with unlimited retries every shrink step
    // retries until the records expire, about a second each. No faults: the failure needs none.
    const run = checkStreamHandler({ createHandler: forwarder, deps: sqsDeps, invariant: queueHoldsEveryChange, table: TABLE, mapping: { maximumRetryAttempts: 0 }, faults: false, regressions: false, numRuns: RUNS, ...seed });
    const report = await run.then(() => '', (error: Error) => error.message);
    expect(report).toMatch(/^shardcheck: progress-after-faults violated/);
    expect(report).toMatch(/functionResponseTypes=\["ReportBatchItemFailures"\]/);
    expect(report).toContain('OK_MALFORMED MalformedResponse: the response is a non-empty array');
  }, TIMEOUT_MS);

  it('(b) the queue invariant fires for a forwarder that drops the sends that failed', async () => {
    const dropsFailures = (deps: SqsDeps): StreamHandler => async (event: DynamoDBStreamEvent): Promise<void> => {
      await Promise.allSettled(event.Records.map((record) => deps.sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: JSON.stringify({ eventID: record.eventID, eventName: record.eventName, sequenceNumber: record.dynamodb!.SequenceNumber, keys: record.dynamodb!.Keys, ...(record.dynamodb!.NewImage === undefined ? {} : { newImage: record.dynamodb!.NewImage }) }) }))));
    };
    const run = checkStreamHandler({ createHandler: dropsFailures, deps: sqsDeps, invariant: queueHoldsEveryChange, deployment: 'fixtures/handlers/realWorld/sqsForwarder.template.yaml', regressions: false, numRuns: RUNS, seed: SEED });
    await expect(run).rejects.toThrow(/owed changes never reached the queue/);
  }, TIMEOUT_MS);

  it('(a) apart from its trait: the same handler behind a promise adapter passes', async () => {
    const promised = (deps: EsDeps): StreamHandler => {
      const handler = createEsSyncHandler(deps);
      return (event, context) => new Promise<void>((resolve, reject) => handler(event, context, (error) => (error ? reject(error) : resolve())));
    };
    const summary = await checkStreamHandler({ createHandler: promised, deps: esDeps, invariant: esIndexMatchesTable, deployment: 'fixtures/handlers/realWorld/esSync.serverless.yml', regressions: false, numRuns: TRAIT_RUNS, ...seed });
    expect(summary.runs).toBe(TRAIT_RUNS);
  }, TIMEOUT_MS);

  it('(c) apart from its trait: the same handler given a copy of its event passes', async () => {
    const copying = (deps: OpenSearchDeps): StreamHandler => {
      const handler = createOpenSearchIndexer(deps);
      return (event) => handler(structuredClone(event));
    };
    const summary = await checkStreamHandler({ createHandler: copying, deps: openSearchDeps, invariant: openSearchMatchesTable, table: TABLE, regressions: false, numRuns: TRAIT_RUNS, ...seed });
    expect(summary.runs).toBe(TRAIT_RUNS);
  }, TIMEOUT_MS);

  it('(c) the search invariant fires for an indexer that skips REMOVEs', async () => {
    const skipsRemoves = (deps: OpenSearchDeps): StreamHandler => {
      const handler = createOpenSearchIndexer(deps);
      return (event) => handler({ Records: structuredClone(event.Records).filter((record) => record.eventName !== 'REMOVE') });
    };
    const run = checkStreamHandler({ createHandler: skipsRemoves, deps: openSearchDeps, invariant: openSearchMatchesTable, table: TABLE, regressions: false, numRuns: RUNS, seed: SEED });
    await expect(run).rejects.toThrow(/your invariant failed: .*document .*: search returns \{/);
  }, TIMEOUT_MS);

  it('(c) OpenSearch indexer that unmarshalls its event in place: passes with default settings', async () => {
    const summary = await checkStreamHandler({ createHandler: createOpenSearchIndexer, deps: openSearchDeps, invariant: openSearchMatchesTable, table: TABLE, regressions: false, numRuns: RUNS, ...seed });
    expect(summary.runs).toBe(RUNS);
  }, TIMEOUT_MS);
});
