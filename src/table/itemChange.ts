import type { AttributeValue } from 'aws-lambda';

/** DynamoDB JSON as Lambda delivers it (binary as base64 strings). */
export type AttributeMap = { [name: string]: AttributeValue };

/**
 * One item-level change the table publishes to its stream; images already cut to the view type
 * (R2). Keys and images are deep-frozen and shared: a MODIFY's OldImage is the previous change's
 * NewImage object, and the changes of an item share one Keys object from its INSERT to its REMOVE.
 */
export interface ItemChange {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The documented key string of the item (see `itemKeyOf`). */
  readonly itemKey: string;
  /** Canonical text of the partition key value: routes the record to a shard and to a PF lane. */
  readonly partitionKey: string;
  readonly keys: AttributeMap;
  readonly newImage: AttributeMap | undefined;
  readonly oldImage: AttributeMap | undefined;
  /** StreamRecord.SizeBytes. */
  readonly sizeBytes: number;
  /** Written by the TTL process (R5). */
  readonly ttl: boolean;
  /** Index of the scenario operation that caused it. */
  readonly opIndex: number;
}
