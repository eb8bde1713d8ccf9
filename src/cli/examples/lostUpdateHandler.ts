import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { applyRecord, projectionKeyOf, type IsNewer, type ProjectionKeyOf, type ProjectionStore } from './projectionHandler.js';

/** The bug: sequence numbers compared as strings, so `"100…"` sorts before `"99…"`. */
const isNewerAsString: IsNewer = (incoming, stored) => incoming > stored;

/**
 * Bug (lost update): like the projection handler, but it compares sequence numbers as strings.
 * Once the stream's sequence numbers gain a digit, every newer record looks older than the stored
 * one and is skipped, so the projection keeps a stale image.
 */
export function createLostUpdateHandler(store: ProjectionStore, keyOf: ProjectionKeyOf = projectionKeyOf) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      try {
        applyRecord(store, record, keyOf, isNewerAsString);
      } catch {
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
