import type { DynamoDBStreamEvent } from 'aws-lambda';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import type { Trace } from '../../src/trace/index.js';

/** Item keys of the small scenario; ordinal 4 has a newline in its key. */
export const NASTY_KEY = 'bad\nkey';

/**
 * A small real run: 12 puts over 2 shards; the record with v = 10 is poison, so its batch fails,
 * is bisected, retried and finally discarded to an SQS destination.
 */
export function smallScenario(overrides: Partial<ScenarioParameters> = {}): ScenarioParameters {
  return {
    table: { partitionKey: 'pk' },
    operations: Array.from({ length: 12 }, (_, i) => ({ type: 'put' as const, at: i * 100, item: { pk: i === 4 ? NASTY_KEY : `k${i % 3}`, v: i } })),
    stream: { shardCount: 2 },
    mapping: {
      batchSize: 4,
      functionResponseTypes: ['ReportBatchItemFailures'],
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 2,
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    },
    ...overrides,
  };
}

export async function poisonHandler(event: DynamoDBStreamEvent) {
  if (event.Records.some((r) => r.dynamodb?.NewImage?.['v']?.N === '10')) throw new Error('poison');
  return { batchItemFailures: [] };
}

export function smallTrace(overrides: Partial<ScenarioParameters> = {}): Promise<Trace> {
  return simulate(smallScenario(overrides), poisonHandler);
}
