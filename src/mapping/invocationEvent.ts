import type { DynamoDBStreamEvent } from 'aws-lambda';
import { copyRecordEvent } from '../stream/recordEvent.js';
import type { StreamRecord } from '../stream/streamHistory.js';

/**
 * The invocation event `{ Records }` three ways: its JSON text (S3 destinations), a private copy
 * for the handler (AWS deserialises a fresh event per invocation), and whether the handler changed
 * that copy. The records' events are frozen JSON data (no undefined, NaN or -0), so copying and
 * comparing them directly stands in for a JSON round trip, without building the text.
 */

export function eventJson(records: readonly StreamRecord[]): string {
  return JSON.stringify({ Records: records.map((r) => r.event) });
}

/** A fresh, mutable deep copy of the event, equal to `JSON.parse(eventJson(records))`. */
export function privateEvent(records: readonly StreamRecord[]): DynamoDBStreamEvent {
  const copies: DynamoDBStreamEvent['Records'] = [];
  for (const record of records) copies.push(copyRecordEvent(record.event));
  return { Records: copies };
}

/**
 * Whether the handler changed its event: its JSON text differs from the original's. Structural
 * equality with the originals proves the text is the same; only a difference pays for the text.
 */
export function wasMutated(event: unknown, records: readonly StreamRecord[]): boolean {
  try {
    if (isUnchanged(event, records)) return false;
    return JSON.stringify(event) !== eventJson(records);
  } catch {
    return true; // getters that throw, cycles, BigInts: the event is certainly not what it was
  }
}

function isUnchanged(event: unknown, records: readonly StreamRecord[]): boolean {
  if (!isPlainObject(event) || !hasOnlyKey(event, 'Records')) return false;
  const copies = (event as { Records: unknown }).Records;
  if (!Array.isArray(copies) || copies.length !== records.length || 'toJSON' in copies) return false;
  for (let i = 0; i < records.length; i++) if (!sameData(copies[i], records[i]!.event)) return false;
  return true;
}

/**
 * True only when `JSON.stringify(copy) === JSON.stringify(original)` for sure: same keys in the same
 * order, same primitives, nothing that would make JSON.stringify read differently (a `toJSON`, a
 * prototype). Walks in step with the (finite) original, so a cyclic copy cannot loop.
 */
function sameData(copy: unknown, original: unknown): boolean {
  if (copy === original) return true;
  if (typeof original !== 'object' || original === null || typeof copy !== 'object' || copy === null) return false;
  if (Array.isArray(original)) {
    if (!Array.isArray(copy) || copy.length !== original.length || 'toJSON' in copy) return false;
    for (let i = 0; i < original.length; i++) if (!sameData(copy[i], original[i])) return false;
    return true;
  }
  if (!isPlainObject(copy)) return false;
  const keys = Object.keys(copy);
  let i = 0;
  for (const key in original) {
    if (keys[i++] !== key || !sameData((copy as Record<string, unknown>)[key], (original as Record<string, unknown>)[key])) return false;
  }
  return i === keys.length;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value);
}

function hasOnlyKey(value: object, key: string): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key;
}
