import type { KeyAttribute, StreamViewType, TableParameters } from '../table/index.js';
import { PropertyBag } from './PropertyBag.js';
import type { Intrinsics } from './Intrinsics.js';
import { nameOrFallback } from './nameOrFallback.js';

const VIEW_TYPES: readonly StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

/**
 * The table of an `AWS::DynamoDB::Table` or `AWS::DynamoDB::GlobalTable`: key schema with the
 * attribute types of `AttributeDefinitions`, `StreamSpecification.StreamViewType`, TTL attribute
 * when `TimeToLiveSpecification.Enabled`, the table name and the stack's region and account.
 */
export function readTable(intrinsics: Intrinsics, file: string, logicalId: string, warnings: string[], where = logicalId): TableParameters {
  const bag = new PropertyBag(file, where, intrinsics.resource(logicalId)?.Properties ?? {}, intrinsics);
  const keys = bag.value('KeySchema');
  if (!Array.isArray(keys)) throw bag.error('KeySchema', 'must list the key attributes', keys);
  const types = attributeTypes(bag);
  const key = (keyType: 'HASH' | 'RANGE'): KeyAttribute | undefined => {
    const entry = keys.find((k) => (k as { KeyType?: unknown } | null)?.KeyType === keyType) as { AttributeName?: unknown } | undefined;
    if (entry === undefined) return undefined;
    const name = entry.AttributeName;
    const type = typeof name === 'string' ? types.get(name) : undefined;
    if (typeof name !== 'string' || type === undefined) throw bag.error('KeySchema', `must name a ${keyType} attribute listed in AttributeDefinitions with type S, N or B`, keys);
    return { name, type };
  };
  const partitionKey = key('HASH');
  if (partitionKey === undefined) throw bag.error('KeySchema', 'must have a HASH key', keys);
  const sortKey = key('RANGE');
  const spec = bag.value('StreamSpecification') as { StreamViewType?: unknown } | undefined;
  if (spec === undefined) throw bag.error('StreamSpecification', 'is missing: the table has no stream for the mapping to read', undefined);
  const streamViewType = spec.StreamViewType;
  if (!VIEW_TYPES.includes(streamViewType as StreamViewType)) throw bag.error('StreamSpecification.StreamViewType', `must be one of ${VIEW_TYPES.join(', ')}`, streamViewType);
  const ttl = bag.value('TimeToLiveSpecification') as { AttributeName?: unknown; Enabled?: unknown } | undefined;
  const ttlOn = ttl !== undefined && (ttl.Enabled === true || ttl.Enabled === 'true');
  if (ttlOn && (typeof ttl.AttributeName !== 'string' || ttl.AttributeName === '')) throw bag.error('TimeToLiveSpecification.AttributeName', 'must name an attribute', ttl.AttributeName);
  return {
    tableName: nameOrFallback(intrinsics, file, logicalId, 'TableName', warnings),
    partitionKey,
    ...(sortKey === undefined ? {} : { sortKey }),
    streamViewType: streamViewType as StreamViewType,
    ...(ttlOn ? { ttlAttribute: ttl.AttributeName as string } : {}),
    region: intrinsics.location.region,
    accountId: intrinsics.location.accountId,
  };
}

function attributeTypes(bag: PropertyBag): Map<string, KeyAttribute['type']> {
  const definitions = bag.value('AttributeDefinitions');
  if (!Array.isArray(definitions)) throw bag.error('AttributeDefinitions', 'must list the key attributes with their types', definitions);
  const types = new Map<string, KeyAttribute['type']>();
  for (const d of definitions as { AttributeName?: unknown; AttributeType?: unknown }[]) {
    if (typeof d?.AttributeName !== 'string' || !['S', 'N', 'B'].includes(d.AttributeType as string)) {
      throw bag.error('AttributeDefinitions', 'entries must be { AttributeName, AttributeType: S | N | B }', d);
    }
    types.set(d.AttributeName, d.AttributeType as KeyAttribute['type']);
  }
  return types;
}
