import { formatItemKey, formatKeyText, type Millis } from '../core/index.js';
import type { TraceRecord } from './trace.js';

/*
 * Text pieces shared by the trace renderers. User data (item keys, error messages) goes through
 * `quoted`/`oneLine`, so control characters and newlines can never break a line-based layout.
 */

const PLAIN = /^[A-Za-z0-9#:_./-]+$/;

// Characters JSON.stringify leaves alone that still disturb a terminal line: DEL, C1 controls
// (U+0085 is a line break to some), line/paragraph separators and bidirectional overrides.
const INVISIBLE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE = /[\u0000-\u001f"\\\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Escapes, as `\uXXXX`, the characters JSON text may hold raw that still disturb a terminal line. */
export function escapeInvisible(json: string): string {
  return json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON string literal of `value`, with invisible and line-breaking characters escaped too. */
export function jsonQuote(value: string): string {
  return escapeInvisible(JSON.stringify(value));
}

/** A user string as is when it is plain ([A-Za-z0-9#:_./-]+), JSON-quoted otherwise. */
export function quoted(value: string): string {
  return PLAIN.test(value) ? value : jsonQuote(value);
}

/**
 * An item key for humans: the documented item key form (`user#1`, `user#1|profile`, see
 * `formatItemKey`), which is already one terminal-safe line. Keys of traces written before that
 * form (the raw partition key text, or `["pk","sk"]`) are shown in it too; anything else that could
 * disturb a terminal line (a hand-edited trace) is JSON-quoted.
 */
export function itemKeyText(record: Pick<TraceRecord, 'itemKey' | 'partitionKey'>): string {
  const { itemKey, partitionKey } = record;
  if (itemKey === partitionKey) return formatKeyText(itemKey);
  const parts = legacyCompositeKey(record);
  if (parts !== undefined) return formatItemKey(parts[0], parts[1]);
  return LINE_BREAKING.test(itemKey) ? jsonQuote(itemKey) : itemKey;
}

// A documented key never starts with `[` (such a text is quoted), so this is an older trace's key.
function legacyCompositeKey({ itemKey, partitionKey }: Pick<TraceRecord, 'itemKey' | 'partitionKey'>): [string, string] | undefined {
  if (!itemKey.startsWith('[')) return undefined;
  try {
    const parts: unknown = JSON.parse(itemKey);
    if (Array.isArray(parts) && parts.length === 2 && parts[0] === partitionKey && typeof parts[1] === 'string') return [parts[0], parts[1]];
  } catch {
    // not the composite form: shown as is (or quoted)
  }
  return undefined;
}

/** `key@ordinal`, the way every list of records in a rendered trace names a record. */
export function recordText(records: readonly TraceRecord[], ordinal: number): string {
  const record = records[ordinal];
  return record === undefined ? `?@${ordinal}` : `${itemKeyText(record)}@${ordinal}`;
}

/** `[k1@5, k2@6]`, or `12 records: k1@5 … k9@16` when the list is longer than `max`. */
export function recordList(records: readonly TraceRecord[], ordinals: readonly number[], max: number): string {
  if (ordinals.length <= max) return `[${ordinals.map((o) => recordText(records, o)).join(', ')}]`;
  return `${ordinals.length} records: ${recordText(records, ordinals[0]!)} … ${recordText(records, ordinals[ordinals.length - 1]!)}`;
}

/**
 * Free text (an error message, a detail) on one line: as is when it holds no control, quote or
 * backslash character, JSON-quoted otherwise; cut to about `max` characters.
 */
export function oneLine(value: string, max = 120): string {
  const cut = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return UNSAFE.test(cut) ? jsonQuote(cut) : cut;
}

/** Virtual time since the start: `+0.250s`, `+2m05.000s`, `+1h00m00.000s`, `+2d03h00m00.000s`. */
export function formatVirtualTime(t: Millis): string {
  const ms = Math.round(t);
  const seconds = Math.floor(ms / 1000) % 60;
  const fraction = `${seconds}.${String(ms % 1000).padStart(3, '0')}s`;
  const minutes = Math.floor(ms / 60_000) % 60;
  const hours = Math.floor(ms / 3_600_000) % 24;
  const days = Math.floor(ms / 86_400_000);
  if (ms < 60_000) return `+${fraction}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const tail = `${pad(minutes)}m${fraction.padStart(7, '0')}`;
  if (ms < 3_600_000) return `+${minutes}m${fraction.padStart(7, '0')}`;
  if (ms < 86_400_000) return `+${hours}h${tail}`;
  return `+${days}d${pad(hours)}h${tail}`;
}
