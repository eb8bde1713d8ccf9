/**
 * "What does ReportBatchItemFailures actually change?" and "how far behind is my consumer?"
 *
 * With it, Lambda commits everything before the lowest reported failure and retries from there,
 * later successes included (R38). Without it, a returned batchItemFailures is ignored and the batch
 * counts as a success (R27) — a classic silent data loss. IteratorAge (R62) says how far behind the
 * consumer runs.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { metricsOf, simulate } from 'shardcheck';

const operations = ['a', 'b', 'c', 'd'].map((pk) => ({ type: 'put' as const, at: 0, item: { pk } }));

/** Fails record 'b' the first time it sees it, and reports it. */
function reportsB() {
  const deliveries: string[][] = [];
  let failed = false;
  const handler = async (event: DynamoDBStreamEvent) => {
    deliveries.push(event.Records.map((r) => r.dynamodb!.Keys!.pk!.S!));
    const b = event.Records.find((r) => r.dynamodb!.Keys!.pk!.S === 'b');
    if (b === undefined || failed) return { batchItemFailures: [] };
    failed = true;
    return { batchItemFailures: [{ itemIdentifier: b.dynamodb!.SequenceNumber! }] };
  };
  return { deliveries, handler };
}

describe('partial batch responses', () => {
  it('with ReportBatchItemFailures, retries from the lowest failure: b, c, d again', async () => {
    const { deliveries, handler } = reportsB();
    await simulate({ table: { partitionKey: 'pk' }, operations, mapping: { functionResponseTypes: ['ReportBatchItemFailures'] } }, handler);
    expect(deliveries).toEqual([['a', 'b', 'c', 'd'], ['b', 'c', 'd']]);
  });

  it('without it, the same response is ignored and b is never retried', async () => {
    const { deliveries, handler } = reportsB();
    const trace = await simulate({ table: { partitionKey: 'pk' }, operations }, handler);
    expect(deliveries).toEqual([['a', 'b', 'c', 'd']]);
    expect(trace.events.filter((e) => e.type === 'result').map((e) => e.outcome)).toEqual(['OK_SUCCESS']);
  });
});

describe('consumer lag', () => {
  it('IteratorAge grows while a slow handler (timeouts) falls behind a burst', async () => {
    const burst = Array.from({ length: 30 }, (_, i) => ({ type: 'put' as const, at: i * 10, item: { pk: `k${i}` } }));
    const trace = await simulate(
      { table: { partitionKey: 'pk' }, operations: burst, mapping: { batchSize: 5 }, faults: { invocations: [{ kind: 'timeout', match: { attempt: 1 }, times: 4 }] } },
      async () => undefined,
    );
    const metrics = metricsOf(trace);
    expect(metrics.Errors).toBe(4);
    expect(metrics.IteratorAgeMaximum).toBeGreaterThan(3_000);
  });
});
