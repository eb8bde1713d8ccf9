import type { DynamoDBStreamEvent } from 'aws-lambda';
import { applyRecord, projectionKeyOf, toNative, type ProjectionKeyOf, type ProjectionStore } from './projectionHandler.js';

export interface FlakyOptions {
  /** The projection key (see `projectionKeyOf`) of the item the handler cannot process. */
  readonly poisonKey: string;
  readonly keyOf?: ProjectionKeyOf;
}

/**
 * Bug (poison record): throws for the whole batch whenever it meets the poison item, instead of
 * reporting it in `batchItemFailures`. The batch's good records are retried with it until
 * retries run out (or bisection isolates it), and the poison record's changes are discarded.
 */
export function createFlakyHandler(store: ProjectionStore, options: FlakyOptions) {
  const keyOf = options.keyOf ?? projectionKeyOf;
  return async (event: DynamoDBStreamEvent): Promise<void> => {
    for (const record of event.Records) {
      const keys = record.dynamodb?.Keys;
      if (keys !== undefined && keyOf(toNative(keys)) === options.poisonKey) {
        throw new Error(`poison item ${options.poisonKey}`);
      }
      applyRecord(store, record, keyOf);
    }
  };
}
