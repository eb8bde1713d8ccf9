import { optionError, rejectUnknownKeys } from '../core/index.js';
import { itemKeyOf, partitionKeyTextOf } from './itemKeyOf.js';
import { MAX_ITEM_BYTES, itemSizeBytes } from './itemSizeBytes.js';
import type { SdkItem } from './sdkItem.js';
import { storedItemOf, storedValueOf } from './storedItemOf.js';
import { keySchemaOf, storedKeyOf } from './storedKeyOf.js';
import type { TableSpec } from './tableSpec.js';
import { toLambdaAttributes } from './toLambdaAttributes.js';

/** What one write does to one item; `before`/`after` undefined mean the item is absent. */
export interface PlannedWrite {
  readonly itemKey: string;
  readonly partitionKey: string;
  readonly keys: SdkItem;
  readonly before: SdkItem | undefined;
  readonly after: SdkItem | undefined;
  readonly ttl: boolean;
}

export type Lookup = (itemKey: string) => SdkItem | undefined;

/** Fields each write type takes; `at` only exists on top-level operations. */
export const WRITE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  put: ['type', 'item'],
  update: ['type', 'key', 'set', 'remove'],
  delete: ['type', 'key'],
  ttlExpire: ['type', 'key'],
};

/** Validates one single-item write and computes its effect against the current table state. */
export function planWrite(write: Record<string, unknown>, spec: TableSpec, lookup: Lookup, path: string): PlannedWrite {
  const type = write['type'] as string;
  const keyPath = `${path}.${type === 'put' ? 'item' : 'key'}`;
  const keys = storedKeyOf(type === 'put' ? write['item'] : write['key'], spec, keyPath, type !== 'put');
  const lambdaKeys = toLambdaAttributes(keys);
  const itemKey = itemKeyOf(lambdaKeys, spec);
  const base = { itemKey, partitionKey: partitionKeyTextOf(lambdaKeys, spec), keys, before: lookup(itemKey), ttl: type === 'ttlExpire' };
  if (type === 'delete' || type === 'ttlExpire') return { ...base, after: undefined };
  if (type === 'put') {
    const item = storedItemOf(write['item'], `${path}.item`);
    checkSize(item, `${path}.item`, 'is', write['item']);
    return { ...base, after: item };
  }
  return { ...base, after: updated(base.before ?? keys, write, spec, path) };
}

function updated(start: SdkItem, write: Record<string, unknown>, spec: TableSpec, path: string): SdkItem {
  const keyNames = keySchemaOf(spec).map((k) => k.name);
  const keyRule = (name: string) =>
    `must not name a key attribute; DynamoDB cannot update the ${name === spec.partitionKey.name ? 'partition' : 'sort'} key ${name}`;
  const after: SdkItem = { ...start };
  const set = write['set'] ?? {};
  if (typeof set !== 'object' || set === null || Array.isArray(set)) {
    throw optionError(`${path}.set`, 'must be an object of attribute names to values', set);
  }
  for (const [name, value] of Object.entries(set)) {
    if (keyNames.includes(name)) throw optionError(`${path}.set.${name}`, keyRule(name), value);
    after[name] = storedValueOf(name, value, `${path}.set`);
  }
  const remove = write['remove'] ?? [];
  if (!Array.isArray(remove)) throw optionError(`${path}.remove`, 'must be an array of attribute names', remove);
  for (const [index, name] of remove.entries()) {
    if (typeof name !== 'string' || name === '') {
      throw optionError(`${path}.remove[${index}]`, 'must be a non-empty attribute name', name);
    }
    if (keyNames.includes(name)) throw optionError(`${path}.remove[${index}]`, keyRule(name), name);
    delete after[name];
  }
  checkSize(after, `${path}.set`, 'makes the item', write['set']);
  return after;
}

function checkSize(item: SdkItem, path: string, verb: string, got: unknown): void {
  const bytes = itemSizeBytes(item);
  if (bytes > MAX_ITEM_BYTES) {
    throw optionError(path, `${verb} ${bytes} bytes; DynamoDB items must be at most ${MAX_ITEM_BYTES} bytes (400 KB, R11)`, got);
  }
}

/** Checks a write is an object of a known type with only that type's fields. */
export function checkWriteShape(write: unknown, path: string, types: readonly string[], extraFields: readonly string[]): Record<string, unknown> {
  if (typeof write !== 'object' || write === null || Array.isArray(write)) {
    throw optionError(path, `must be a write object with a type (${types.join(', ')})`, write);
  }
  const record = write as Record<string, unknown>;
  const type = record['type'];
  if (typeof type !== 'string' || !types.includes(type)) {
    throw optionError(`${path}.type`, `must be one of ${types.join(', ')}`, type);
  }
  rejectUnknownKeys(path, record, [...(WRITE_FIELDS[type] ?? ['type', 'writes']), ...extraFields]);
  return record;
}
