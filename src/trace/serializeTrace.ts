import { ShardcheckError } from '../core/index.js';
import type { Trace } from './trace.js';

/** Header fields in the order a stored trace lists them; `events` always comes last. */
const HEADER_ORDER = ['version', 'streamArn', 'functionArn', 'startEpochMs', 'shards', 'records', 'events'];
/** Captured console output lives beside a trace, never in its stored text. */
const NOT_STORED = ['logs', 'logsDropped'];

/**
 * Stable JSON text of a trace: equal traces give byte-identical text, whatever order their
 * objects were built in. Object keys are sorted (`type`, `t`, `ordinal` and `id` first, so an
 * event reads as what-then-when), and each shard, record and event sits on its own line, so stored traces diff
 * line by line. The text ends with a newline; {@link parseTrace} reads it back.
 */
export function serializeTrace(trace: Trace): string {
  const header = trace as unknown as Record<string, unknown>;
  const extra = Object.keys(header).filter((k) => !HEADER_ORDER.includes(k) && !NOT_STORED.includes(k)).sort();
  const keys = [...HEADER_ORDER.slice(0, -1), ...extra, 'events'].filter((k) => k in header);
  const lines: string[] = [];
  for (const key of keys) {
    const value = header[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const items = value.map((item, i) => `    ${stableJson(item, `trace.${key}[${i}]`)}`);
      lines.push(items.length === 0 ? `  ${JSON.stringify(key)}: []` : `  ${JSON.stringify(key)}: [\n${items.join(',\n')}\n  ]`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${stableJson(value, `trace.${key}`)}`);
    }
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Compact JSON with sorted object keys; `undefined` members are dropped, as JSON.stringify does. */
export function stableJson(value: unknown, path = 'value'): string {
  return JSON.stringify(canonical(value, path, new Set())) ?? 'null';
}

function canonical(value: unknown, path: string, seen: Set<object>): unknown {
  if (typeof value === 'bigint') throw new ShardcheckError(`${path} must be JSON-serializable (got a bigint ${value}n)`);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) throw new ShardcheckError(`${path} must be JSON-serializable (got a circular reference)`);
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return canonical(toJson.call(value), path, seen);
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => canonical(item, `${path}[${i}]`, seen) ?? null);
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort(compareKeys)) {
      const member = record[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      out[key] = canonical(member, `${path}.${key}`, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

// An event reads what-then-when; a shard or record starts with its ordinal.
const FIRST: Readonly<Record<string, number>> = { type: 0, t: 1, ordinal: 2, id: 3 };

function compareKeys(a: string, b: string): number {
  const ra = FIRST[a] ?? 4;
  const rb = FIRST[b] ?? 4;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}
