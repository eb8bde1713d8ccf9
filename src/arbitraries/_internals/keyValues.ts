import type { ItemKeyValues, KeyAttribute, TableSpec } from '../../table/index.js';

/** Items per partition key when the table has a sort key, so PF lanes and shards see key groups. */
export const SORT_KEYS_PER_PARTITION = 3;

/**
 * The key attributes of item number `index` of a table: a pure function of the index, so a
 * shrunk (smaller) index is a key of a smaller key space. S keys read `user#7` / `order#0002`,
 * N keys are the numbers, B keys a few bytes.
 */
export function keyValues(spec: TableSpec, index: number): ItemKeyValues {
  return withKeyValues({}, spec, index);
}

/** `item` with the key attributes of item number `index` added (in place, no intermediate object). */
export function withKeyValues<T extends Record<string, unknown>>(item: T, spec: TableSpec, index: number): T {
  const target = item as Record<string, unknown>;
  if (spec.sortKey === undefined) {
    target[spec.partitionKey.name] = scalar(spec.partitionKey, 'user', index);
  } else {
    target[spec.partitionKey.name] = scalar(spec.partitionKey, 'user', Math.floor(index / SORT_KEYS_PER_PARTITION));
    target[spec.sortKey.name] = scalar(spec.sortKey, 'order', index % SORT_KEYS_PER_PARTITION);
  }
  return item;
}

function scalar(key: KeyAttribute, prefix: string, n: number): string | number | Uint8Array {
  if (key.type === 'N') return n;
  if (key.type === 'B') return Uint8Array.of(0xb0 | (n >>> 16 & 0x0f), (n >>> 8) & 0xff, n & 0xff);
  return prefix === 'user' ? `user#${n}` : `order#${String(n).padStart(4, '0')}`;
}
