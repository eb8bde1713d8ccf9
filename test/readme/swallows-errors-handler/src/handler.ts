// The README's handler with one bug, for the "Testing your handler in 5 minutes" example that must
// fail: a failed write is logged and the batch carries on, so the change is lost.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/** An item as of stream record `seq`; `item: null` once deleted, so an older change cannot bring it back. */
export interface Row {
  item: Record<string, unknown> | null;
  seq: string;
}

/** The downstream store (in production a DynamoDB table, Redis, a search index …). */
export interface Store {
  /** Writes `row` unless the stored row has a newer `seq`, in one atomic step (a conditional write). */
  putIfNewer(key: string, row: Row): Promise<void>;
}

export function makeHandler(store: Store) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const { Keys, NewImage, SequenceNumber } = record.dynamodb!;
      const item = record.eventName === 'REMOVE' ? null : unmarshall(NewImage as never);
      try {
        await store.putIfNewer(`${Keys!.pk!.S}/${Keys!.sk!.S}`, { item, seq: SequenceNumber! });
      } catch (error) {
        console.error('write failed, skipping', error);
      }
    }
    return { batchItemFailures: [] };
  };
}
