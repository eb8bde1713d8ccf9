import { describe, expect, it } from 'vitest';
import {
  checkpoints,
  deliveries,
  discards,
  invocations,
  onlyPayload,
  puts,
  RBIF,
  recorder,
  reportFailures,
  run,
  seqOf,
  SQS_DLQ,
  summary,
  TABLE,
} from './helpers.js';

const dlq = { onFailure: { destination: SQS_DLQ } };

describe('partial batch responses (R27, R35–R39)', () => {
  it('R27: without ReportBatchItemFailures a returned batchItemFailures is ignored: the batch succeeded', async () => {
    const rec = recorder((call) => reportFailures(call, [1]));
    const trace = await run({ table: TABLE, operations: puts(3) }, rec.handler);
    expect(summary(trace)).toEqual([[[0, 1, 2], 1, 'OK_SUCCESS']]);
    expect(checkpoints(trace)).toEqual([2]);
    expect(rec.calls).toHaveLength(1);
  });

  it('R35: the identifier of a record is its dynamodb.SequenceNumber', async () => {
    const rec = recorder((call) => (call.n === 0 ? { batchItemFailures: [{ itemIdentifier: call.records[1]!.dynamodb!.SequenceNumber! }] } : undefined));
    const trace = await run({ table: TABLE, operations: puts(3), mapping: { functionResponseTypes: RBIF } }, rec.handler);
    expect(invocations(trace)[0]!.lowest).toBe(seqOf(trace, 1));
    expect(summary(trace)).toEqual([
      [[0, 1, 2], 1, 'OK_PARTIAL'],
      [[1, 2], 1, 'OK_SUCCESS'],
    ]);
  });

  const successes: [string, unknown][] = [
    ['an empty batchItemFailures list', { batchItemFailures: [] }],
    ['a null batchItemFailures list', { batchItemFailures: null }],
    ['an empty object', {}],
    ['null', null],
    ['no return value', undefined],
    ['a top-level "" (observed)', ''],
    ['a top-level [] (observed)', []],
  ];
  for (const [name, response] of successes) {
    it(`R36: under RBIF ${name} is a complete success`, async () => {
      const trace = await run({ table: TABLE, operations: puts(3), mapping: { functionResponseTypes: RBIF } }, async () => response as never);
      expect(summary(trace)).toEqual([[[0, 1, 2], 1, 'OK_SUCCESS']]);
      expect(checkpoints(trace)).toEqual([2]);
    });
  }

  const failures: [string, (seqs: readonly string[]) => unknown][] = [
    ['an empty-string itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: '' }] })],
    ['a null itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: null }] })],
    ['a wrong key name', (seqs) => ({ batchItemFailures: [{ foo: seqs[1] }] })],
    ['a numeric itemIdentifier (observed: 123)', () => ({ batchItemFailures: [{ itemIdentifier: 123 }] })],
    ['one bad entry next to a valid one', (seqs) => ({ batchItemFailures: [{ itemIdentifier: seqs[2] }, { itemIdentifier: '' }] })],
    // ambiguity 3 default ('fail'): a well-formed sequence number that is not in the batch
    ['an identifier not in the batch (ambiguity 3 default)', () => ({ batchItemFailures: [{ itemIdentifier: '1'.repeat(25) }] })],
    // ambiguity 4 default ('fail'): a non-object response under RBIF
    ['a non-object response "abc" (ambiguity 4 default)', () => 'abc'],
  ];
  for (const [name, respond] of failures) {
    it(`R37: under RBIF ${name} is a complete failure that counts toward the retry quota`, async () => {
      const rec = recorder((call) => respond(call.seqs));
      const trace = await run({ table: TABLE, operations: puts(3), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 1, destinationConfig: dlq } }, rec.handler);
      expect(summary(trace)).toEqual([
        [[0, 1, 2], 1, 'OK_MALFORMED'],
        [[0, 1, 2], 2, 'OK_MALFORMED'],
      ]);
      expect(discards(trace).map((d) => [d.records, d.condition])).toEqual([[[0, 1, 2], 'RetryAttemptsExhausted']]);
      expect(onlyPayload(trace).requestContext.approximateInvokeCount).toBe(2);
      expect(checkpoints(trace)).toEqual([2]);
    });
  }

  it('R38: the lowest reported sequence number is the checkpoint, whatever the order of the list', async () => {
    const rec = recorder((call) => (call.n === 0 ? reportFailures(call, [3, 1]) : undefined));
    const trace = await run({ table: TABLE, operations: puts(5), mapping: { functionResponseTypes: RBIF } }, rec.handler);
    expect(invocations(trace)[0]!.lowest).toBe(seqOf(trace, 1));
    // everything from the lowest onward is retried, including record 2 which succeeded
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3, 4], 1, 'OK_PARTIAL'],
      [[1, 2, 3, 4], 1, 'OK_SUCCESS'],
    ]);
    expect(trace.events.filter((e) => e.type === 'checkpoint').map((e) => (e as { seq: string }).seq)).toEqual([seqOf(trace, 0), seqOf(trace, 4)]);
    expect(checkpoints(trace)).toEqual([0, 4]);
  });

  it('R38: checkpoints before the lowest reported failure and retries from it immediately (I7)', async () => {
    const rec = recorder((call) => (call.n === 0 ? reportFailures(call, [2]) : undefined));
    const trace = await run({ table: TABLE, operations: puts(4), mapping: { functionResponseTypes: RBIF } }, rec.handler);
    const inv = invocations(trace);
    expect(inv.map((i) => [i.t, i.records])).toEqual([
      [0, [0, 1, 2, 3]],
      [0, [2, 3]],
    ]);
    expect(checkpoints(trace)).toEqual([1, 3]);
  });

  it('R38: a partial failure naming the first record does not move the checkpoint but counts as an attempt', async () => {
    const rec = recorder((call) => reportFailures(call, [0]));
    const trace = await run(
      { table: TABLE, operations: puts(3), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 1, destinationConfig: dlq } },
      rec.handler,
    );
    expect(summary(trace)).toEqual([
      [[0, 1, 2], 1, 'OK_PARTIAL'],
      [[0, 1, 2], 2, 'OK_PARTIAL'],
    ]);
    expect(discards(trace).map((d) => [d.records, d.condition])).toEqual([[[0, 1, 2], 'RetryAttemptsExhausted']]);
    expect(checkpoints(trace)).toEqual([2]);
  });

  it('R40: RBIF does not prevent duplicates: successful records after the lowest failure are delivered again', async () => {
    const rec = recorder((call) => (call.n === 0 ? reportFailures(call, [1]) : undefined));
    const trace = await run({ table: TABLE, operations: puts(4), mapping: { functionResponseTypes: RBIF } }, rec.handler);
    expect([0, 1, 2, 3].map((o) => deliveries(trace, o))).toEqual([1, 2, 2, 2]);
  });

  it('R39: AWS observation — RBIF, MRA 3, BatchSize 3, record #5 of 6 always failed ⇒ 0–4 once, 5 five times, invoke count 4', async () => {
    const rec = recorder((call) => reportFailures(call, [5]));
    const trace = await run(
      { table: TABLE, operations: puts(6), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 3, batchSize: 3, destinationConfig: dlq } },
      rec.handler,
    );
    expect([0, 1, 2, 3, 4, 5].map((o) => deliveries(trace, o))).toEqual([1, 1, 1, 1, 1, 5]);
    expect(summary(trace)).toEqual([
      [[0, 1, 2], 1, 'OK_SUCCESS'],
      [[3, 4, 5], 1, 'OK_PARTIAL'],
      // the checkpoint advanced, so the remaining record set starts a fresh retry count
      [[5], 1, 'OK_PARTIAL'],
      [[5], 2, 'OK_PARTIAL'],
      [[5], 3, 'OK_PARTIAL'],
      [[5], 4, 'OK_PARTIAL'],
    ]);
    const payload = onlyPayload(trace);
    expect(payload.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(payload.requestContext.approximateInvokeCount).toBe(4);
    expect(payload.DDBStreamBatchInfo.batchSize).toBe(1);
    expect(payload.DDBStreamBatchInfo.startSequenceNumber).toBe(seqOf(trace, 5));
    expect(payload.DDBStreamBatchInfo.endSequenceNumber).toBe(seqOf(trace, 5));
    expect(checkpoints(trace)).toEqual([2, 4, 5]);
    expect(rec.calls.flatMap((c) => c.vs)).toEqual([0, 1, 2, 3, 4, 5, 5, 5, 5, 5]);
  });

  it('R39: with the reset knob off (ambiguity 5) the partial attempt keeps counting', async () => {
    const rec = recorder((call) => reportFailures(call, [5]));
    const trace = await run(
      {
        table: TABLE,
        operations: puts(6),
        mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 3, batchSize: 3, destinationConfig: dlq },
        semantics: { resetRetriesOnPartialProgress: false },
      },
      rec.handler,
    );
    expect(summary(trace).slice(1)).toEqual([
      [[3, 4, 5], 1, 'OK_PARTIAL'],
      [[5], 2, 'OK_PARTIAL'],
      [[5], 3, 'OK_PARTIAL'],
      [[5], 4, 'OK_PARTIAL'],
    ]);
    expect(deliveries(trace, 5)).toBe(4);
    expect(onlyPayload(trace).requestContext.approximateInvokeCount).toBe(4);
  });
});
