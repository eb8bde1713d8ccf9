import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** One projected item: the sequence number of the last record applied, and the image (absent after a REMOVE). */
export interface ProjectionEntry {
  version: string;
  image?: Record<string, unknown>;
}

/** The downstream read model: projection key → entry. REMOVEs leave a tombstone that keeps the version. */
export type ProjectionStore = Map<string, ProjectionEntry>;

/** How a record's key attributes name a projection entry. */
export type ProjectionKeyOf = (keys: Record<string, unknown>) => string;

/** Default projection key: the unmarshalled key attributes as JSON, sorted by attribute name. */
export const projectionKeyOf: ProjectionKeyOf = (keys) => JSON.stringify(Object.keys(keys).sort().map((name) => [name, keys[name]]));

/** Decides whether an incoming record is newer than what the store holds. */
export type IsNewer = (incoming: string, stored: string) => boolean;

/** Sequence numbers compare as numbers; their digit count can grow, so strings would mislead. */
export const isNewerSequence: IsNewer = (incoming, stored) => BigInt(incoming) > BigInt(stored);

/** Lambda-shaped DynamoDB JSON → plain values (B values stay base64 text, as Lambda delivers them). */
export const toNative = (image: Record<string, AttributeValue>): Record<string, unknown> =>
  unmarshall(image as unknown as Parameters<typeof unmarshall>[0]);

/** How the projection stores an image: unmarshalled by default (`toNative`). */
export type ProjectionImageOf = (image: Record<string, AttributeValue>) => Record<string, unknown>;

/** Applies one stream record to the store unless the store already holds it or a newer one. */
export function applyRecord(store: ProjectionStore, record: DynamoDBRecord, keyOf: ProjectionKeyOf = projectionKeyOf, isNewer: IsNewer = isNewerSequence, imageOf: ProjectionImageOf = toNative): void {
  const change = record.dynamodb;
  const seq = change?.SequenceNumber;
  if (change?.Keys === undefined || seq === undefined) throw new Error(`record ${record.eventID} has no Keys or SequenceNumber`);
  const key = keyOf(toNative(change.Keys));
  const stored = store.get(key);
  if (stored !== undefined && !isNewer(seq, stored.version)) return; // a redelivery or an older record
  if (record.eventName === 'REMOVE') {
    store.set(key, { version: seq });
    return;
  }
  if (change.NewImage === undefined) throw new Error('the projection needs NewImage: use the NEW_IMAGE or NEW_AND_OLD_IMAGES stream view type');
  store.set(key, { version: seq, image: imageOf(change.NewImage) });
}

/**
 * A correct, idempotent projection (no known bug): applies each record only when its sequence
 * number is greater (as a BigInt) than the stored version, keeps tombstones for REMOVEs so a late
 * older record cannot resurrect an item, and reports the first record it could not apply in
 * `batchItemFailures` (needs ReportBatchItemFailures), so the mapping retries from there.
 */
export function createProjectionHandler(store: ProjectionStore, keyOf: ProjectionKeyOf = projectionKeyOf, imageOf: ProjectionImageOf = toNative) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      try {
        applyRecord(store, record, keyOf, isNewerSequence, imageOf);
      } catch {
        // Everything after the lowest reported record is retried (R38), so stop here.
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
