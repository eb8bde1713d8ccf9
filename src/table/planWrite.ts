import { optionError, rejectUnknownKeys } from '../core/index.js';
import type { AttributeMap } from './itemChange.js';
import { itemKeyOf, partitionKeyTextOf } from './itemKeyOf.js';
import { MAX_ITEM_BYTES } from './itemSizeBytes.js';
import type { SdkItem } from './sdkItem.js';
import { ItemDraft, type StoredItem } from './storedItem.js';
import { storedItemOf, storedValueOf } from './storedItemOf.js';
import { keySchemaOf, storedKeyOf } from './storedKeyOf.js';
import type { TableSpec } from './tableSpec.js';
import { toLambdaAttributes } from './toLambdaAttributes.js';

/** What one write does to one item; `before`/`after` undefined mean the item is absent. */
export interface PlannedWrite {
  readonly itemKey: string;
  readonly partitionKey: string;
  readonly before: StoredItem | undefined;
  readonly after: StoredItem | undefined;
  readonly ttl: boolean;
}

export type Lookup = (itemKey: string) => StoredItem | undefined;

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
  const before = lookup(itemKey);
  // Equal keys give an equal item key, so every version of an item can share one Keys image.
  const keyImage = before?.keys ?? lambdaKeys;
  const after =
    type === 'put' ? put(write, keyImage, path)
    : type === 'update' ? updated(before, keys, write, spec, path).finish(keyImage)
    : undefined; // delete, ttlExpire
  return { itemKey, partitionKey: partitionKeyTextOf(lambdaKeys, spec), before, after, ttl: type === 'ttlExpire' };
}

function put(write: Record<string, unknown>, keyImage: AttributeMap, path: string): StoredItem {
  const draft = new ItemDraft();
  for (const [name, value] of Object.entries(storedItemOf(write['item'], `${path}.item`))) draft.set(name, value);
  checkSize(draft.sizeBytes, `${path}.item`, 'is', write['item']);
  return draft.finish(keyImage);
}

/** UpdateItem on `before`, or on an item of just the key when there is none: SET, then REMOVE. */
function updated(before: StoredItem | undefined, keys: SdkItem, write: Record<string, unknown>, spec: TableSpec, path: string): ItemDraft {
  const keyNames = keySchemaOf(spec).map((k) => k.name);
  const keyRule = (name: string) =>
    `must not name a key attribute; DynamoDB cannot update the ${name === spec.partitionKey.name ? 'partition' : 'sort'} key ${name}`;
  const after = new ItemDraft(before);
  if (before === undefined) for (const [name, value] of Object.entries(keys)) after.set(name, value);
  const set = write['set'] ?? {};
  if (typeof set !== 'object' || set === null || Array.isArray(set)) {
    throw optionError(`${path}.set`, 'must be an object of attribute names to values', set);
  }
  for (const [name, value] of Object.entries(set)) {
    if (keyNames.includes(name)) throw optionError(`${path}.set.${name}`, keyRule(name), value);
    after.set(name, storedValueOf(name, value, `${path}.set`));
  }
  const remove = write['remove'] ?? [];
  if (!Array.isArray(remove)) throw optionError(`${path}.remove`, 'must be an array of attribute names', remove);
  for (const [index, name] of remove.entries()) {
    if (typeof name !== 'string' || name === '') {
      throw optionError(`${path}.remove[${index}]`, 'must be a non-empty attribute name', name);
    }
    if (keyNames.includes(name)) throw optionError(`${path}.remove[${index}]`, keyRule(name), name);
    after.remove(name);
  }
  checkSize(after.sizeBytes, `${path}.set`, 'makes the item', write['set']);
  return after;
}

function checkSize(bytes: number, path: string, verb: string, got: unknown): void {
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
