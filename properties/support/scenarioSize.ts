import type { ScenarioParameters } from '../../src/scenario/index.js';
import { resolveScenario } from '../../src/scenario/index.js';
import { buildStreamHistory } from '../../src/stream/index.js';
import type { ItemKeyValues, Write } from '../../src/table/index.js';
import { SORT_KEYS_PER_PARTITION } from '../../src/arbitraries/_internals/keyValues.js';

/**
 * Structural size of a generated scenario. Every component is meant never to grow when the
 * scenario arbitrary shrinks a value one step.
 */
export interface ScenarioSize {
  readonly operations: number;
  /** Item writes (a transaction counts its writes). */
  readonly writes: number;
  /** One more than the largest generated key index: the key space the workload uses. */
  readonly keySpan: number;
  /** Shards that ever exist: initial ones plus children of splits and rollovers. */
  readonly shards: number;
  /** Faults, counting a disable with its enable as one. */
  readonly faults: number;
  readonly interleaving: number;
  readonly batchSize: number;
}

export const SIZE_COMPONENTS: readonly (keyof ScenarioSize)[] = ['operations', 'writes', 'keySpan', 'shards', 'faults', 'interleaving', 'batchSize'];

export function scenarioSize(s: ScenarioParameters): ScenarioSize {
  const writes: readonly Write[] = s.operations.flatMap((op): readonly Write[] => (op.type === 'transactWrite' ? op.writes : [op]));
  const sortKey = s.table.sortKey === undefined ? undefined : typeof s.table.sortKey === 'string' ? s.table.sortKey : s.table.sortKey.name;
  const partitionKey = typeof s.table.partitionKey === 'string' ? s.table.partitionKey : s.table.partitionKey.name;
  const faults = s.faults ?? {};
  return {
    operations: s.operations.length,
    writes: writes.length,
    keySpan: 1 + Math.max(-1, ...writes.map((w) => keyIndexOf(keysOf(w), partitionKey, sortKey))),
    shards: (s.stream?.shardCount ?? 1) + (s.stream?.topology ?? []).reduce((n, e) => n + (e.kind === 'split' ? 2 : 1), 0),
    faults: (faults.invocations?.length ?? 0) + (faults.timed ?? []).filter((f) => f.kind !== 'enable').length + (faults.dependencies?.length ?? 0),
    interleaving: s.interleaving?.length ?? 0,
    batchSize: s.mapping?.batchSize ?? 100,
  };
}

/** Records the stream publishes, and how many distinct items and records on the busiest item. */
export function recordStats(s: ScenarioParameters): { records: number; keys: number; busiest: number } {
  const history = buildStreamHistory(resolveScenario(s));
  const perKey = new Map<string, number>();
  for (const r of history.records) perKey.set(r.itemKey, (perKey.get(r.itemKey) ?? 0) + 1);
  return { records: history.records.length, keys: perKey.size, busiest: Math.max(0, ...perKey.values()) };
}

function keysOf(write: Write): ItemKeyValues {
  if (write.type === 'transactWrite') throw new Error('transactions are flattened before');
  return write.type === 'put' ? write.item : write.key;
}

/** The inverse of the generator's key format: `user#N` / N / bytes, times 3 plus the sort position. */
function keyIndexOf(keys: ItemKeyValues, partitionKey: string, sortKey: string | undefined): number {
  const partition = scalarIndex(keys[partitionKey]);
  return sortKey === undefined ? partition : partition * SORT_KEYS_PER_PARTITION + scalarIndex(keys[sortKey]);
}

function scalarIndex(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value.slice(value.indexOf('#') + 1));
  if (value instanceof Uint8Array) return ((value[0]! & 0x0f) << 16) | (value[1]! << 8) | value[2]!;
  throw new Error(`not a generated key value: ${String(value)}`);
}
