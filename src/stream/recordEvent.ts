import type { DynamoDBRecord } from 'aws-lambda';
import type { SequenceNumber } from '../core/index.js';
import type { ItemChange } from '../table/itemChange.js';
import type { TableSpec } from '../table/tableSpec.js';

// What AWS puts in userIdentity for deletes by the Time to Live process (R5).
const TTL_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;

/**
 * The record exactly as a handler sees it inside `Records` (R1, R2, R5). Properties are built in
 * one fixed order so the JSON, and so payload sizes, never vary.
 */
export function recordEvent(
  change: ItemChange,
  table: TableSpec,
  arn: string,
  at: { epochMs: number; eventID: string; seq: SequenceNumber },
): DynamoDBRecord {
  const dynamodb: NonNullable<DynamoDBRecord['dynamodb']> = {
    ApproximateCreationDateTime: Math.floor(at.epochMs / 1000),
    Keys: change.keys,
  };
  if (change.newImage !== undefined) dynamodb.NewImage = change.newImage;
  if (change.oldImage !== undefined) dynamodb.OldImage = change.oldImage;
  dynamodb.SequenceNumber = at.seq;
  dynamodb.SizeBytes = change.sizeBytes;
  dynamodb.StreamViewType = table.streamViewType;
  const event: DynamoDBRecord = {
    eventID: at.eventID,
    eventName: change.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: table.region,
    dynamodb,
    eventSourceARN: arn,
  };
  if (change.ttl) event.userIdentity = { ...TTL_IDENTITY };
  return event;
}
