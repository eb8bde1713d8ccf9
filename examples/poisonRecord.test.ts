/**
 * "What happens to a record my handler can never process?"
 *
 * With AWS's defaults (MaximumRetryAttempts -1, MaximumRecordAgeInSeconds -1) the whole shard
 * retries the batch until the record leaves the stream 24 hours later (R32, R6): every record
 * behind it waits a day and the poison record is lost without a trace. shardcheck reports that as
 * a liveness problem. Bisect + a retry limit + an OnFailure destination isolate the record, give
 * up on it after a few tries and keep a pointer to it, and the rest of the shard flows.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { buildModel, check, metricsOf, simulate, type ScenarioParameters } from 'shardcheck';

const operations = ['a', 'b', 'poison', 'c', 'd'].map((pk, i) => ({ type: 'put' as const, at: i * 100, item: { pk } }));
const failsOnPoison = async (event: DynamoDBStreamEvent) => {
  if (event.Records.some((r) => r.dynamodb?.Keys?.pk?.S === 'poison')) throw new Error('cannot parse poison');
};

describe('a poison record', () => {
  it('with the defaults it blocks its shard for a day, then is trimmed; shardcheck says so', async () => {
    const scenario: ScenarioParameters = { table: { partitionKey: 'pk' }, operations };
    const trace = await simulate(scenario, failsOnPoison);
    const metrics = metricsOf(trace);
    expect(metrics.dropped.trimmed).toBeGreaterThanOrEqual(1);
    expect(metrics.IteratorAgeMaximum).toBeGreaterThan(23 * 3_600_000); // about a day behind
    const verdict = check(trace, buildModel(scenario));
    expect(verdict.kind).toBe('liveness');
    expect(verdict.anomalies[0]!.invariant).toBe('progress-after-faults');
    expect(verdict.anomalies[0]!.summary).toMatch(/blocked shard 0 for \d+ ms until it was trimmed/);
  });

  it('bisect, a retry limit and an OnFailure destination isolate it within seconds', async () => {
    const scenario: ScenarioParameters = {
      table: { partitionKey: 'pk' },
      operations,
      mapping: {
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 2,
        destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:stream-dlq' } },
        maximumBatchingWindowInSeconds: 1,
      },
    };
    const trace = await simulate(scenario, failsOnPoison);
    const discards = trace.events.filter((e) => e.type === 'discard');
    expect(discards.map((d) => d.records.map((r) => trace.records[r]!.itemKey))).toEqual([['poison']]);
    expect(discards[0]!.payload?.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(trace.events.at(-1)!.t).toBeLessThan(10_000);
    // Still a finding: the handler failed on its own. Deliberately dead-lettering is your call.
    expect(check(trace, buildModel(scenario)).anomalies.map((a) => a.invariant)).toEqual(['progress-after-faults']);
  });
});
