import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/mapping/simulate.js';
import { formatVirtualTime, itemKeyText, quoted, renderTrace, summarizeTrace, traceSummary } from '../../src/trace/index.js';
import { poisonHandler, smallScenario, smallTrace } from './smallTrace.js';

const trace = await smallTrace();
const rendered = renderTrace(trace);
const lines = rendered.split('\n');
const eventLines = lines.slice(lines.findIndex((l) => l.startsWith('events')) + 1, -1);

describe('renderTrace', () => {
  it('starts with a header: stream, function, shards and every record', () => {
    expect(lines[0]).toBe(`stream   ${trace.streamArn}`);
    expect(lines[1]).toBe(`function ${trace.functionArn}`);
    expect(lines[2]).toBe('start    2026-01-01T00:00:00.000Z');
    expect(lines[3]).toBe('shards   2');
    expect(lines[4]).toMatch(/^ {2}shard 0 {2}shardId-\d+-[0-9a-f]+ {2}\+0\.000s – open {2}5 records$/);
    expect(lines).toContain('records  12');
    expect(lines).toContain(`  @11  shard 1  +1.100s  MODIFY  seq ${trace.records[11]!.seq}  k2`);
    expect(lines).toContain(`events   ${trace.events.length}`);
  });

  it('merges an invocation with its adjacent result onto one line', () => {
    expect(eventLines[4]).toBe('           shard 0/lane 0  invoke #0 attempt 1 env 0 records [k0@0]  → OK_SUCCESS');
    expect(rendered).toContain('shard 1/lane 0  invoke #11 attempt 3 env 1 records [k1@10]  → FUNCTION_ERROR Error: poison\n');
  });

  it('shows a result on its own line when other events came between', () => {
    expect(rendered).toContain('shard 1/lane 0  invoke #7 attempt 1 env 1 records [k2@8, k1@10]\n');
    expect(rendered).toContain('shard 1/lane 0  result #7 → FUNCTION_ERROR Error: poison\n');
  });

  it('names the time once per group of events at the same instant', () => {
    expect(eventLines[0]).toBe('  +0.000s  shard 0         ready TRIM_HORIZON');
    expect(eventLines[1]).toBe('           shard 0/lane 0  batch [k0@0] cut available');
    const times = eventLines.map((l) => l.slice(2, 9).trim()).filter((t) => t !== '');
    expect(times).toEqual([...new Set(times)]);
    expect(times).toEqual(['+0.000s', '+0.250s', '+0.500s', '+0.750s', '+1.000s', '+1.500s', '+2.500s']);
  });

  it('renders checkpoints, bisects, discards and the end', () => {
    expect(rendered).toContain('shard 0         checkpoint → k0@0\n');
    expect(rendered).toContain('shard 1/lane 0  bisect [k2@8] | [k1@10]\n');
    expect(rendered).toMatch(/shard 1\/lane 0 {2}discard RetryAttemptsExhausted 1 record \[k1@10\] destination yes\n/);
    expect(eventLines.at(-1)).toBe('                           end drained');
  });

  it('quotes item keys with control characters, so a newline cannot break a line', () => {
    expect(rendered).toContain('  @4   shard 0  +0.400s  INSERT  seq ');
    expect(rendered).toContain('"bad\\nkey"@4');
    expect(rendered).not.toContain('bad\nkey');
    for (const line of eventLines) expect(line).toMatch(/^ {2}(\+\d\.\d{3}s| {7}) {2}/);
  });

  it('abbreviates long record lists', async () => {
    const scenario = smallScenario();
    const big = await simulate({ ...scenario, stream: { shardCount: 1 }, mapping: { ...scenario.mapping, batchSize: 10, maximumBatchingWindowInSeconds: 2 } }, poisonHandler);
    const text = renderTrace(big);
    expect(text).toContain('shard 0/lane 0  batch 10 records: k0@0 … k0@9 cut size (11 polled)\n');
    expect(text).toContain('shard 0/lane 0  invoke #0 attempt 1 env 0 with 10 records: k0@0 … k0@9  → OK_SUCCESS\n');
    expect(text).toContain('shard 0/lane 0  invoke #1 attempt 1 env 0 records [k1@10, k2@11]  → FUNCTION_ERROR Error: poison\n');
    expect(renderTrace(big, { maxListedRecords: 20 })).toContain('batch [k0@0, k1@1, k2@2, k0@3, "bad\\nkey"@4, k2@5,');
  });

  it('names the records a partial response reported as failed', async () => {
    const partial = await simulate(smallScenario(), async (event) => ({
      batchItemFailures: event.Records.filter((r) => r.dynamodb?.NewImage?.['v']?.N === '10').map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })),
    }));
    expect(renderTrace(partial)).toContain('shard 1/lane 0  result #7 → OK_PARTIAL failed [k1@10]\n');
  });

  it('can leave the record list out of the header', () => {
    const text = renderTrace(trace, { listRecords: false });
    expect(text).toContain('records  12\nevents   ');
  });
});

describe('summarizeTrace', () => {
  it('counts per shard and names how the run ended', () => {
    const summary = summarizeTrace(trace).split('\n');
    expect(summary[0]).toBe('summary      drained at +2.500s; 12 records on 2 shards, 13 invocations');
    expect(summary[1]).toBe('  shard  records  invocations  errors  partial  throttles  retries  bisects  discarded  trimmed  checkpoint');
    expect(summary[2]).toBe('      0        5            4       0        0          0        0        0          0        0  k0@9 (5/5)');
    expect(summary[3]).toBe('      1        7            9       4        0          0        2        1          1        0  k2@11 (7/7)');
    expect(summary.slice(4)).toEqual(['environments 2 started, 0 recycled', 'faults       none', 'findings     none', '']);
  });

  it('counts throttles, faults and recycled environments', async () => {
    const faulty = await simulate(
      smallScenario({ faults: { invocations: [{ kind: 'throttle', match: { dispatch: 0 } }, { kind: 'timeout', match: { dispatch: 1 } }], timed: [{ kind: 'restart', at: 700 }] } }),
      poisonHandler,
    );
    const summary = traceSummary(faulty);
    expect(summary.shards.reduce((n, s) => n + s.throttles, 0)).toBe(1);
    expect(summary.faults).toEqual({ throttle: 1, timeout: 1, restart: 1 });
    expect(summary.environments.recycleReasons).toEqual({ timeout: 1 });
    expect(summarizeTrace(faulty)).toContain('environments 2 started, 1 recycled (timeout 1)');
    expect(renderTrace(faulty)).toContain('mapping         restarted');
  });
});

describe('text pieces', () => {
  it('formats virtual time', () => {
    expect([0, 250, 59_999, 60_000, 125_000, 3_600_000, 90_061_001].map(formatVirtualTime)).toEqual([
      '+0.000s', '+0.250s', '+59.999s', '+1m00.000s', '+2m05.000s', '+1h00m00.000s', '+1d01h01m01.001s',
    ]);
  });

  it('quotes anything but plain key characters', () => {
    expect(quoted('user#1:a_b.c/d-e')).toBe('user#1:a_b.c/d-e');
    expect(quoted('')).toBe('""');
    expect(quoted('a b')).toBe('"a b"');
    expect(quoted('x\u202ey\u0085z\u2028')).toBe('"x\\u202ey\\u0085z\\u2028"');
  });

  it('shows the documented item key as it is: the form the model and the itemKey helper give', () => {
    expect(itemKeyText({ itemKey: 'user#1|profile', partitionKey: 'user#1' })).toBe('user#1|profile');
    expect(itemKeyText({ itemKey: '"a|b"|"x y"', partitionKey: 'a|b' })).toBe('"a|b"|"x y"');
    expect(itemKeyText({ itemKey: 'user#1', partitionKey: 'user#1' })).toBe('user#1');
    // A hand-edited trace cannot break a line.
    expect(itemKeyText({ itemKey: 'a\nb|c', partitionKey: 'a' })).toBe('"a\\nb|c"');
  });

  it('shows the keys of traces written before that form in it too', () => {
    expect(itemKeyText({ itemKey: '["user#1","profile"]', partitionKey: 'user#1' })).toBe('user#1|profile');
    expect(itemKeyText({ itemKey: 'a b', partitionKey: 'a b' })).toBe('"a b"');
    expect(itemKeyText({ itemKey: '["a|b","x y"]', partitionKey: 'a|b' })).toBe('"a|b"|"x y"');
    expect(itemKeyText({ itemKey: '["x"]', partitionKey: '["x"]' })).toBe('"[\\"x\\"]"');
  });
});
