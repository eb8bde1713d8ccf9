import { describe, expect, it } from 'vitest';
import { parseTrace, serializeTrace, stableJson, type Trace } from '../../src/trace/index.js';
import { errorMessage } from '../support/errorMessage.js';
import { smallTrace } from './smallTrace.js';

const trace = await smallTrace();

/** A JSON copy of the trace with `edit` applied, as text for parseTrace. */
function edited(edit: (data: Record<string, any>) => void): string {
  const data = JSON.parse(serializeTrace(trace)) as Record<string, any>;
  edit(data);
  return JSON.stringify(data);
}

describe('serializeTrace', () => {
  it('round-trips through parseTrace', () => {
    const text = serializeTrace(trace);
    expect(parseTrace(text)).toEqual(trace);
    expect(serializeTrace(parseTrace(text))).toBe(text);
  });

  it('is deterministic: the same run gives the same text', async () => {
    expect(serializeTrace(await smallTrace())).toBe(serializeTrace(trace));
  });

  it('does not depend on the order objects were built in', () => {
    const reordered = JSON.parse(JSON.stringify(trace), (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as Trace;
    expect(Object.keys(reordered)[0]).toBe('events');
    expect(serializeTrace(reordered)).toBe(serializeTrace(trace));
  });

  it('writes the header first and one shard, record or event per line', () => {
    const lines = serializeTrace(trace).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '{',
      '  "version": 1,',
      `  "streamArn": ${JSON.stringify(trace.streamArn)},`,
      `  "functionArn": ${JSON.stringify(trace.functionArn)},`,
      `  "startEpochMs": ${trace.startEpochMs},`,
    ]);
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('}');
    const eventLines = lines.filter((l) => l.startsWith('    {"type":'));
    expect(eventLines).toHaveLength(trace.events.length);
    expect(eventLines[0]).toMatch(/^ {4}\{"type":"shard-ready","t":0,/);
    expect(lines.filter((l) => l.startsWith('    {"ordinal":'))).toHaveLength(trace.shards.length + trace.records.length);
  });

  it('drops undefined members and refuses values JSON cannot hold', () => {
    expect(stableJson({ b: 1, a: undefined, type: 'x', t: 2 })).toBe('{"type":"x","t":2,"b":1}');
    const withBigint = { ...trace, events: [{ type: 'result', t: 0, id: 0, outcome: 'OK_SUCCESS', response: { n: 1n } }] } as unknown as Trace;
    expect(errorMessage(() => serializeTrace(withBigint))).toBe('trace.events[0].response.n must be JSON-serializable (got a bigint 1n)');
  });
});

describe('parseTrace', () => {
  it('returns a frozen trace', () => {
    const parsed = parseTrace(serializeTrace(trace));
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.events[0])).toBe(true);
  });

  it.each([
    ['not JSON', () => 'not json', /^trace must be JSON text \(/],
    ['not an object', () => '[1]', 'trace must be an object (got [1])'],
    ['another version', () => edited((d) => (d['version'] = 2)), 'trace.version must be 1 (got 2)'],
    ['no version', () => edited((d) => delete d['version']), 'trace.version must be 1 (got undefined)'],
    ['a missing header field', () => edited((d) => delete d['streamArn']), 'trace.streamArn must be a string (got undefined)'],
    ['events not a list', () => edited((d) => (d['events'] = {})), 'trace.events must be an array (got {})'],
    ['records out of order', () => edited((d) => (d['records'][1].ordinal = 7)), 'trace.records[1].ordinal must be 1, its position in the list (got 7)'],
    ['a bad sequence number', () => edited((d) => (d['records'][0].seq = '12')), 'trace.records[0].seq must be a sequence number (a decimal string of 21..40 digits) (got "12")'],
    ['an unknown event type', () => edited((d) => (d['events'][0].type = 'nap')), /^trace\.events\[0\]\.type must be one of "shard-ready", "poll", /],
    ['an event without time', () => edited((d) => delete d['events'][0].t), 'trace.events[0].t must be a finite number >= 0 (got undefined)'],
    ['a dangling record reference', () => edited((d) => (d['events'][1].records = [99])), 'trace.events[1].records[0] must be a record ordinal 0..11 (got 99)'],
    ['a dangling shard reference', () => edited((d) => (d['events'][0].shard = 5)), 'trace.events[0].shard must be a shard ordinal 0..1 (got 5)'],
    ['a bad outcome', () => edited((d) => (d['events'].find((e: { type: string }) => e.type === 'result').outcome = 'OK')), /\.outcome must be one of "NOT_INVOKED", /],
  ])('rejects %s', (_name, text, expected) => {
    const message = errorMessage(() => parseTrace(text()));
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });
});
