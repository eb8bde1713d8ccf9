import type { DynamoDBRecord } from 'aws-lambda';
import type { Millis, SequenceNumber } from '../core/index.js';

/**
 * One record of one shard, with everything the mapping needs precomputed. The `event` is the
 * exact, frozen object a handler receives inside `Records` (R1, R2, R5).
 */
export interface StreamRecord<E = DynamoDBRecord> {
  readonly shard: number;
  /** Position within its shard. */
  readonly index: number;
  /** Position in the stream's global publication order. */
  readonly ordinal: number;
  readonly seq: SequenceNumber;
  readonly createdAt: Millis;
  /** First instant at which the record may be gone from the stream (R6). */
  readonly trimAt: Millis;
  readonly itemKey: string;
  /** Routing key for PF lanes (R26): the table partition key value. */
  readonly partitionKey: string;
  readonly eventName: string;
  readonly opIndex: number;
  /** Bytes this record adds to an invocation payload (JSON), for the 6 MB cap (R21). */
  readonly payloadBytes: number;
  readonly event: E;
}

export interface ShardHistory<E = DynamoDBRecord> {
  readonly ordinal: number;
  readonly id: string;
  /** Ordinals of parent shards; a child is read only after its parents (R7). */
  readonly parents: readonly number[];
  readonly createdAt: Millis;
  /** When the shard stopped taking writes (split, rollover), if it did. */
  readonly closedAt: Millis | undefined;
  readonly records: readonly StreamRecord<E>[];
}

/**
 * Everything a source stream holds over the whole scenario, computed up front (the handler never
 * writes to the source table). The mapping reads it in virtual time; a Kinesis source implements
 * the same shape with its own record type.
 */
export interface StreamHistory<E = DynamoDBRecord> {
  readonly kind: 'dynamodb';
  readonly arn: string;
  readonly shards: readonly ShardHistory<E>[];
  /** All records in publication order. */
  readonly records: readonly StreamRecord<E>[];
}
