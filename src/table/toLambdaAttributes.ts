import type { AttributeValue } from 'aws-lambda';
import type { AttributeMap } from './itemChange.js';
import type { SdkAttributeValue, SdkItem } from './sdkItem.js';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** SDK DynamoDB JSON → the shape Lambda delivers, where binary values are base64 text (R1). */
export function toLambdaAttributes(item: SdkItem): AttributeMap {
  const out: AttributeMap = {};
  for (const [name, value] of Object.entries(item)) out[name] = toLambdaValue(value);
  return out;
}

/** One attribute value, SDK-shaped → Lambda-shaped. */
export function toLambdaValue(value: SdkAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.SS !== undefined) return { SS: [...value.SS] };
  if (value.NS !== undefined) return { NS: [...value.NS] };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaAttributes(value.M) };
  throw new Error(`shardcheck internal invariant violated: unsupported attribute value ${Object.keys(value).join(',')}`);
}
