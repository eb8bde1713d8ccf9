import type { DynamoDBRecord } from 'aws-lambda';
import { formatItemKey, optionError } from '../core/index.js';
import { canonicalNumberText, parseDynamoNumber } from './dynamoNumber.js';
import { resolveTableSpec } from './resolveTableSpec.js';
import type { KeyAttribute, TableParameters, TableSpec } from './tableSpec.js';

/** The table an item key is computed for: the `table` option given to shardcheck (only its key attributes matter). */
export type ItemKeyTable = TableParameters | TableSpec;

const VALUE_TYPES = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'];
const TYPE_WORDS = { S: 'a string', N: 'a number', B: 'binary (base64 text or a Uint8Array)' } as const;

// A handler may call `itemKey` once per record with the same table object: resolve it once.
const resolved = new WeakMap<object, TableSpec>();

/**
 * The documented item key (`user#1`, or `user#1|42` on a table with a sort key; README "Item
 * keys") of a stream record, the way the model, traces and reports name the item.
 *
 * `source` is a stream record (its `dynamodb.Keys` must hold exactly the table's key attributes),
 * or a map holding at least the key attributes: Lambda-shaped (`record.dynamodb.Keys`, a
 * `NewImage`), SDK-shaped (binary as Uint8Array) or unmarshalled (`{ pk: 'user#1', sk: 42 }`).
 * `table` is the same `table` you give shardcheck; it says which attribute is the partition key.
 */
export function itemKey(source: DynamoDBRecord | Readonly<Record<string, unknown>>, table: ItemKeyTable): string {
  const spec = specOf(table);
  const keys = keysOf(source, spec);
  const text = (key: KeyAttribute, role: string) => keyText(keys.map[key.name], key, `${keys.path}.${key.name}`, role);
  return formatItemKey(text(spec.partitionKey, 'partition'), spec.sortKey === undefined ? undefined : text(spec.sortKey, 'sort'));
}

function specOf(table: ItemKeyTable): TableSpec {
  if (typeof table !== 'object' || table === null) throw optionError('itemKey.table', 'must be the table option, e.g. { partitionKey: "pk", sortKey: "sk" }', table);
  let spec = resolved.get(table);
  if (spec === undefined) resolved.set(table, (spec = resolveTableSpec(table, 'itemKey.table')));
  return spec;
}

function keysOf(source: unknown, spec: TableSpec): { map: Readonly<Record<string, unknown>>; path: string } {
  if (typeof source !== 'object' || source === null) throw optionError('itemKey.source', 'must be a stream record or a map of key attributes', source);
  const change = (source as { dynamodb?: unknown }).dynamodb;
  // An attribute named `dynamodb` holds a DynamoDB JSON value or a native one; a record's holds Keys.
  const isRecord = typeof change === 'object' && change !== null && !(change instanceof Uint8Array) && VALUE_TYPES.every((type) => !(type in change));
  if (!isRecord) return { map: source as Record<string, unknown>, path: 'itemKey.keys' };
  const path = 'itemKey.record.dynamodb.Keys';
  const recordKeys = (change as { Keys?: unknown }).Keys;
  if (typeof recordKeys !== 'object' || recordKeys === null) throw optionError(path, 'must be the key attributes of the record, as every DynamoDB stream record has', recordKeys);
  // A record's Keys hold exactly the key attributes: anything else means the table option is not this table's.
  const names = [spec.partitionKey.name, ...(spec.sortKey === undefined ? [] : [spec.sortKey.name])];
  const extra = Object.keys(recordKeys).filter((name) => !names.includes(name));
  if (extra.length > 0) throw optionError(path, `must hold only the table's key attributes ${names.join(', ')}; is the table option this table's?`, recordKeys);
  return { map: recordKeys as Record<string, unknown>, path };
}

function keyText(value: unknown, key: KeyAttribute, path: string, role: string): string {
  const text = key.type === 'S' ? stringText(value) : key.type === 'N' ? numberText(value) : binaryText(value);
  if (text === undefined) throw optionError(path, `must be ${TYPE_WORDS[key.type]} because ${key.name} is the table's ${role} key of type ${key.type}`, value);
  return text;
}

/** A field of a DynamoDB JSON value (`{ S: … }`), or undefined when `value` is not one. */
function field(value: unknown, name: 'S' | 'N' | 'B'): unknown {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) ? (value as Record<string, unknown>)[name] : undefined;
}

function stringText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : field(value, 'S');
  return typeof text === 'string' ? text : undefined;
}

function numberText(value: unknown): string | undefined {
  let text: string | undefined;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : undefined;
  else if (typeof value === 'bigint') text = String(value);
  else {
    // `{ N: '42' }`, or the NumberValue that unmarshall's `wrapNumbers` gives (`{ value: '42' }`).
    const wrapped = field(value, 'N') ?? (typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : undefined);
    text = typeof wrapped === 'string' ? wrapped : undefined;
  }
  return text !== undefined && typeof parseDynamoNumber(text) !== 'string' ? canonicalNumberText(text) : undefined;
}

function binaryText(value: unknown): string | undefined {
  const bytes = value instanceof Uint8Array ? value : field(value, 'B');
  if (bytes instanceof Uint8Array) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  // Lambda delivers binary as base64 text, and unmarshall keeps it so.
  const text = typeof value === 'string' ? value : bytes;
  return typeof text === 'string' ? text : undefined;
}
