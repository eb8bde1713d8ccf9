import fc from 'fast-check';
import { readInteger, readObject, rejectUnknownOptions, withoutUndefined } from '../core/index.js';
import { STREAM_VIEW_TYPES, resolveTableSpec, type KeyAttribute, type ScalarType, type StreamViewType, type TableParameters } from '../table/index.js';

export interface TableSpecOptions {
  /** Fix the partition key (a name means type S). */
  partitionKey?: string | KeyAttribute;
  /** Fix the sort key; `null` for a table without one. */
  sortKey?: string | KeyAttribute | null;
  streamViewType?: StreamViewType;
  /** Fix the TTL attribute; `null` for a table without TTL. */
  ttlAttribute?: string | null;
  /** Fix the shard count, or bound it (default 1..8). */
  shardCount?: number | { min?: number; max?: number };
}

/** A table and the number of stream shards open at the start. */
export interface GeneratedTable {
  table: TableParameters;
  shardCount: number;
}

const KNOWN: readonly (keyof TableSpecOptions)[] = ['partitionKey', 'sortKey', 'streamViewType', 'ttlAttribute', 'shardCount'];
const PARTITION_NAMES = ['pk', 'id', 'userId', 'tenantId'];
const SORT_NAMES = ['sk', 'orderId', 'seq'];

// S keys are by far the most common; N and B keep key handling honest (canonical numbers, base64).
const keyType: fc.Arbitrary<ScalarType> = fc.oneof(
  { withCrossShrink: true },
  { weight: 7, arbitrary: fc.constant('S' as const) }, { weight: 2, arbitrary: fc.constant('N' as const) }, { weight: 1, arbitrary: fc.constant('B' as const) });
const key = (names: readonly string[]): fc.Arbitrary<KeyAttribute> => fc.record({ name: fc.constantFrom(...names), type: keyType });

/**
 * A DynamoDB table with a stream: key schema (partition key, optional sort key, S/N/B types),
 * stream view type (NEW_AND_OLD_IMAGES most often), an optional TTL attribute, and 1..8 shards.
 * Any part can be fixed through the options; the rest varies. Shrinks towards one S partition
 * key, no sort key, NEW_AND_OLD_IMAGES, no TTL and one shard.
 */
export function tableSpec(options?: TableSpecOptions): fc.Arbitrary<GeneratedTable> {
  const o = readObject('tableSpec.options', options ?? {}) as TableSpecOptions;
  rejectUnknownOptions('tableSpec.options', o, KNOWN);
  const { min, max } = shardBounds(o.shardCount);
  const nameOf = (k: string | KeyAttribute | null | undefined): string | undefined => (k === null || k === undefined ? undefined : typeof k === 'string' ? k : k.name);
  const partitionNames = PARTITION_NAMES.filter((n) => n !== nameOf(o.sortKey));
  const sortNames = SORT_NAMES.filter((n) => n !== nameOf(o.partitionKey));
  // Fixed parts are validated once, here, with the names users wrote.
  resolveTableSpec(
    withoutUndefined({ partitionKey: o.partitionKey ?? partitionNames[0]!, sortKey: o.sortKey ?? undefined, streamViewType: o.streamViewType, ttlAttribute: o.ttlAttribute ?? undefined }),
    'tableSpec.options',
  );
  const arbitrary = fc.record({
    partitionKey: o.partitionKey === undefined ? key(partitionNames) : fc.constant(o.partitionKey),
    sortKey: o.sortKey !== undefined ? fc.constant(o.sortKey ?? undefined) : fc.option(key(sortNames), { nil: undefined, freq: 2 }),
    streamViewType: o.streamViewType === undefined ? fc.constantFrom<StreamViewType>('NEW_AND_OLD_IMAGES', ...STREAM_VIEW_TYPES.filter((v) => v !== 'NEW_AND_OLD_IMAGES')) : fc.constant(o.streamViewType),
    ttlAttribute: o.ttlAttribute !== undefined ? fc.constant(o.ttlAttribute ?? undefined) : fc.option(fc.constant('expiresAt'), { nil: undefined, freq: 2 }),
    shardCount: fc.integer({ min, max }),
  });
  return arbitrary.map(({ shardCount, ...parts }) => ({ table: withoutUndefined(parts) as TableParameters, shardCount }));
}

function shardBounds(value: TableSpecOptions['shardCount']): { min: number; max: number } {
  if (typeof value === 'number') {
    const n = readInteger('tableSpec.options.shardCount', value, 1, 64);
    return { min: n, max: n };
  }
  const bounds = readObject('tableSpec.options.shardCount', value ?? {});
  rejectUnknownOptions('tableSpec.options.shardCount', bounds, ['min', 'max']);
  const min = bounds.min === undefined ? 1 : readInteger('tableSpec.options.shardCount.min', bounds.min, 1, 64);
  const max = bounds.max === undefined ? Math.max(8, min) : readInteger('tableSpec.options.shardCount.max', bounds.max, min, 64, `must be an integer in ${min}..64`);
  return { min, max };
}
