import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { check, checkItemIdentifier } from '../../src/check/index.js';
import { createPhantomItemIdentifierHandler } from '../../fixtures/handlers/phantomItemIdentifier.js';
import { corpus, indexOf, puts, RBIF, simulated, TABLE } from './support.js';

type Entry = DynamoDBBatchResponse['batchItemFailures'][number];

/** Reports the second record of its first invocation with `entry` (instead of its SequenceNumber), then succeeds. */
function reportsOnce(entry: (record: DynamoDBStreamEvent['Records'][number]) => unknown) {
  let calls = 0;
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    if (calls++ > 0 || event.Records.length < 2) return { batchItemFailures: [] };
    return { batchItemFailures: [entry(event.Records[1]!) as Entry] };
  };
}

const params = (extra: object = {}) => ({ table: TABLE, operations: puts(3), mapping: { functionResponseTypes: RBIF, batchSize: 3 }, ...extra });

describe('checkItemIdentifier (R35, R37)', () => {
  it('is silent on every correct trace of the corpus, partial responses included', async () => {
    for (const run of await corpus()) expect(checkItemIdentifier(run.trace, run.model), run.name).toEqual([]);
  });

  it('R37: an eventID in place of the SequenceNumber fails the run, naming the record; AWS retried the whole batch', async () => {
    const run = await simulated('eventID', params(), reportsOnce((record) => ({ itemIdentifier: record.eventID })));
    const events = run.trace.events;
    // Before this check, such a run passed: the retry succeeded, so nothing else noticed.
    expect(run.trace.events.filter((e) => e.type === 'result').map((e) => e.type === 'result' && e.outcome)).toEqual(['OK_MALFORMED', 'OK_SUCCESS']);
    const verdict = check(run.trace, run.model);
    expect(verdict).toMatchObject({ valid: false, kind: 'harness' });
    expect(verdict.anomalies.map((a) => a.invariant)).toEqual(['item-identifier']);
    const [anomaly] = verdict.anomalies;
    const eventId = run.model.records[1]!.event.eventID!;
    expect(anomaly).toMatchObject({ rule: 'R37', shard: 0, records: [1], events: [indexOf(events, 'invoke'), indexOf(events, 'result')] });
    expect(anomaly!.summary).toBe(
      `invocation 0 returned batchItemFailures with itemIdentifier ${JSON.stringify(eventId)} (the eventID of record @1, not its SequenceNumber): AWS takes such a response as a complete failure and retries the whole batch, not the records meant (R37); name record.dynamodb.SequenceNumber`,
    );
  });

  it('R37: a number, null, a missing key and the SequenceNumber of a record outside the batch each fire', async () => {
    const cases: [string, (record: DynamoDBStreamEvent['Records'][number]) => unknown, string][] = [
      ['number', () => ({ itemIdentifier: 123 }), 'itemIdentifier 123 (not a SequenceNumber string)'],
      ['null', () => ({ itemIdentifier: null }), 'itemIdentifier null (not a SequenceNumber string)'],
      ['missing key', (record) => ({ id: record.dynamodb!.SequenceNumber }), 'an entry without an itemIdentifier ({"id":"'],
    ];
    for (const [name, entry, what] of cases) {
      const run = await simulated(name, params(), reportsOnce(entry));
      const anomalies = checkItemIdentifier(run.trace, run.model);
      expect(anomalies, name).toHaveLength(1);
      expect(anomalies[0]!.summary, name).toContain(`invocation 0 returned batchItemFailures with ${what}`);
      expect(anomalies[0]!.records, name).toEqual([0, 1, 2]);
    }
    // Batches of one: the invocation of record 2 reports the sequence number of record 0, seen before.
    let first: string | undefined;
    let reported = false;
    const outside = await simulated('outside', { ...params(), mapping: { functionResponseTypes: RBIF, batchSize: 1 } }, async (event: DynamoDBStreamEvent) => {
      const seq = event.Records[0]!.dynamodb!.SequenceNumber!;
      first ??= seq;
      if (reported || seq === first || event.Records[0]!.dynamodb!.NewImage!['v']!.N !== '2') return { batchItemFailures: [] };
      reported = true;
      return { batchItemFailures: [{ itemIdentifier: first }] };
    });
    const anomalies = checkItemIdentifier(outside.trace, outside.model);
    expect(anomalies.map((a) => a.summary)).toEqual([
      `invocation 2 returned batchItemFailures with itemIdentifier ${JSON.stringify(first)} (the SequenceNumber of record @0, which is not in this batch): AWS takes such a response as a complete failure and retries the whole batch, not the records meant (R37); name record.dynamodb.SequenceNumber`,
    ]);
  });

  it('a computed sequence number (the phantom fixture) is reported once per record set, retries as witnesses', async () => {
    const run = await simulated('phantom', { table: TABLE, operations: puts(5), mapping: { functionResponseTypes: RBIF, batchSize: 5, maximumRetryAttempts: 2 } }, createPhantomItemIdentifierHandler(new Map()), true);
    const anomalies = checkItemIdentifier(run.trace, run.model);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]!.summary).toMatch(/^invocation 0 returned batchItemFailures with itemIdentifier "\d+" \(the SequenceNumber of no record\), and so did 2 later invocations of the same records: AWS takes/);
    expect(anomalies[0]!.events).toHaveLength(6);
  });

  it('without ReportBatchItemFailures the response is ignored (R27), so no identifier is checked', async () => {
    const run = await simulated('rbif off', params({ mapping: { batchSize: 3 } }), reportsOnce((record) => ({ itemIdentifier: record.eventID })));
    expect(checkItemIdentifier(run.trace, run.model)).toEqual([]);
  });

  it('ambiguity 3 knob: when unknown identifiers are ignored it still fires, saying the record meant was not retried', async () => {
    const run = await simulated('ignored', params({ semantics: { unknownItemIdentifier: 'ignore' } }), reportsOnce((record) => ({ itemIdentifier: record.eventID })));
    const [anomaly] = checkItemIdentifier(run.trace, run.model);
    expect(anomaly!.summary).toContain('the simulated mapping ignored it (semantics.unknownItemIdentifier: ignore), so the record it meant was not retried');
  });
});
