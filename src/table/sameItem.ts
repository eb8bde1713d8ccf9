import type { AttributeValue } from 'aws-lambda';
import type { AttributeMap } from './itemChange.js';

/**
 * Whether two item images hold the same data (R4). Attribute order never matters and sets are
 * unordered in DynamoDB; numbers are canonical text in images, so text equality is value
 * equality. Compares structurally: no-op detection runs on every write.
 */
export function sameItem(a: AttributeMap, b: AttributeMap): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  for (const name of names) {
    if (!Object.hasOwn(b, name) || !sameValue(a[name] as AttributeValue, b[name] as AttributeValue)) return false;
  }
  return true;
}

// A Lambda-shaped value has exactly one type field, never undefined, so comparing the field of
// `a`'s type with the same field of `b` also compares the types.
function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a === b) return true; // images share the values an update did not write
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return a.N === b.N;
  if (a.B !== undefined) return a.B === b.B;
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return a.NULL === b.NULL;
  if (a.SS !== undefined) return b.SS !== undefined && sameSet(a.SS, b.SS);
  if (a.NS !== undefined) return b.NS !== undefined && sameSet(a.NS, b.NS);
  if (a.BS !== undefined) return b.BS !== undefined && sameSet(a.BS, b.BS);
  if (a.L !== undefined) return b.L !== undefined && a.L.length === b.L.length && a.L.every((v, i) => sameValue(v, b.L![i] as AttributeValue));
  if (a.M !== undefined) return b.M !== undefined && sameItem(a.M, b.M);
  return false;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.every((s, i) => s === b[i])) return true; // usually written in the same order
  const sortedB = [...b].sort();
  return [...a].sort().every((s, i) => s === sortedB[i]);
}
