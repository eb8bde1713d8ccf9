import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { HandlerFactory } from '../../../src/mapping/handlerTypes.js';
import type { ScenarioParameters } from '../../../src/scenario/scenario.js';
import type { TableOperation } from '../../../src/table/tableOperation.js';

/**
 * One fixed scenario that exercises most of the simulator at once: several shards, a split,
 * PF 2, bisect, partial responses, throttle/timeout/error faults, a poller restart, a duplicate
 * delivery, idle reclaim, interleaving choices and a simSeed. Shared by the in-process test and
 * the fresh-process script, so both run exactly the same thing.
 */
export function determinismScenario(overrides: Partial<ScenarioParameters> = {}): ScenarioParameters {
  const operations: TableOperation[] = [];
  for (let i = 0; i < 36; i++) {
    operations.push({ type: 'put', at: Math.floor(i / 6) * 400, item: { pk: `k${i % 9}`, sk: `s${i % 2}`, v: i } });
  }
  operations.push({ type: 'update', at: 2_600, key: { pk: 'k1', sk: 's1' }, set: { v: 100 } });
  operations.push({ type: 'delete', at: 2_700, key: { pk: 'k2', sk: 's0' } });
  return {
    table: { partitionKey: 'pk', sortKey: 'sk' },
    operations,
    stream: { shardCount: 3, topology: [{ kind: 'split', at: 900, shard: 0 }] },
    mapping: {
      batchSize: 4,
      parallelizationFactor: 2,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 3,
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    },
    faults: {
      invocations: [
        { kind: 'throttle', match: { dispatch: 1 } },
        { kind: 'timeout', match: { shard: 1, attempt: 1 }, times: 1 },
        { kind: 'error', match: { dispatch: 6 } },
        { kind: 'throttle', match: { from: 1_500, to: 1_800 }, times: 2 },
      ],
      timed: [
        { kind: 'restart', at: 1_250 },
        { kind: 'duplicate', at: 2_000, shard: 1 },
        { kind: 'reclaim', at: 2_200 },
      ],
    },
    interleaving: [1, 0, 2, 1, 3, 1, 0, 2, 5, 1, 1, 4, 0, 3],
    simSeed: 20_260_101,
    ...overrides,
  };
}

/** Deterministic in what it is given: its answers depend only on the events it sees, in order. */
export function deterministicFactory(): HandlerFactory {
  return {
    createHandler: () => {
      const seen = new Set<string>();
      return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
        await Promise.resolve();
        const failures: { itemIdentifier: string }[] = [];
        for (const record of event.Records) {
          const v = Number(record.dynamodb?.NewImage?.v?.N ?? '-1');
          const id = record.eventID ?? '';
          if (v === 13) throw new Error(`poison ${v}`);
          if (v % 5 === 2 && !seen.has(id)) failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
          seen.add(id);
        }
        return { batchItemFailures: failures };
      };
    },
  };
}
