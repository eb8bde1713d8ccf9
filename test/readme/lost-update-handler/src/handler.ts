import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/*
 * The buggy twin of projection-handler for the README's "Testing your handler in 5 minutes"
 * test: the same projection, but it compares sequence numbers as strings, so once they gain a
 * digit every newer change looks older and is skipped (a lost update).
 */

/** The item key as shardcheck's model writes it for a table with a sort key. */
const keyOf = (keys: Record<string, AttributeValue>): string => JSON.stringify([keys.pk!.S, keys.sk!.S]);

/**
 * Sequence number of the last change applied per item, kept beside the store (which must hold
 * nothing but items): shared by every environment of a run, like a version column would be.
 */
const appliedFor = new WeakMap<object, Map<string, string>>();

export function makeHandler(store: Map<string, unknown>) {
  const applied = appliedFor.get(store) ?? new Map<string, string>();
  appliedFor.set(store, applied);
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const change = record.dynamodb!;
      const key = keyOf(change.Keys!);
      const seq = change.SequenceNumber!;
      const last = applied.get(key);
      // The bug: sequence numbers compared as text, so "100…" looks older than "99…".
      if (last !== undefined && last >= seq) continue;
      try {
        if (record.eventName === 'REMOVE') await store.delete(key);
        else await store.set(key, unmarshall(change.NewImage as never));
      } catch {
        // Everything from the reported record on is retried, so stop here.
        return { batchItemFailures: [{ itemIdentifier: change.SequenceNumber! }] };
      }
      applied.set(key, seq);
    }
    return { batchItemFailures: [] };
  };
}
