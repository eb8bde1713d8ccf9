import { optionError } from '../core/index.js';
import type { SdkItem } from './sdkItem.js';
import { storedValueOf } from './storedItemOf.js';
import type { KeyAttribute, ScalarType, TableSpec } from './tableSpec.js';

const TYPE_WORDS: Record<ScalarType, string> = { S: 'a string', N: 'a number', B: 'binary (a Uint8Array)' };
const SDK_FIELD: Record<ScalarType, 'S' | 'N' | 'B'> = { S: 'S', N: 'N', B: 'B' };
// DynamoDB's limits on key values.
const MAX_KEY_BYTES = { partition: 2048, sort: 1024 } as const;

/**
 * The key attributes of `source` (an item, or the `key` of an update/delete), marshalled and in
 * schema order, after checking each has the type the table declares. With `exact`, `source` must
 * hold nothing but the key, as DynamoDB requires of a Key parameter.
 */
export function storedKeyOf(source: unknown, spec: TableSpec, path: string, exact: boolean): SdkItem {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw optionError(path, 'must be an object of attribute names to values', source);
  }
  const record = source as Record<string, unknown>;
  const schema = keySchemaOf(spec);
  if (exact) {
    const names = schema.map((k) => k.name);
    if (Object.keys(record).some((name) => !names.includes(name))) {
      throw optionError(path, `must hold only the key attributes ${names.join(', ')}`, source);
    }
  }
  const keys: SdkItem = {};
  for (const [index, key] of schema.entries()) {
    keys[key.name] = keyValueOf(record[key.name], key, index === 0 ? 'partition' : 'sort', path);
  }
  return keys;
}

export function keySchemaOf(spec: TableSpec): KeyAttribute[] {
  return spec.sortKey === undefined ? [spec.partitionKey] : [spec.partitionKey, spec.sortKey];
}

function keyValueOf(value: unknown, key: KeyAttribute, role: 'partition' | 'sort', parentPath: string) {
  const path = `${parentPath}.${key.name}`;
  const typeError = () =>
    optionError(path, `must be ${TYPE_WORDS[key.type]} because the ${role} key ${key.name} has type ${key.type}`, value);
  if (value === undefined) throw typeError();
  const stored = storedValueOf(key.name, value, parentPath);
  const field = stored[SDK_FIELD[key.type]];
  if (field === undefined) throw typeError();
  const bytes = typeof field === 'string' ? Buffer.byteLength(field, 'utf8') : field.byteLength;
  if (bytes === 0 && key.type !== 'N') throw optionError(path, 'must not be empty; DynamoDB rejects empty key values', value);
  if (bytes > MAX_KEY_BYTES[role]) {
    throw optionError(path, `is ${bytes} bytes; a ${role} key value must be at most ${MAX_KEY_BYTES[role]} bytes`, value);
  }
  return stored;
}
