import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import { ShardcheckError } from '../core/index.js';

/*
 * JSON for values JSON cannot hold: everything `@aws-sdk/util-dynamodb`'s `marshall` accepts
 * (binary, sets, Maps, bigint, NumberValue, undefined) plus non-finite numbers and -0. A special
 * value becomes an object tagged with `$sc`; a plain object that itself has a `$sc` key is wrapped,
 * so decoding is unambiguous. Binary decodes to the same typed-array class (a Node Buffer decodes
 * to a Uint8Array, which it is an instance of); Sets keep their insertion order.
 */

const TAG = '$sc';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value (a scenario, say) as JSON-safe data that {@link decodeValue} turns back into it. */
export function encodeValue(value: unknown): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value === undefined) return { [TAG]: 'undefined' };
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof NumberValueImpl) return { [TAG]: 'NumberValue', v: value.value };
  if (value instanceof Set) return { [TAG]: 'set', v: [...value].map(encodeValue) };
  if (value instanceof Map) return { [TAG]: 'map', v: [...value].map(([k, v]) => [encodeValue(k), encodeValue(v)]) };
  if (value instanceof ArrayBuffer) return { [TAG]: 'bytes', type: 'ArrayBuffer', v: Buffer.from(value).toString('base64') };
  if (ArrayBuffer.isView(value)) {
    const type = value instanceof Buffer ? 'Uint8Array' : value.constructor.name;
    return { [TAG]: 'bytes', type, v: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v);
    return Object.prototype.hasOwnProperty.call(value, TAG) ? { [TAG]: 'object', v: out } : out;
  }
  throw new ShardcheckError(`scenarioCodec: cannot encode a ${typeof value}`);
}

/** Inverse of {@link encodeValue}. */
export function decodeValue(json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(decodeValue);
  const o = json as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(o, TAG)) return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decodeValue(v)]));
  switch (o[TAG]) {
    case 'undefined':
      return undefined;
    case 'number':
      return o.v === '-0' ? -0 : Number(o.v);
    case 'bigint':
      return BigInt(o.v as string);
    case 'NumberValue':
      return NumberValueImpl.from(o.v as string);
    case 'set':
      return new Set((o.v as unknown[]).map(decodeValue));
    case 'map':
      return new Map((o.v as [unknown, unknown][]).map(([k, v]) => [decodeValue(k), decodeValue(v)]));
    case 'bytes':
      return decodeBytes(o.type as string, o.v as string);
    case 'object':
      return Object.fromEntries(Object.entries(o.v as object).map(([k, v]) => [k, decodeValue(v)]));
    default:
      throw new ShardcheckError(`scenarioCodec: unknown ${TAG} tag (got ${JSON.stringify(o[TAG])})`);
  }
}

function decodeBytes(type: string, base64: string): unknown {
  const bytes = Uint8Array.from(Buffer.from(base64, 'base64'));
  if (type === 'Uint8Array') return bytes;
  if (type === 'ArrayBuffer') return bytes.buffer;
  const View = (globalThis as Record<string, unknown>)[type];
  if (typeof View !== 'function') throw new ShardcheckError(`scenarioCodec: unknown binary type (got ${JSON.stringify(type)})`);
  if (type === 'DataView') return new DataView(bytes.buffer);
  const Typed = View as new (buffer: ArrayBuffer) => unknown;
  return new Typed(bytes.buffer);
}

/** A value as JSON text (see {@link encodeValue}); `space` as in `JSON.stringify`. */
export function encodeJson(value: unknown, space?: number): string {
  return JSON.stringify(encodeValue(value), null, space);
}

/** Inverse of {@link encodeJson}. */
export function decodeJson(text: string): unknown {
  return decodeValue(JSON.parse(text));
}
