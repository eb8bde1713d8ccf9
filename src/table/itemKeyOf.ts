import type { AttributeValue } from 'aws-lambda';
import { formatItemKey, optionError } from '../core/index.js';
import { canonicalNumberText } from './dynamoNumber.js';
import type { AttributeMap } from './itemChange.js';
import type { KeyAttribute, TableSpec } from './tableSpec.js';

/**
 * The documented item key (see `formatItemKey`: `user#1`, `user#1|42`) of Lambda-shaped key
 * attributes, such as a stream record's `dynamodb.Keys`. The hot path of every table write; the
 * public, more forgiving helper is `itemKey`.
 *
 * A key's text: an S value as is, an N value as the canonical decimal text DynamoDB stores
 * (`1.50` → `1.5`, `1e2` → `100`), a B value as its base64 text.
 */
export function itemKeyOf(keys: AttributeMap, spec: TableSpec): string {
  return formatItemKey(partitionKeyTextOf(keys, spec), spec.sortKey === undefined ? undefined : keyText(keys, spec.sortKey));
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
