/** Printable ASCII except `"` and `\`: JSON writes such a string as is, one byte a character. */
const VERBATIM = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `Buffer.byteLength(JSON.stringify(value), 'utf8')` without building the text: every record's
 * payload size (R21) is needed, and the text itself never is. Plain data (the stream's events) is
 * measured directly; anything else (escapes, `toJSON`, class instances) falls back to the
 * definition, so the result is exact for every value (given an unpolluted Object.prototype).
 *
 * `frozen` remembers the sizes of frozen objects already measured: consecutive records of an item
 * share their (frozen) images, so a caller measuring many records measures each image once.
 */
export function jsonByteLength(value: unknown, frozen?: WeakMap<object, number>): number {
  if (frozen !== undefined && typeof value === 'object' && value !== null) {
    const known = frozen.get(value);
    if (known !== undefined) return known;
    const bytes = measure(value, frozen);
    if (Object.isFrozen(value)) frozen.set(value, bytes);
    return bytes;
  }
  return measure(value, frozen);
}

function measure(value: unknown, frozen: WeakMap<object, number> | undefined): number {
  switch (typeof value) {
    case 'string':
      return VERBATIM.test(value) ? value.length + 2 : exactly(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4; // JSON writes NaN and ±Infinity as null
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      if (value === null) return 4;
      if ('toJSON' in value) return exactly(value);
      if (Array.isArray(value)) return arrayBytes(value, frozen);
      return Object.getPrototypeOf(value) === Object.prototype ? objectBytes(value as Record<string, unknown>, frozen) : exactly(value);
    default:
      return exactly(value);
  }
}

function arrayBytes(items: readonly unknown[], frozen: WeakMap<object, number> | undefined): number {
  let bytes = 2 + Math.max(items.length - 1, 0); // brackets and commas
  for (const item of items) bytes += skipped(item) ? 4 : jsonByteLength(item, frozen); // a skipped item is written null
  return bytes;
}

function objectBytes(object: Record<string, unknown>, frozen: WeakMap<object, number> | undefined): number {
  let bytes = 2; // braces
  let members = 0;
  for (const key in object) {
    const member = object[key];
    if (skipped(member)) continue;
    bytes += jsonByteLength(key) + 1 + jsonByteLength(member, frozen); // "key":value
    members++;
  }
  return bytes + Math.max(members - 1, 0); // commas
}

/** Members JSON.stringify leaves out of objects (and writes as null in arrays). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function exactly(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
