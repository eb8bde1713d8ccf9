import { parseDynamoNumber } from './dynamoNumber.js';
import type { SdkAttributeValue, SdkItem } from './sdkItem.js';

/** DynamoDB's largest item: 400 KB counting attribute names and values (R11). */
export const MAX_ITEM_BYTES = 409_600;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Item size as DynamoDB counts it (R11): attribute name bytes plus value sizes. Numbers use the
 * documented approximation of one byte per two significant digits plus one.
 */
export function itemSizeBytes(item: SdkItem): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) total += attributeSizeBytes(name, value);
  return total;
}

/** One attribute's share of its item's size: name bytes plus value size. */
export function attributeSizeBytes(name: string, value: SdkAttributeValue): number {
  return utf8(name) + valueSizeBytes(value);
}

function valueSizeBytes(value: SdkAttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSizeBytes(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSizeBytes(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  // Containers cost 3 bytes plus one byte per element on top of their contents.
  if (value.L !== undefined) return value.L.reduce((sum, v) => sum + 1 + valueSizeBytes(v), 3);
  if (value.M !== undefined) return 3 + Object.keys(value.M).length + itemSizeBytes(value.M);
  return 0;
}

function numberSizeBytes(text: string): number {
  const parsed = parseDynamoNumber(text);
  const digits = typeof parsed === 'string' ? text.replace(/[^0-9]/g, '').length : parsed.digits.length;
  return Math.ceil(digits / 2) + 1;
}
