import type { AttributeValue } from 'aws-lambda';
import { optionError } from '../core/index.js';
import { canonicalNumberText } from './dynamoNumber.js';
import type { AttributeMap } from './itemChange.js';
import type { KeyAttribute, TableSpec } from './tableSpec.js';

/**
 * The documented string form of an item key, used by the model, the trace and reports.
 *
 * - Key text of one attribute: an S value as is, an N value as the canonical decimal text
 *   DynamoDB stores (`1.50` → `1.5`, `1e2` → `100`), a B value as its base64 text.
 * - Table with only a partition key: the partition key text, e.g. `user#1`.
 * - Table with a sort key: `JSON.stringify([partitionKeyText, sortKeyText])`, e.g. `["user#1","42"]`.
 *
 * `keys` is Lambda-shaped DynamoDB JSON, such as `record.dynamodb.Keys` of a stream record.
 */
export function itemKeyOf(keys: AttributeMap, spec: TableSpec): string {
  const pk = partitionKeyTextOf(keys, spec);
  return spec.sortKey === undefined ? pk : JSON.stringify([pk, keyText(keys, spec.sortKey)]);
}

/** Text of the partition key value: what routes a record to a shard and to a PF lane. */
export function partitionKeyTextOf(keys: AttributeMap, spec: TableSpec): string {
  return keyText(keys, spec.partitionKey);
}

function keyText(keys: AttributeMap, key: KeyAttribute): string {
  const value: AttributeValue | undefined = keys[key.name];
  const text = value === undefined ? undefined : key.type === 'S' ? value.S : key.type === 'N' ? value.N : value.B;
  if (text === undefined) throw optionError(`keys.${key.name}`, `must be a ${key.type} value because ${key.name} is a key attribute of type ${key.type}`, value);
  return key.type === 'N' ? canonicalNumberText(text) : text;
}
