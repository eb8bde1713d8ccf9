import {
  ShardcheckError,
  deepFreeze,
  isSequenceNumber,
  optionError,
  readArray,
  readBoolean,
  readFinite,
  readInteger,
  readObject,
  readOneOf,
} from '../core/index.js';
import type { Trace } from './trace.js';

/** A field reader: validates `value` at `path` against the trace being read. */
type Field = (path: string, value: unknown, refs: Refs) => void;

interface Refs {
  readonly shards: number;
  readonly records: number;
}

const int: Field = (path, value) => void readInteger(path, value, 0);
const time: Field = (path, value) => void readFinite(path, value, 0);
const text: Field = (path, value) => {
  if (typeof value !== 'string') throw optionError(path, 'must be a string', value);
};
const bool: Field = (path, value) => void readBoolean(path, value);
const seq: Field = (path, value) => {
  if (!isSequenceNumber(value)) throw optionError(path, 'must be a sequence number (a decimal string of 21..40 digits)', value);
};
const shard: Field = (path, value, refs) => void readInteger(path, value, 0, refs.shards - 1, `must be a shard ordinal 0..${refs.shards - 1}`);
const record: Field = (path, value, refs) => void readInteger(path, value, 0, refs.records - 1, `must be a record ordinal 0..${refs.records - 1}`);
const records: Field = (path, value, refs) => readArray(path, value).forEach((r, i) => record(`${path}[${i}]`, r, refs));
const oneOf = (...options: string[]): Field => (path, value) => void readOneOf(path, value, options);
const orNull = (field: Field): Field => (path, value, refs) => (value === null ? undefined : field(path, value, refs));
const optional = (field: Field): Field => (path, value, refs) => (value === undefined ? undefined : field(path, value, refs));
const object: Field = (path, value) => void readObject(path, value);
const anything: Field = () => undefined;
const error: Field = (path, value) => {
  const e = readObject(path, value);
  text(`${path}.errorType`, e['errorType'], { shards: 0, records: 0 });
  text(`${path}.errorMessage`, e['errorMessage'], { shards: 0, records: 0 });
};

/** Required fields of each event type besides `type` and `t`. Unknown extra fields are kept. */
const EVENT_FIELDS: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  'shard-ready': { shard, from: oneOf('TRIM_HORIZON', 'LATEST'), startIndex: int },
  poll: { shard, lane: int, records },
  batch: { shard, lane: int, records, cut: oneOf('size', 'payload', 'window', 'available') },
  invoke: { id: int, shard, lane: int, env: orNull(int), attempt: int, records, requestId: text, duplicate: bool },
  result: {
    id: int,
    outcome: oneOf('NOT_INVOKED', 'FUNCTION_ERROR', 'OK_SUCCESS', 'OK_PARTIAL', 'OK_MALFORMED'),
    response: anything,
    error: optional(error),
    lowest: optional(seq),
    fault: optional(text),
  },
  checkpoint: { shard, seq, record },
  bisect: { shard, lane: int, left: records, right: records },
  discard: { shard, lane: int, records, condition: oneOf('RetryAttemptsExhausted', 'RecordAgeExceeded'), payload: orNull(object) },
  trim: { shard, records },
  fault: { kind: text, dispatch: optional(int), shard: optional(shard) },
  'env-start': { env: int, dispatch: int },
  'env-recycle': { env: int, reason: oneOf('timeout', 'crash', 'unhandled-rejection', 'hung', 'init-failure', 'reclaim') },
  mapping: { state: oneOf('disabled', 'enabled', 'restarted') },
  dependency: {
    dispatch: int,
    call: int,
    nth: int,
    path: text,
    action: oneOf('called', 'rejected', 'applied-then-rejected', 'deferred', 'released', 'crashed', 'dead'),
  },
  finding: { kind: text, dispatch: orNull(int), detail: text },
  end: { reason: oneOf('drained', 'stalled', 'limit') },
};

const SHARD_FIELDS: Readonly<Record<string, Field>> = {
  ordinal: int,
  id: text,
  parents: (path, value, refs) => readArray(path, value).forEach((p, i) => shard(`${path}[${i}]`, p, refs)),
  createdAt: time,
  closedAt: orNull(time),
};

const RECORD_FIELDS: Readonly<Record<string, Field>> = {
  ordinal: int,
  shard,
  seq,
  itemKey: text,
  partitionKey: text,
  eventName: oneOf('INSERT', 'MODIFY', 'REMOVE'),
  createdAt: time,
  trimAt: time,
};

/**
 * Reads a trace written by {@link serializeTrace} (or any JSON of the same shape). Checks the
 * version, the header and every event's fields, and that shard and record references point into
 * the header, so renderers and checkers can trust what they read. Returns a frozen trace.
 */
export function parseTrace(json: string): Trace {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ShardcheckError(`trace must be JSON text (${e instanceof Error ? e.message : String(e)})`);
  }
  const trace = readObject('trace', data);
  if (trace['version'] !== 1) throw optionError('trace.version', 'must be 1', trace['version']);
  for (const key of ['streamArn', 'functionArn'] as const) textField(`trace.${key}`, trace[key]);
  readInteger('trace.startEpochMs', trace['startEpochMs'], 0);
  const shards = readArray('trace.shards', trace['shards']);
  const records = readArray('trace.records', trace['records']);
  const refs: Refs = { shards: shards.length, records: records.length };
  shards.forEach((s, i) => checkEntry(`trace.shards[${i}]`, s, i, SHARD_FIELDS, refs));
  records.forEach((r, i) => checkEntry(`trace.records[${i}]`, r, i, RECORD_FIELDS, refs));
  readArray('trace.events', trace['events']).forEach((e, i) => checkEvent(`trace.events[${i}]`, e, refs));
  return deepFreeze(trace as unknown as Trace);
}

function textField(path: string, value: unknown): void {
  text(path, value, { shards: 0, records: 0 });
}

function checkEntry(path: string, value: unknown, index: number, fields: Readonly<Record<string, Field>>, refs: Refs): void {
  const entry = readObject(path, value);
  for (const [name, field] of Object.entries(fields)) field(`${path}.${name}`, entry[name], refs);
  if (entry['ordinal'] !== index) throw optionError(`${path}.ordinal`, `must be ${index}, its position in the list`, entry['ordinal']);
}

function checkEvent(path: string, value: unknown, refs: Refs): void {
  const event = readObject(path, value);
  const fields = EVENT_FIELDS[readOneOf(`${path}.type`, event['type'], Object.keys(EVENT_FIELDS))]!;
  time(`${path}.t`, event['t'], refs);
  for (const [name, field] of Object.entries(fields)) field(`${path}.${name}`, event[name], refs);
}
