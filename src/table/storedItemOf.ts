import { convertToAttr, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { optionError } from '../core/index.js';
import { formatDynamoNumber, parseDynamoNumber } from './dynamoNumber.js';
import type { SdkAttributeValue, SdkItem } from './sdkItem.js';

/**
 * Marshals plain attributes with @aws-sdk/util-dynamodb and stores numbers in DynamoDB's
 * canonical text, so `1.0` and `1` are the same value (R4) and images show what AWS returns.
 */
export function storedItemOf(attributes: unknown, path: string): SdkItem {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw optionError(path, 'must be an object of attribute names to values', attributes);
  }
  const item: SdkItem = {};
  for (const [name, value] of Object.entries(attributes)) item[name] = storedValueOf(name, value, path);
  return item;
}

/** One attribute, marshalled and canonicalised; errors name `${path}.${name}`. */
export function storedValueOf(name: string, value: unknown, path: string): SdkAttributeValue {
  const where = `${path}.${name}`;
  if (name === '') throw optionError(where, 'must be a non-empty attribute name', name);
  // The commonest values skip the general path: convertToAttr gives a string `{ S }` as is and a
  // safe integer `{ N: String(n) }`, which is already canonical (no exponent, no leading zeros,
  // `-0` prints as `0`). Everything else is marshalled by @aws-sdk/util-dynamodb.
  if (typeof value === 'string') return { S: value };
  if (Number.isSafeInteger(value)) return { N: String(value) };
  let marshalled: SdkAttributeValue;
  try {
    marshalled = convertToAttr(value as NativeAttributeValue);
  } catch (error) {
    throw optionError(where, `must be a value @aws-sdk/util-dynamodb can marshall: ${(error as Error).message}`, value);
  }
  return canonical(marshalled, where, value);
}

/** `got` is the user's value at the top level; nested errors show the offending number text. */
function canonical(value: SdkAttributeValue, path: string, got?: unknown): SdkAttributeValue {
  const number = (text: string): string => {
    const parsed = parseDynamoNumber(text);
    if (typeof parsed === 'string') throw optionError(path, parsed, got ?? text);
    return formatDynamoNumber(parsed);
  };
  if (value.N !== undefined) return { N: number(value.N) };
  if (value.NS !== undefined) return { NS: value.NS.map(number) };
  if (value.L !== undefined) return { L: value.L.map((v, i) => canonical(v, `${path}[${i}]`)) };
  if (value.M !== undefined) {
    const map: SdkItem = {};
    for (const [k, v] of Object.entries(value.M)) map[k] = canonical(v, `${path}.${k}`);
    return { M: map };
  }
  return value;
}
